using BenchmarkDotNet.Running;

// Every [Benchmark] class in this assembly is selectable: dotnet run -c Release --project tests/TopoPool.Benchmarks -- --filter '*Layer*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
