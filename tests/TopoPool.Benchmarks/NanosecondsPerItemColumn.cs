using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace TopoPool.Benchmarks;

/// <summary>The median time divided by the batch's node + edge count (the batch is regenerated from its seed,
/// which is deterministic), so that O(N + E) scaling shows as a flat column.</summary>
public sealed class NanosecondsPerItemColumn : IColumn
{
    private static readonly ConcurrentDictionary<int, long> Items = new();

    public string Id => nameof(NanosecondsPerItemColumn);
    public string ColumnName => "ns/(node+edge)";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Median time per node plus listed edge, in nanoseconds";

    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var median = summary[benchmarkCase]?.ResultStatistics?.Median;
        if (median is null || benchmarkCase.Parameters["Nodes"] is not int nodes) return "-";
        long items = Items.GetOrAdd(nodes, n =>
        {
            var batch = MoleculeLikeBatch.Create(n);
            return batch.NumNodes + batch.Sources.Count;
        });
        return (median.Value / items).ToString("0.00", CultureInfo.InvariantCulture);
    }

    public override string ToString() => ColumnName;
}
