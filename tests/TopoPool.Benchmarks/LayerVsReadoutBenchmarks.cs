using BenchmarkDotNet.Attributes;

namespace TopoPool.Benchmarks;

/// <summary>The TopoPool layer against a plain global max+mean readout on the 128 reference molecules
/// (3,688 nodes, 11,746 directed edges with self-loops, hidden 32), one torch thread, CPU.</summary>
[MemoryDiagnoser]
public class LayerVsReadoutBenchmarks
{
    private LayerBenchmarkFixture fixture = null!;

    [GlobalSetup]
    public void Setup() => fixture = new LayerBenchmarkFixture(BenchmarkInputs.Molecules128());

    [GlobalCleanup]
    public void Cleanup() => fixture.Dispose();

    [Benchmark(Description = "TopoPool forward (no_grad)")]
    public long TopoPoolForward() => fixture.Forward();

    [Benchmark(Description = "TopoPool forward+backward")]
    public void TopoPoolForwardBackward() => fixture.ForwardBackward();

    [Benchmark(Description = "max+mean readout forward (no_grad)")]
    public void ReadoutForward() => fixture.ReadoutForward();

    [Benchmark(Baseline = true, Description = "max+mean readout forward+backward")]
    public void ReadoutForwardBackward() => fixture.ReadoutForwardBackward();
}
