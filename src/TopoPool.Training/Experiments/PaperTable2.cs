namespace TopoPool.Training.Experiments;

/// <summary>Table 2 of the paper (BENCHMARK.md): mean (std) over 10 runs per (GNN, pool, dataset).</summary>
public static class PaperTable2
{
    /// <summary>The datasets in the paper's column order.</summary>
    public static IReadOnlyList<string> Datasets { get; } = ["ENZYMES", "PROTEINS", "MUTAG", "Caco2_Wang", "PPBR_AZ"];

    /// <summary>The paper's rows, as (gnn, pool) in component names.</summary>
    public static IReadOnlyList<(string Gnn, string Pool)> Rows { get; } =
    [
        ("gcn", "global"), ("gcn", "topk"), ("gcn", "sag"), ("gcn", "diff"), ("gcn", "edge"), ("gcn", "asa"), ("gcn", "topo"),
        ("gat", "topo"), ("sage", "topo"),
    ];

    private static readonly double[][] Means =
    [
        [0.410, 0.727, 0.732, 0.444, 8.92], [0.395, 0.746, 0.689, 0.407, 8.88], [0.405, 0.727, 0.705, 0.412, 8.85],
        [0.410, 0.737, 0.705, 0.389, 8.86], [0.403, 0.762, 0.768, 0.395, 8.78], [0.392, 0.750, 0.774, 0.455, 8.78],
        [0.427, 0.759, 0.779, 0.382, 8.63], [0.433, 0.771, 0.753, 0.450, 8.70], [0.438, 0.747, 0.811, 0.376, 8.96],
    ];

    private static readonly double[][] Stds =
    [
        [0.094, 0.055, 0.095, 0.083, 0.33], [0.081, 0.029, 0.128, 0.097, 0.32], [0.059, 0.032, 0.100, 0.070, 0.31],
        [0.079, 0.023, 0.155, 0.044, 0.53], [0.091, 0.039, 0.042, 0.061, 0.35], [0.052, 0.037, 0.094, 0.139, 0.61],
        [0.080, 0.024, 0.131, 0.046, 0.43], [0.032, 0.037, 0.120, 0.055, 0.34], [0.051, 0.041, 0.120, 0.031, 0.21],
    ];

    /// <summary>The paper's mean and std for a cell, or null when the paper has none.</summary>
    public static (double Mean, double Std)? Cell(string gnn, string pool, string dataset)
    {
        int row = -1;
        for (int i = 0; i < Rows.Count; i++) if (Rows[i] == (gnn, pool)) row = i;
        int column = -1;
        for (int j = 0; j < Datasets.Count; j++) if (string.Equals(Datasets[j], dataset, StringComparison.OrdinalIgnoreCase)) column = j;
        return row < 0 || column < 0 ? null : (Means[row][column], Stds[row][column]);
    }
}
