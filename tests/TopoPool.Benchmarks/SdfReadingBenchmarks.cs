using BenchmarkDotNet.Attributes;
using TopoPool.Chemistry.Sdf;
using TopoPool.Testing;

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

    /// <summary>shared/golden/NAME (or NAME in the folder TOPOPOOL_GOLDEN_DIR names).</summary>
    private static string FindGolden(string name) => Path.Combine(SharedFolder.VariableOrPath("TOPOPOOL_GOLDEN_DIR", "golden"), name);
}
