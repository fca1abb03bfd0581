using System.Globalization;
using System.Text;

namespace TopoPool.Training.Experiments;

/// <summary>
/// <c>&lt;out&gt;/results.md</c>: the paper's Table 2 layout (rows GNN × pooling, columns datasets, mean (std) over
/// seeds, population std) built from every <c>*_results.csv</c> in the folder, and a second table of seconds per
/// epoch so that speed is compared as well as accuracy.
/// </summary>
public static class BenchmarkTable
{
    private static readonly string[] DatasetOrder = ["ENZYMES", "PROTEINS", "MUTAG", "Caco2_Wang", "PPBR_AZ", "synthetic"];

    public static string Write(string directory)
    {
        var rows = Directory.GetFiles(directory, "*_results.csv").SelectMany(BenchmarkRunner.ReadRows).ToList();
        var markdown = Render(rows);
        File.WriteAllText(Path.Combine(directory, "results.md"), markdown);
        return markdown;
    }

    public static string Render(IReadOnlyList<BenchmarkRow> rows)
    {
        var datasets = rows.Select(r => r.Dataset).Distinct()
            .OrderBy(d => Array.FindIndex(DatasetOrder, o => o.Equals(d, StringComparison.OrdinalIgnoreCase)) is int i && i >= 0 ? i : 99).ToList();
        var models = rows.Select(r => (r.Gnn, r.Pool)).Distinct().OrderBy(m => m.Gnn).ThenBy(m => m.Pool == "TopoPool" ? 1 : 0).ThenBy(m => m.Pool).ToList();
        var text = new StringBuilder();
        text.AppendLine("Test metric, mean (std) over seeds: accuracy for TU sets (higher is better), MAE for TDC sets (lower is better).");
        text.AppendLine();
        Table(text, datasets, models, "", group => group.Count == 0 ? "" : Stats(group.Select(r => r.Value).ToList(), group[0].Metric));
        text.AppendLine();
        text.AppendLine("Seconds per epoch (mean over seeds), training and validation together.");
        text.AppendLine();
        Table(text, datasets, models, "", group => group.Count == 0 ? "" : group.Average(r => r.SecondsPerEpoch).ToString("F3", CultureInfo.InvariantCulture));
        return text.ToString();

        void Table(StringBuilder sb, List<string> columns, List<(string Gnn, string Pool)> lines, string empty, Func<List<BenchmarkRow>, string> cell)
        {
            sb.AppendLine("| GNN | pooling | " + string.Join(" | ", columns) + " |");
            sb.AppendLine("| --- | --- |" + string.Concat(columns.Select(_ => " --- |")));
            foreach (var (gnn, pool) in lines)
            {
                var cells = columns.Select(d => cell(rows.Where(r => r.Dataset == d && r.Gnn == gnn && r.Pool == pool).ToList()));
                sb.AppendLine($"| {gnn} | {pool} | " + string.Join(" | ", cells.Select(c => c.Length == 0 ? empty : c)) + " |");
            }
        }
    }

    private static string Stats(IReadOnlyList<double> values, string metric)
    {
        double mean = values.Average();
        double std = Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
        string format = metric == "MAE" && mean > 5 ? "F2" : "F3";
        return string.Create(CultureInfo.InvariantCulture, $"{mean.ToString(format, CultureInfo.InvariantCulture)} ({std.ToString(format, CultureInfo.InvariantCulture)}) n={values.Count}");
    }
}
