using BenchmarkDotNet.Attributes;
using TopoPool.Chemistry.Sdf;

namespace TopoPool.Benchmarks;

/// <summary>
/// Records per second of the SDF reader on one core: the golden Caco2 SDF files (896 records each) read from memory
/// through <see cref="SdfMoleculeSource"/> (both passes: data item names, then molecules), 2D with wedges, 3D with
/// explicit hydrogens, and V3000. Run: dotnet run -c Release --project tests/TopoPool.Benchmarks -- --filter
/// '*SdfReading*'. Records/second = 896 / (mean time per operation).
/// </summary>
[MemoryDiagnoser]
public class SdfReadingBenchmarks
{
    private byte[] file = [];

    [Params("2d", "3d", "v3000")]
    public string Kind { get; set; } = "2d";

    [GlobalSetup]
    public void Setup()
    {
        file = File.ReadAllBytes(FindGolden($"caco2_wang.{Kind}.sdf"));
    }

    [Benchmark]
    public int ReadAllRecords()
    {
        int atoms = 0;
        using var source = SdfMoleculeSource.FromStream(new MemoryStream(file, writable: false), Kind);
        foreach (var record in source.Read())
        {
            atoms += record.Molecule?.AtomCount ?? 0;
        }

        return atoms;
    }

    /// <summary>Finds shared/golden/NAME above the working or binary folder (or in TOPOPOOL_GOLDEN_DIR).</summary>
    private static string FindGolden(string name)
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable("TOPOPOOL_GOLDEN_DIR");
        var candidates = new List<string>();
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            candidates.Add(Path.Combine(fromEnvironment, name));
        }

        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                candidates.Add(Path.Combine(dir.FullName, "shared", "golden", name));
                candidates.Add(Path.Combine(dir.FullName, "..", "shared", "golden", name));
            }
        }

        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"shared/golden/{name} not found above {Directory.GetCurrentDirectory()}; set TOPOPOOL_GOLDEN_DIR");
    }
}
