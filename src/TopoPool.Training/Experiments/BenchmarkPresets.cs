using TopoPool.Core.Pipelines;

namespace TopoPool.Training.Experiments;

/// <summary>
/// Named grids: <c>table2</c>, the paper's Table 2 (its 9 rows × its 5 datasets × seeds 1–10), and <c>ablation</c>,
/// the same datasets with the <c>pooled-readout</c> model for GCN and every pool.
/// </summary>
public static class BenchmarkPresets
{
    public static IReadOnlyList<string> Names { get; } = ["table2", "ablation"];

    /// <summary>The cells of preset <paramref name="name"/>.</summary>
    public static IReadOnlyList<BenchmarkCell> Cells(string name) => name switch
    {
        "table2" => PaperTable2.Rows.Select(r => new BenchmarkCell(ModelPresets.Paper, Gnn(r.Gnn), Pool(r.Pool))).ToList(),
        "ablation" => ComponentNames.Pools.Select(p => new BenchmarkCell(ModelPresets.PooledReadout, ConvolutionKind.Gcn, Pool(p))).ToList(),
        _ => throw new ArgumentException($"unknown grid preset '{name}' (choose {string.Join(", ", Names)})", nameof(name)),
    };

    private static ConvolutionKind Gnn(string name) => ComponentNames.TryGnn(name, out var g) ? g : throw new InvalidOperationException(name);

    private static PoolingKind Pool(string name) => ComponentNames.TryPool(name, out var p) ? p : throw new InvalidOperationException(name);
}
