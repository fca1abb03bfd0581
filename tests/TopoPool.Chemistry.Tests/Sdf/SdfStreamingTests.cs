using System.Diagnostics;
using TopoPool.Chemistry.Sdf;
using TopoPool.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TopoPool.Chemistry.Tests.Sdf;

/// <summary>
/// Reading streams: 100,000 records (the golden 2D file repeated) are read with the managed heap, measured after
/// full collections, no larger at the end than after the first 10,000 records. Times are reported, not asserted.
/// </summary>
[Collection(nameof(SdfStreamingTests))]
public sealed class SdfStreamingTests
{
    private const int Records = 100_000;
    private const long AllowedGrowth = 16 << 20;

    private readonly ITestOutputHelper output;

    public SdfStreamingTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    [Fact]
    public void Memory_does_not_grow_with_the_number_of_records()
    {
        string folder = Path.Combine(Path.GetTempPath(), "topopool-sdf-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string path = Path.Combine(folder, "large.sdf");
            long bytes = WriteRepeatedGolden(path);
            var clock = Stopwatch.StartNew();
            using var source = SdfMoleculeSource.Open(path);
            double firstPass = clock.Elapsed.TotalSeconds;
            Assert.Equal(["Drug_ID", "smiles", "Y"], source.Columns.ToArray());
            long early = 0, late = 0;
            int count = 0, valid = 0;
            long atoms = 0;
            foreach (var record in source.Read())
            {
                count++;
                if (record.Molecule is { } molecule)
                {
                    valid++;
                    atoms += molecule.AtomCount;
                }

                if (count == 10_000)
                {
                    early = GC.GetTotalMemory(forceFullCollection: true);
                }
                else if (count == Records)
                {
                    late = GC.GetTotalMemory(forceFullCollection: true);
                }
            }

            double seconds = clock.Elapsed.TotalSeconds;
            output.WriteLine($"{count:N0} records ({bytes / 1e6:F0} MB, {atoms:N0} atoms): first pass {firstPass:F1} s, all {seconds:F1} s ({count / seconds:N0} records/s with both passes)");
            output.WriteLine($"managed heap after 10,000 records {early / 1e6:F1} MB, after {Records:N0} {late / 1e6:F1} MB (growth {(late - early) / 1e6:F2} MB); peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
            Assert.Equal(Records, count);
            Assert.Equal(Records, valid);
            Assert.True(late - early < AllowedGrowth, $"the heap grew by {(late - early) / 1e6:F1} MB over {Records - 10_000:N0} records");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Writes the golden 2D records over and over until there are <see cref="Records"/> of them.</summary>
    private static long WriteRepeatedGolden(string path)
    {
        var records = File.ReadAllText(SharedFolder.Path("golden", "caco2_wang.2d.sdf"))
            .Split("$$$$\n")
            .Where(r => r.Length > 0)
            .ToArray();
        using var writer = new StreamWriter(path);
        for (int i = 0; i < Records; i++)
        {
            writer.Write(records[i % records.Length]);
            writer.Write("$$$$\n");
        }

        writer.Flush();
        return writer.BaseStream.Length;
    }
}
