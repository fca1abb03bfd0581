using FsCheck;
using FsCheck.Fluent;
using TopoPool.Chemistry.Smiles;
using TopoPool.Testing;
using Xunit;

namespace TopoPool.Chemistry.Tests.Smiles;

/// <summary>
/// The reader must never throw on any input: random strings over the SMILES alphabet, random bytes, and random
/// mutations (insert, delete, replace, swap) of real drug SMILES either read or give an error with a position
/// inside the input.
/// </summary>
public sealed class SmilesReaderFuzzTests
{
    private const string Alphabet = "BCNOPSFIclnospbrH[]()=#$:/\\.%0123456789@+-*eaiuUXZ ";

    private static readonly string[] Seeds = File.ReadAllLines(SharedFolder.Path("golden", "caco2_wang.kekule.smi"))
        .Concat(GoldenSmiles())
        .Where(s => s.Length > 0)
        .ToArray();

    private static IEnumerable<string> GoldenSmiles() =>
        CsvRows.Read(SharedFolder.Path("data", "tdc", "caco2_wang.csv")).Select(r => r["Drug"]);

    private static void AssertReadsOrFailsCleanly(string text)
    {
        bool ok = SmilesReader.TryParse(text, out var molecule, out var error);
        if (ok)
        {
            Assert.NotNull(molecule);
            foreach (var atom in molecule.Atoms)
            {
                Assert.InRange(atom.Degree, 0, text.Length);
            }
        }
        else
        {
            Assert.NotNull(error);
            Assert.InRange(error.Position, 0, Math.Max(0, text.Length - 1));
            Assert.False(string.IsNullOrEmpty(error.Reason));
        }
    }

    [FsCheck.Xunit.Property(MaxTest = 3000)]
    public void Random_strings_over_the_SMILES_alphabet_never_throw(NonNull<string> seed, PositiveInt length)
    {
        var random = new Random(HashCode.Combine(seed.Get, length.Get));
        int n = length.Get % 60;
        var chars = new char[n];
        for (int i = 0; i < n; i++)
        {
            chars[i] = Alphabet[random.Next(Alphabet.Length)];
        }

        AssertReadsOrFailsCleanly(new string(chars));
    }

    [FsCheck.Xunit.Property(MaxTest = 1000)]
    public void Arbitrary_strings_never_throw(NonNull<string> text)
    {
        AssertReadsOrFailsCleanly(text.Get);
    }

    [FsCheck.Xunit.Property(MaxTest = 5000)]
    public void Mutations_of_drug_SMILES_never_throw(PositiveInt pick, int salt)
    {
        var random = new Random(HashCode.Combine(pick.Get, salt));
        var text = new System.Text.StringBuilder(Seeds[pick.Get % Seeds.Length]);
        int edits = 1 + random.Next(4);
        for (int e = 0; e < edits && text.Length > 0; e++)
        {
            int at = random.Next(text.Length);
            char c = Alphabet[random.Next(Alphabet.Length)];
            switch (random.Next(4))
            {
                case 0: text.Insert(at, c); break;
                case 1: text.Remove(at, 1); break;
                case 2: text[at] = c; break;
                default:
                    int other = random.Next(text.Length);
                    (text[at], text[other]) = (text[other], text[at]);
                    break;
            }
        }

        AssertReadsOrFailsCleanly(text.ToString());
    }

    [Fact]
    public void Pathological_inputs_never_throw()
    {
        string[] inputs =
        [
            new string('C', 100_000),
            string.Concat(Enumerable.Repeat("C(", 5_000)) + "C" + new string(')', 5_000),
            string.Concat(Enumerable.Repeat("c1ccccc1", 2_000)),
            "C" + string.Concat(Enumerable.Range(0, 100).Select(i => $"%({i + 100})")) + "CC" + string.Concat(Enumerable.Range(0, 100).Select(i => $"%({i + 100})")),
            "C%(999999999999)C",
            "[999999C]",
            "[C+++++++++++++++++++]",
            "[CH99]",
            "[C:99999999999]",
            "\0\u0001\uffff",
            "C1CC\uD800C1",
            string.Concat(Enumerable.Repeat("[Fe]", 1000)),
        ];
        foreach (string input in inputs)
        {
            AssertReadsOrFailsCleanly(input);
        }
    }
}
