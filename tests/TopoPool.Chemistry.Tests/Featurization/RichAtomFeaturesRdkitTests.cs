using System.Globalization;
using System.Text.Json;
using TopoPool.Chemistry.Featurization;
using TopoPool.Chemistry.Smiles;
using TopoPool.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TopoPool.Chemistry.Tests.Featurization;

/// <summary>
/// Every feature block of <see cref="RichAtomFeatures"/> against RDKit 2022.09.3. Data/rich/rich_atoms.rdkit.tsv
/// (written by make_rich_reference.py beside it) holds RDKit's reading, in input atom order, of every golden Caco2
/// molecule and of the hand-picked hard cases of Data/rdkit_reference.tsv: symbol, degree, charge, hydrogens,
/// hybridisation, aromatic, in ring, smallest ring, chiral tag, mass. The expected row of each atom is built here
/// from those values with the column list of <see cref="RichAtomFeaturesTests.ColumnNames"/>, written out by hand.
/// Chiral tags are compared with clockwise and counter-clockwise merged: RDKit stores them relative to its bond
/// order, which puts a ring-closure bond where the ring closes, while the reader keeps them relative to the input's
/// neighbour order (ring closures where their digit stands), so the two legitimately swap 1 and 2 (golden/README.md);
/// how often they coincide anyway is only reported. The blocks that shared/golden itself carries (element, degree, charge, chiral tag, aromatic) are also compared
/// with caco2_wang.rdkit.jsonl, as multisets since it lists atoms in RDKit's canonical order.
/// </summary>
public sealed class RichAtomFeaturesRdkitTests
{
    private static readonly string[] Blocks =
        ["Element", "Degree", "FormalCharge", "Hydrogens", "Hybridization", "Aromatic", "InRing", "SmallestRing", "ChiralTag", "Mass"];

    private readonly ITestOutputHelper output;

    public RichAtomFeaturesRdkitTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    private sealed record RdkitAtom(
        string Symbol, int Degree, int Charge, int Hydrogens, string Hybridization, bool Aromatic, bool InRing, int SmallestRing, int ChiralTag, double Mass);

    private sealed record ReferenceMolecule(string Source, int Id, string Smiles, RdkitAtom[] Atoms);

    [Theory]
    [InlineData("golden", 910)]
    [InlineData("reference", 160)]
    public void Every_block_agrees_with_RDKit_atom_by_atom(string source, int molecules)
    {
        var cases = Reference().Where(m => m.Source == source).ToList();
        Assert.Equal(molecules, cases.Count);

        var agreeing = new int[Blocks.Length];
        int atoms = 0, identicalMolecules = 0, sameTagDirection = 0;
        var failures = new List<string>();
        foreach (ReferenceMolecule reference in cases)
        {
            Assert.True(SmilesReader.TryParse(reference.Smiles, out Molecule? molecule, out SmilesError? error), $"{reference.Smiles}: {error?.Reason}");
            Assert.Equal(reference.Atoms.Length, molecule.AtomCount);
            float[] values = RichAtomFeatures.Featurize(molecule);
            bool identical = true;
            for (int a = 0; a < molecule.AtomCount; a++)
            {
                atoms++;
                float[] actual = values.AsSpan(a * RichAtomFeatures.Width, RichAtomFeatures.Width).ToArray();
                float[] expected = ExpectedRow(reference.Atoms[a]);
                if (ColumnsOf("ChiralTag").All(c => expected[c] == actual[c]))
                {
                    sameTagDirection++;
                }

                for (int block = 0; block < Blocks.Length; block++)
                {
                    if (BlockAgrees(Blocks[block], expected, actual, isotope: molecule.Atoms[a].Isotope > 0))
                    {
                        agreeing[block]++;
                    }
                    else
                    {
                        identical = false;
                        failures.Add($"{source} {reference.Id} {reference.Smiles} atom {a} {reference.Atoms[a].Symbol}: {Blocks[block]} " +
                            $"RDKit {Describe(Blocks[block], expected)}, ours {Describe(Blocks[block], actual)}");
                    }
                }
            }

            if (identical)
            {
                identicalMolecules++;
            }
        }

        output.WriteLine($"{source}: {identicalMolecules} of {cases.Count} molecules identical to RDKit in every block; {atoms} atoms");
        for (int block = 0; block < Blocks.Length; block++)
        {
            output.WriteLine($"  {Blocks[block],-13} {agreeing[block]} of {atoms} atoms ({100.0 * agreeing[block] / atoms:F2}%)");
        }

        output.WriteLine($"  chiral tags with RDKit's own clockwise / counter-clockwise: {sameTagDirection} of {atoms} atoms");
        foreach (string failure in failures.Take(50))
        {
            output.WriteLine(failure);
        }

        Assert.True(failures.Count == 0, $"{failures.Count} block mismatches, e.g.\n{string.Join("\n", failures.Take(20))}");
    }

