using TopoPool.Cli.Requests;
using TopoPool.Cli.Timing;
using TopoPool.Testing;

namespace TopoPool.Benchmarks;

/// <summary>The reference batch (shared/bench/molecules_128.json, or the file TOPOPOOL_BENCH_BATCH names).</summary>
public static class BenchmarkInputs
{
    public static BenchmarkBatch Molecules128() =>
        BenchmarkBatch.Load(SharedFolder.VariableOrPath("TOPOPOOL_BENCH_BATCH", "bench", "molecules_128.json"));
}
