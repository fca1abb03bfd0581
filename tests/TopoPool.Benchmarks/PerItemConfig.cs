using BenchmarkDotNet.Configs;

namespace TopoPool.Benchmarks;

/// <summary>Adds the time-per-node+edge column to the scaling benchmarks.</summary>
public sealed class PerItemConfig : ManualConfig
{
    public PerItemConfig() => AddColumn(new NanosecondsPerItemColumn());
}