    [Theory]
    [InlineData("caco2_wang.rdkit.jsonl")]
    [InlineData("caco2_wang.kekule.rdkit.jsonl")]
    public void Blocks_the_golden_files_carry_agree_with_them(string golden)
    {
        int compared = 0;
        var mismatches = new List<string>();
        foreach (string line in File.ReadLines(SharedFolder.Path("golden", golden)))
        {
            using JsonDocument document = JsonDocument.Parse(line);
            JsonElement root = document.RootElement;
            string smiles = root.GetProperty("input_used").GetString()!;
            string[] symbols = root.GetProperty("atoms").EnumerateArray().Select(s => s.GetString()!).ToArray();
            int[][] tdc = root.GetProperty("features").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetInt32()).ToArray()).ToArray();
            var expected = symbols.Select((symbol, i) => GoldenKey(symbol, tdc[i])).Order(StringComparer.Ordinal).ToList();

            Molecule molecule = SmilesReader.Parse(smiles);
            float[] values = RichAtomFeatures.Featurize(molecule);
            var actual = Enumerable.Range(0, molecule.AtomCount)
                .Select(a => RichKey(values.AsSpan(a * RichAtomFeatures.Width, RichAtomFeatures.Width).ToArray()))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (!actual.SequenceEqual(expected))
            {
                mismatches.Add($"{smiles}: RDKit {string.Join(" ", expected)} ours {string.Join(" ", actual)}");
            }

