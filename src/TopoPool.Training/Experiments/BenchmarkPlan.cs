using TopoPool.Training.Data;
using TopoPool.Training.Trainer;

namespace TopoPool.Training.Experiments;

/// <summary>
/// The runs a grid asks for, in a fixed order (dataset, row, seed as given), and the rows of a results
/// folder that count for them: a row counts for a planned run when it was made with exactly the run's settings and
/// seed, and only once. Rows of other settings or seeds, and repeated rows, are not counted and are reported.
/// </summary>
public sealed class BenchmarkPlan
{
    private BenchmarkPlan(IReadOnlyList<PlannedRun> runs, IReadOnlyDictionary<string, BenchmarkDataset> datasets)
    {
        Runs = runs;
        Datasets = datasets;
    }

    public IReadOnlyList<PlannedRun> Runs { get; }

    /// <summary>The datasets of the grid by their canonical names (<c>MUTAG</c>, <c>Caco2_Wang</c>).</summary>
    public IReadOnlyDictionary<string, BenchmarkDataset> Datasets { get; }

    /// <summary>Loads the grid's datasets (once each) and lists its runs.</summary>
    public static BenchmarkPlan For(BenchmarkSettings settings, Func<string, BenchmarkDataset>? load = null)
    {
        load ??= name => DatasetLocator.Load(name, settings.DataDirectory, duplicates: settings.Duplicates);
        var datasets = new Dictionary<string, BenchmarkDataset>(StringComparer.Ordinal);
        var runs = new List<PlannedRun>();
        string numerics = Torch.Reproducibility.NumericReproducibility.State;
        foreach (var name in settings.Datasets)
        {
            var dataset = load(name);
            if (datasets.ContainsKey(dataset.Name)) continue;
            datasets[dataset.Name] = dataset;
            string metric = EvaluationMetrics.MetricName(dataset.Task);
            foreach (var cell in settings.Rows)
            {
                var experiment = settings.Cell(dataset.Name, cell.Model, cell.Gnn, cell.Pool, cell.Variant);
                var run = experiment.Resolve(dataset, numerics);
                foreach (int seed in settings.Seeds) runs.Add(new PlannedRun(runs.Count, experiment, run, seed, metric));
            }
        }
        return new BenchmarkPlan(runs, datasets);
    }

    /// <summary>
    /// The row that counts for each planned run that has one (by position), and what was not counted, for messages.
    /// </summary>
    public IReadOnlyDictionary<int, BenchmarkRow> Count(IEnumerable<BenchmarkRow> rows, List<string> notCounted)
    {
        var byKeyAndSeed = Runs.GroupBy(r => (r.Settings.Key, r.Seed)).ToDictionary(g => g.Key, g => g.First());
        var counted = new Dictionary<int, BenchmarkRow>();
        int others = 0, repeated = 0;
        string? firstOther = null;
        foreach (var row in rows)
        {
            var candidate = byKeyAndSeed.GetValueOrDefault((row.Key, row.Seed));
            if (candidate is null || !row.Matches(candidate.Settings))
            {
                candidate = Runs.FirstOrDefault(r => r.Seed == row.Seed && row.Matches(r.Settings));
            }
            if (candidate is null)
            {
                others++;
                firstOther ??= $"{row.Dataset} {row.Model} {row.Gnn} {row.Pool}{(row.Variant.Length == 0 ? "" : $" ({row.Variant})")} seed {row.Seed}";
                continue;
            }
            if (!counted.TryAdd(candidate.Position, row)) repeated++;
        }
        if (others > 0)
            notCounted.Add($"{others} row(s) belong to other settings or seeds than this grid asks for (first: {firstOther}); not counted");
        if (repeated > 0)
            notCounted.Add($"{repeated} row(s) repeat a run already in the results; each run is counted once");
        return counted;
    }
}
