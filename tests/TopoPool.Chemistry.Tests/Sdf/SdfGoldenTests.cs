using TopoPool.Chemistry.Sdf;
using TopoPool.Chemistry.Smiles;
using TopoPool.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TopoPool.Chemistry.Tests.Sdf;

/// <summary>
/// The three golden SDF files (golden/README.md: 896 Caco2 molecules as RDKit writes them in 2D with wedges, in 3D
/// with explicit hydrogens, and in V3000) read record by record exactly as RDKit 2022.09 reads them: same atoms in the
/// same order, the same 39 TDC features per atom (element, degree, charge, chiral tag 0/1/2/3 compared exactly, since
/// the files' atom order is RDKit's, and aromatic flag) and the same bonds.
/// </summary>
public sealed class SdfGoldenTests
{
    private readonly ITestOutputHelper output;

    public SdfGoldenTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    [Theory]
    [InlineData("2d")]
    [InlineData("3d")]
    [InlineData("v3000")]
    public void Records_read_as_RDKit_reads_them(string kind)
    {
        var golden = SdfGoldenRecord.Load($"caco2_wang.{kind}.rdkit.jsonl");
        using var source = SdfMoleculeSource.Open(SharedFolder.Path("golden", $"caco2_wang.{kind}.sdf"));
        var records = source.Read().ToList();
        Assert.Equal(golden.Count, records.Count);
        var failures = new List<string>();
        for (int i = 0; i < golden.Count; i++)
        {
            string? difference = SdfComparison.Difference(records[i], golden[i]);
            if (difference is not null)
            {
                failures.Add($"record {golden[i].Record} ({golden[i].Smiles}): {difference}");
            }
        }

        output.WriteLine($"{kind}: {golden.Count - failures.Count} of {golden.Count} records identical to RDKit ({100.0 * (golden.Count - failures.Count) / golden.Count:F2}%)");
        foreach (string failure in failures)
        {
            output.WriteLine(failure);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
    }

    /// <summary>
    /// The golden files carry no hydrogen counts, so every record's hydrogens (explicit atoms folded in the 3D file,
    /// implicit ones in the others) are checked against the SMILES reader's reading of the record's own
    /// <c>smiles</c> item, itself checked against RDKit: the same multiset of (element, degree, charge, hydrogens,
    /// aromatic) over the atoms.
    /// </summary>
    [Theory]
    [InlineData("2d")]
    [InlineData("3d")]
    [InlineData("v3000")]
    public void Hydrogen_counts_agree_with_the_SMILES_reading_of_each_record(string kind)
    {
        using var source = SdfMoleculeSource.Open(SharedFolder.Path("golden", $"caco2_wang.{kind}.sdf"));
        int smilesColumn = source.Columns.IndexOf("smiles");
        Assert.True(smilesColumn >= 0);
        var failures = new List<string>();
        int records = 0;
        foreach (var record in source.Read())
        {
            records++;
            string smiles = record.Values[smilesColumn];
            Assert.True(record.Molecule is not null, record.Error);
            Assert.True(SmilesReader.TryParse(SmilesFragments.Longest(smiles), out var fromSmiles, out var error), error?.Reason);
            var ours = Signature(record.Molecule!);
            var expected = Signature(fromSmiles!);
            if (!ours.SequenceEqual(expected))
            {
                failures.Add($"record {record.Row} {smiles}: [{string.Join(" ", ours)}] vs [{string.Join(" ", expected)}]");
            }
        }

        output.WriteLine($"{kind}: hydrogens agree on {records - failures.Count} of {records} records");
        Assert.Equal(896, records);
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    private static List<string> Signature(Molecule molecule) =>
        molecule.Atoms.Select(a => $"{a.Symbol}/d{a.Degree}/q{a.FormalCharge}/h{a.TotalHydrogens}/{(a.IsAromatic ? "ar" : "al")}")
            .Order(StringComparer.Ordinal)
            .ToList();
}
