using BenchmarkDotNet.Running;
using TopoPool.Benchmarks;

// Every [Benchmark] class in this assembly is selectable: dotnet run -c Release --project tests/TopoPool.Benchmarks -- --filter '*Layer*'
// A one-shot table scan for peak-memory measurements: ... -- table-scan rows|molecules N [damaged]
if (args.Length > 0 && args[0] == "table-scan")
{
    return TableScan.Run(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
