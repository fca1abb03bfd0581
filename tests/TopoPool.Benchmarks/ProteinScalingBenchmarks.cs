using BenchmarkDotNet.Attributes;
using TopoPool.Chemistry.Proteins;
using TopoPool.Testing;
using TopoPool.Depiction;

namespace TopoPool.Benchmarks;

/// <summary>
/// The protein path of <c>topopool explain --pdb FILE --svg</c> at 1,000 and 10,000 residues (generated globular
/// proteins at the density of folded ones, <see cref="SyntheticPdb"/>): reading the PDB text (contacts included), the
/// contact graph alone (<see cref="ContactGrid"/>), the layout (<see cref="ResidueLayout"/>) and the SVG picture with a
/// cluster per ten residues. Each should grow about tenfold from 1k to 10k. Run: dotnet run -c Release --project
/// tests/TopoPool.Benchmarks -- --filter '*ProteinScaling*'.
/// </summary>
[MemoryDiagnoser]
public class ProteinScalingBenchmarks
{
    private string text = "";
    private Protein protein = null!;
    private double[] xs = [];
    private double[] ys = [];
    private double[] zs = [];
    private DepictionCluster[] clusters = [];

    [Params(1_000, 10_000)]
    public int Residues { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        text = SyntheticPdb.Text(SyntheticProtein.Globule(Residues));
        protein = PdbReader.Parse(text).Protein;
        xs = protein.Residues.Select(r => r.X).ToArray();
        ys = protein.Residues.Select(r => r.Y).ToArray();
        zs = protein.Residues.Select(r => r.Z).ToArray();
        clusters = Enumerable.Range(0, Residues / 10)
            .Select(c => new DepictionCluster(Enumerable.Range(c * 10, 10).ToArray(), (c * 10) + 5, 1.0 / (c + 1)))
            .ToArray();
    }

    [Benchmark]
    public int ReadPdb() => PdbReader.Parse(text).Protein.Edges.Length;

    [Benchmark]
    public int ContactGraph()
    {
        ContactGrid.TryFind(xs, ys, zs, Protein.DefaultContactCutoff, int.MaxValue, out var contacts);
        return contacts.Length;
    }

    [Benchmark]
    public int Layout() => ResidueLayout.Compute(protein).Length;

    [Benchmark]
    public int Picture() => ClusterPicture.ForProtein(protein, clusters, "synthetic").ToSvg().Length;
}
