using TopoPool.Core.Pipelines;

namespace TopoPool.Training.Experiments;

/// <summary>
/// Named grids: <c>table2</c>, the paper's Table 2 (its 9 rows × its 5 datasets × seeds 1–10), and <c>ablation</c>,
/// the same datasets with the <c>pooled-readout</c> model for GCN and every pool, and <c>variants</c>, GCN + TopoPooling
/// changed one way at a time (the paper's single softmax, a learned temperature, Connect with a convolution after the
/// pool) beside GCN + TopoPooling and GCN + Global.
/// </summary>
public static class BenchmarkPresets
{
    public static IReadOnlyList<string> Names { get; } = ["table2", "ablation", "variants"];

    /// <summary>The cells of preset <paramref name="name"/>.</summary>
    public static IReadOnlyList<BenchmarkCell> Cells(string name) => name switch
    {
        "table2" => PaperTable2.Rows.Select(r => new BenchmarkCell(ModelPresets.Paper, Gnn(r.Gnn), Pool(r.Pool))).ToList(),
        "ablation" => ComponentNames.Pools.Select(p => new BenchmarkCell(ModelPresets.PooledReadout, ConvolutionKind.Gcn, Pool(p))).ToList(),
        "variants" =>
        [
            new(ModelPresets.Paper, ConvolutionKind.Gcn, PoolingKind.Global),
            new(ModelPresets.Paper, ConvolutionKind.Gcn, PoolingKind.TopoPooling),
            new(ModelPresets.Paper, ConvolutionKind.Gcn, PoolingKind.TopoPooling, ModelPresets.SingleSoftmax),
            new(ModelPresets.Paper, ConvolutionKind.Gcn, PoolingKind.TopoPooling, ModelPresets.LearnedTemperature),
            new(ModelPresets.ConnectConv, ConvolutionKind.Gcn, PoolingKind.TopoPooling),
        ],
        _ => throw new ArgumentException($"unknown grid preset '{name}' (choose {string.Join(", ", Names)})", nameof(name)),
    };

    private static ConvolutionKind Gnn(string name) => ComponentNames.TryGnn(name, out var g) ? g : throw new InvalidOperationException(name);

    private static PoolingKind Pool(string name) => ComponentNames.TryPool(name, out var p) ? p : throw new InvalidOperationException(name);
}
