using TopoPool.Training.Data;
using TopoPool.Training.Trainer;

namespace TopoPool.Training.Experiments;

/// <summary>
/// Runs a benchmark grid. Every finished (dataset, GNN, pool, seed) run is appended to
/// <c>&lt;out&gt;/&lt;dataset&gt;_results.csv</c> and flushed as soon as it ends; when the grid is started again, rows
/// already present are skipped, and an interrupted seed resumes from its checkpoint. After each experiment the
/// Markdown table (<see cref="BenchmarkTable"/>) is rewritten from the CSV files.
/// </summary>
public static class BenchmarkRunner
{
    public static IReadOnlyList<BenchmarkRow> Run(
        BenchmarkSettings settings,
        Action<string>? log = null,
        Action<int, EpochReport>? progress = null,
        CancellationToken cancellation = default)
    {
        Directory.CreateDirectory(settings.OutputDirectory);
        var all = new List<BenchmarkRow>();
        foreach (var name in settings.Datasets)
        {
            var dataset = DatasetLocator.Load(name, settings.DataDirectory);
            var csv = Path.Combine(settings.OutputDirectory, $"{dataset.Name.ToLowerInvariant()}_results.csv");
            var rows = ReadRows(csv);
            foreach (var gnn in settings.Gnns)
            foreach (var pool in settings.Pools)
            {
                var done = rows.Where(r => r.Gnn == gnn.ToString() && r.Pool == pool.ToString()).Select(r => r.Seed).ToHashSet();
                var todo = settings.Seeds.Where(s => !done.Contains(s)).ToList();
                if (todo.Count == 0)
                {
                    log?.Invoke($"{dataset.Name} {gnn} {pool}: all {settings.Seeds.Count} seeds already in {csv}");
                    continue;
                }
                log?.Invoke($"{dataset.Name} {gnn} {pool}: seeds {string.Join(",", todo)}");
                var experiment = new ExperimentSettings(dataset.Name, gnn, pool, settings.Device)
                {
                    DataDirectory = settings.DataDirectory,
                    Seeds = todo,
                    Epochs = settings.Epochs,
                    Patience = settings.Patience,
                    Hidden = settings.Hidden,
                    Explain = settings.Explain,
                    OutputDirectory = Path.Combine(settings.OutputDirectory, "runs", $"{dataset.Name}_{gnn}_{pool}".ToLowerInvariant()),
                };
                var header = new ExperimentSummary(dataset.Name, gnn.ToString(), pool.ToString(),
                    EvaluationMetrics.MetricName(dataset.Task), [], []);
                ExperimentRunner.Run(dataset, experiment, progress, run =>
                {
                    var row = BenchmarkRow.From(header, run);
                    Append(csv, row);
                    rows.Add(row);
                    log?.Invoke($"{dataset.Name} {gnn} {pool} seed {run.Seed}: {header.Metric} {run.Value:F4} ({run.Epochs} epochs, {run.SecondsPerEpoch:F2} s/epoch)");
                }, cancellation);
                BenchmarkTable.Write(settings.OutputDirectory);
            }
            all.AddRange(rows);
        }
        BenchmarkTable.Write(settings.OutputDirectory);
        return all;
    }

    public static List<BenchmarkRow> ReadRows(string csv)
    {
        var rows = new List<BenchmarkRow>();
        if (!File.Exists(csv)) return rows;
        int line = 0;
        foreach (var text in File.ReadLines(csv))
        {
            line++;
            if (line == 1 || text.Length == 0) continue;
            rows.Add(BenchmarkRow.Parse(text, $"{Path.GetFileName(csv)} line {line}"));
        }
        return rows;
    }

    private static void Append(string csv, BenchmarkRow row)
    {
        bool fresh = !File.Exists(csv) || new FileInfo(csv).Length == 0;
        using var stream = new FileStream(csv, FileMode.Append, FileAccess.Write, FileShare.Read);
        using var writer = new StreamWriter(stream);
        if (fresh) writer.WriteLine(BenchmarkRow.Header);
        writer.WriteLine(row.ToCsv());
        writer.Flush();
        stream.Flush(flushToDisk: true);
    }
}
