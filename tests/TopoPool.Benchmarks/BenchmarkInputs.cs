using TopoPool.Cli.Requests;
using TopoPool.Cli.Timing;

namespace TopoPool.Benchmarks;

/// <summary>Finds the reference batch (shared/bench/molecules_128.json) from wherever BenchmarkDotNet runs.</summary>
public static class BenchmarkInputs
{
    public const string ReferenceBatch = "shared/bench/molecules_128.json";

    public static BenchmarkBatch Molecules128()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("TOPOPOOL_BENCH_BATCH");
        if (!string.IsNullOrEmpty(fromEnvironment)) return BenchmarkBatch.Load(fromEnvironment);
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, ReferenceBatch);
                if (File.Exists(candidate)) return BenchmarkBatch.Load(candidate);
                candidate = Path.Combine(dir.FullName, "..", ReferenceBatch);
                if (File.Exists(candidate)) return BenchmarkBatch.Load(candidate);
            }
        }
        throw new FileNotFoundException($"{ReferenceBatch} not found above {Directory.GetCurrentDirectory()}; set TOPOPOOL_BENCH_BATCH");
    }
}
