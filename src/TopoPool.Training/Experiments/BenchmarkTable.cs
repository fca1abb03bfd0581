using System.Globalization;
using System.Text;

namespace TopoPool.Training.Experiments;

/// <summary>
/// The compact table <c>benchmark</c> prints: the paper's Table 2 layout (rows model × GNN × pooling, columns datasets, mean (std)
/// over seeds, population std, and the number of seeds) built from the rows that count for a grid, and a second
/// table of seconds per epoch so that speed is compared as well as accuracy.
/// </summary>
public static class BenchmarkTable
{
    private static readonly string[] DatasetOrder = ["ENZYMES", "PROTEINS", "MUTAG", "Caco2_Wang", "PPBR_AZ", "synthetic"];

    private static readonly string[] PoolOrder = ["global", "topk", "sag", "diff", "edge", "asa", "topo"];

    public static string Render(IReadOnlyList<BenchmarkRow> rows)
    {
        var datasets = rows.Select(r => r.Dataset).Distinct().OrderBy(DatasetRank).ToList();
        var models = rows.Select(r => (r.Model, r.Gnn, r.Pool, r.Variant)).Distinct()
            .OrderBy(m => m.Model).ThenBy(m => m.Gnn).ThenBy(m => Array.IndexOf(PoolOrder, m.Pool)).ThenBy(m => m.Variant).ToList();
        var text = new StringBuilder();
        text.AppendLine("Test metric, mean (std) over seeds and the number of seeds: accuracy for TU sets (higher is better), MAE for TDC sets (lower is better).");
        text.AppendLine();
        Table(text, datasets, models, group => Stats(group.Select(r => r.Value).ToList(), group[0].Metric));
        text.AppendLine();
        text.AppendLine("Seconds per epoch (mean over seeds), training and validation together.");
        text.AppendLine();
        Table(text, datasets, models, group => group.Average(r => r.SecondsPerEpoch).ToString("F3", CultureInfo.InvariantCulture));
        return text.ToString();

        void Table(StringBuilder sb, List<string> columns, List<(string Model, string Gnn, string Pool, string Variant)> lines, Func<List<BenchmarkRow>, string> cell)
        {
            sb.AppendLine("| model | GNN | pooling | " + string.Join(" | ", columns) + " |");
            sb.AppendLine("| --- | --- | --- |" + string.Concat(columns.Select(_ => " --- |")));
            foreach (var (model, gnn, pool, variant) in lines)
            {
                var cells = columns.Select(d => rows.Where(r => r.Dataset == d && r.Model == model && r.Gnn == gnn && r.Pool == pool && r.Variant == variant).ToList())
                    .Select(g => g.Count == 0 ? "" : cell(g));
                sb.AppendLine($"| {model} | {gnn} | {(variant.Length == 0 ? pool : $"{pool} ({variant})")} | " + string.Join(" | ", cells) + " |");
            }
        }
    }

    private static int DatasetRank(string dataset)
    {
        int i = Array.FindIndex(DatasetOrder, o => o.Equals(dataset, StringComparison.OrdinalIgnoreCase));
        return i >= 0 ? i : DatasetOrder.Length;
    }

    private static string Stats(IReadOnlyList<double> values, string metric)
    {
        double mean = values.Average();
        double std = Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
        string format = metric == "MAE" && mean > 5 ? "F2" : "F3";
        return string.Create(CultureInfo.InvariantCulture, $"{mean.ToString(format, CultureInfo.InvariantCulture)} ({std.ToString(format, CultureInfo.InvariantCulture)}) n={values.Count}");
    }
}
