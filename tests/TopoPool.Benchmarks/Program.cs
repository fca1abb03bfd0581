using BenchmarkDotNet.Running;
using TopoPool.Benchmarks;
using TopoPool.Torch.Reproducibility;

// Every [Benchmark] class in this assembly is selectable: dotnet run -c Release --project tests/TopoPool.Benchmarks -- --filter '*Layer*'
// A one-shot table scan for peak-memory measurements: ... -- table-scan rows|molecules N [damaged]
// Where an epoch's time goes: ... -- epoch-profile DATASET GNN POOL [EPOCHS] [reshuffle|stages]
if (args.Length > 0 && args[0] == "epoch-profile")
{
    NumericReproducibility.Pin(); // the grid's kernels, set before libtorch loads
    return EpochProfile.Run(args);
}

if (args.Length > 0 && args[0] == "table-scan")
{
    return TableScan.Run(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