            compared++;
        }

        output.WriteLine($"{golden}: {compared - mismatches.Count} of {compared} molecules agree on element, degree, charge, chiral tag and aromatic flag");
        Assert.Equal(910, compared);
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(10)));
    }

    /// <summary>The row RDKit's values call for, one block at a time, by the hand-written column names.</summary>
    private static float[] ExpectedRow(RdkitAtom atom)
    {
        var row = new float[RichAtomFeaturesTests.ColumnNames.Length];
        void Set(string name) => row[Column(name)] = 1;

        string[] elements = ["C", "N", "O", "S", "F", "Cl", "Br", "I", "P", "B", "Si", "Se"];
        Set("Element=" + (elements.Contains(atom.Symbol) ? atom.Symbol : "other"));
        Set("Degree=" + Math.Min(atom.Degree, 5));
        if (atom.Charge is >= -2 and <= 2)
        {
            Set("FormalCharge=" + atom.Charge);
        }

        Set("Hydrogens=" + Math.Min(atom.Hydrogens, 4));
        string[] hybridisations = ["S", "SP", "SP2", "SP3", "SP3D", "SP3D2"];
        Set("Hybridization=" + (hybridisations.Contains(atom.Hybridization) ? atom.Hybridization : "other"));
        if (atom.Aromatic)
        {
            Set("Aromatic");
        }

        if (atom.InRing)
        {
            Set("InRing");
        }

        if (atom.SmallestRing >= 3)
        {
            Set("SmallestRing=" + Math.Min(atom.SmallestRing, 8));
        }

        if (atom.ChiralTag <= 2)
        {
            Set("ChiralTag=" + atom.ChiralTag);
        }

        row[Column("Mass")] = (float)(atom.Mass / 100);
        return row;
    }

    private static bool BlockAgrees(string block, float[] expected, float[] actual, bool isotope)
    {
        int[] columns = ColumnsOf(block);
        if (block == "Mass")
        {
            // A written isotope is featurized by its mass number, RDKit's mass is the isotope's exact mass.
            return Math.Abs(expected[columns[0]] - actual[columns[0]]) <= (isotope ? 1e-3 : 1e-6);
        }

        if (block == "ChiralTag")
        {
            // [0, 1, 2] -> tag 0 set, tag 1 or 2 set, neither (RDKit's other tags).
            return expected[columns[0]] == actual[columns[0]] &&
                expected[columns[1]] + expected[columns[2]] == actual[columns[1]] + actual[columns[2]];
        }

        return columns.All(c => expected[c] == actual[c]);
    }

    private static string Describe(string block, float[] row)
    {
        int[] columns = ColumnsOf(block);
        if (block == "Mass")
        {
            return row[columns[0]].ToString("R", CultureInfo.InvariantCulture);
        }

        var set = columns.Where(c => row[c] != 0).Select(c => RichAtomFeaturesTests.ColumnNames[c]).ToArray();
        return set.Length == 0 ? "(none)" : string.Join("+", set);
    }

    private static int[] ColumnsOf(string block) =>
        Enumerable.Range(0, RichAtomFeaturesTests.ColumnNames.Length)
            .Where(c => RichAtomFeaturesTests.ColumnNames[c] == block || RichAtomFeaturesTests.ColumnNames[c].StartsWith(block + "=", StringComparison.Ordinal))
            .ToArray();

    private static int Column(string name)
    {
        int column = Array.IndexOf(RichAtomFeaturesTests.ColumnNames, name);
        Assert.True(column >= 0, $"no column {name}");
        return column;
    }

    /// <summary>Element (in the rich list or "other"), degree, charge, chiral tag with 1 and 2 merged, aromatic flag
    /// from a golden 39-feature TDC row (charges -1 -2 1 2 0 at 29-33, tags at 34-37, aromatic at 38).</summary>
    private static string GoldenKey(string symbol, int[] tdc)
    {
        string[] elements = ["C", "N", "O", "S", "F", "Cl", "Br", "I", "P", "B", "Si", "Se"];
        int degree = Array.IndexOf(tdc, 1, 23, 6) - 23;
        int charge = new[] { -1, -2, 1, 2, 0 }[Array.IndexOf(tdc, 1, 29, 5) - 29];
        int tag = Array.IndexOf(tdc, 1, 34, 4) - 34;
        return Key(elements.Contains(symbol) ? symbol : "other", degree, charge.ToString(CultureInfo.InvariantCulture), tag == 3 ? "none" : tag == 0 ? "0" : "1|2", tdc[38] == 1);
    }

    private static string RichKey(float[] row)
    {
        string Hot(string block) => RichAtomFeaturesTests.ColumnNames[ColumnsOf(block).Single(c => row[c] == 1)].Split('=')[1];
        string? charge = ColumnsOf("FormalCharge").Where(c => row[c] == 1).Select(c => RichAtomFeaturesTests.ColumnNames[c].Split('=')[1]).SingleOrDefault();
        string[] tags = ColumnsOf("ChiralTag").Where(c => row[c] == 1).Select(c => RichAtomFeaturesTests.ColumnNames[c].Split('=')[1]).ToArray();
        string tag = tags.Length == 0 ? "none" : tags.Single() == "0" ? "0" : "1|2";
        return Key(Hot("Element"), int.Parse(Hot("Degree"), CultureInfo.InvariantCulture), charge ?? "beyond ±2", tag, row[Column("Aromatic")] == 1);
    }

    private static string Key(string element, int degree, string charge, string tag, bool aromatic) =>
        $"{element},{degree},{charge},{tag},{(aromatic ? 1 : 0)}";

    private static IEnumerable<ReferenceMolecule> Reference()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Data", "rich", "rich_atoms.rdkit.tsv");
        foreach (string line in File.ReadLines(path))
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            string[] parts = line.Split('\t');
            RdkitAtom[] atoms = parts[3].Split(' ').Select(text =>
            {
                string[] f = text.Split(',');
                int I(int i) => int.Parse(f[i], CultureInfo.InvariantCulture);
                return new RdkitAtom(f[0], I(1), I(2), I(3), f[4], I(5) == 1, I(6) == 1, I(7), I(8), double.Parse(f[9], CultureInfo.InvariantCulture));
            }).ToArray();
            yield return new ReferenceMolecule(parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture), parts[2], atoms);
        }
    }
}
