using TopoPool.Chemistry.Sdf;
using Xunit;
using Xunit.Abstractions;

namespace TopoPool.Chemistry.Tests.Sdf;

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
        using var source = SdfMoleculeSource.Open(SharedData.RequireFile("golden", $"caco2_wang.{kind}.sdf"));
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
}
