using BenchmarkDotNet.Attributes;

namespace TopoPool.Benchmarks;

/// <summary>TopoPool forward and forward+backward on random molecule-like batches from 10^3 to 10^6 nodes
/// (hidden 32, one torch thread): the column ns/(node+edge) is the time per node+edge, which should stay flat.</summary>
[MemoryDiagnoser]
[Config(typeof(PerItemConfig))]
public class LayerScalingBenchmarks
{
    private LayerBenchmarkFixture fixture = null!;

    [Params(1_000, 10_000, 100_000, 1_000_000)]
    public int Nodes { get; set; }

    [GlobalSetup]
    public void Setup() => fixture = new LayerBenchmarkFixture(MoleculeLikeBatch.Create(Nodes));

    [GlobalCleanup]
    public void Cleanup() => fixture.Dispose();

    [Benchmark(Description = "forward (no_grad)")]
    public long Forward() => fixture.Forward();

    [Benchmark(Description = "forward+backward")]
    public void ForwardBackward() => fixture.ForwardBackward();
}
