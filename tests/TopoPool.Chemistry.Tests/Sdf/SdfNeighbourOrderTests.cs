using System.Text;
using FsCheck;
using FsCheck.Fluent;
using TopoPool.Chemistry.Sdf;
using TopoPool.Testing;
using Xunit;

namespace TopoPool.Chemistry.Tests.Sdf;

/// <summary>
/// Chiral tags are relative to each atom's neighbour order, which is the order of the bond block: reordering the
/// bond lines of a golden record (2D wedges or 3D coordinates with explicit hydrogens) leaves the atoms and bonds as
/// they were and turns a tag round exactly when the atom's neighbours come out in an odd permutation (a folded
/// hydrogen counting last in both readings).
/// </summary>
public sealed class SdfNeighbourOrderTests
{
    private static readonly Lazy<Dictionary<string, string[]>> Records = new(() => new()
    {
        ["2d"] = Load("caco2_wang.2d.sdf"),
        ["3d"] = Load("caco2_wang.3d.sdf"),
    });

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Reordering_bonds_turns_tags_by_the_parity_of_the_new_neighbour_order() =>
        Prop.ForAll(
            (from kind in Gen.Elements("2d", "3d")
             from record in Gen.Choose(0, 895)
             from seed in Gen.Choose(0, int.MaxValue)
             select (kind, record, seed)).ToArbitrary(),
            c =>
            {
                string original = Records.Value[c.kind][c.record];
                string shuffled = ShuffleBonds(original, new Random(c.seed));
                var before = ReadOne(original);
                var after = ReadOne(shuffled);
                if (before.AtomCount != after.AtomCount
                    || !before.Atoms.Select(a => a.Symbol).SequenceEqual(after.Atoms.Select(a => a.Symbol))
                    || !BondSet(before).SetEquals(BondSet(after)))
                {
                    return false;
                }

                for (int a = 0; a < before.AtomCount; a++)
                {
                    int tag = before.Atoms[a].ChiralTag;
                    int expected = tag is 1 or 2 && OddPermutation(before.NeighboursOf(a), after.NeighboursOf(a)) ? 3 - tag : tag;
                    if (after.Atoms[a].ChiralTag != expected)
                    {
                        return false;
                    }
                }

                return true;
            });

    [Fact]
    public void The_golden_files_have_stereocentres_to_test()
    {
        foreach (string kind in new[] { "2d", "3d" })
        {
            int tagged = Records.Value[kind].Count(r => ReadOne(r).Atoms.Any(a => a.ChiralTag != 0));
            Assert.True(tagged > 100, $"{kind}: only {tagged} records with a stereocentre");
        }
    }

    private static Molecule ReadOne(string record)
    {
        using var source = SdfMoleculeSource.FromStream(new MemoryStream(Encoding.UTF8.GetBytes(record)), "record.sdf");
        var read = Assert.Single(source.Read());
        Assert.True(read.IsValid, read.Error);
        return read.Molecule!;
    }

    private static HashSet<(int, int, BondOrder)> BondSet(Molecule molecule) =>
        molecule.Bonds.Select(b => (Math.Min(b.Begin, b.End), Math.Max(b.Begin, b.End), b.Order)).ToHashSet();

    /// <summary>Whether <paramref name="after"/> is an odd permutation of <paramref name="before"/>.</summary>
    private static bool OddPermutation(ReadOnlySpan<int> before, ReadOnlySpan<int> after)
    {
        int[] sequence = new int[before.Length];
        for (int i = 0; i < before.Length; i++)
        {
            sequence[i] = after.IndexOf(before[i]);
        }

        int swaps = 0;
        for (int i = 0; i < sequence.Length; i++)
        {
            while (sequence[i] != i)
            {
                (sequence[sequence[i]], sequence[i]) = (sequence[i], sequence[sequence[i]]);
                swaps++;
            }
        }

        return swaps % 2 == 1;
    }

    /// <summary>The V2000 record with its bond lines in a random order (each line itself unchanged).</summary>
    private static string ShuffleBonds(string record, Random random)
    {
        string[] lines = record.Split('\n');
        int atoms = int.Parse(lines[3].AsSpan(0, 3));
        int bonds = int.Parse(lines[3].AsSpan(3, 3));
        var bondLines = lines.Skip(4 + atoms).Take(bonds).ToArray();
        random.Shuffle(bondLines);
        Array.Copy(bondLines, 0, lines, 4 + atoms, bonds);
        return string.Join('\n', lines);
    }

    private static string[] Load(string name) =>
        File.ReadAllText(SharedFolder.Path("golden", name)).Split("$$$$\n").Where(r => r.Length > 0).ToArray();
}
