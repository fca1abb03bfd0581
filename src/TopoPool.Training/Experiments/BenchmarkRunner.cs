using TopoPool.Training.Data;

namespace TopoPool.Training.Experiments;

/// <summary>
/// Runs a benchmark grid. Every finished run is appended to its dataset's results file in the output folder
/// (<see cref="ResultsFile"/>) as soon as it ends; when the grid is started again, runs that already have a row of the
/// same settings are not run again, and an interrupted run resumes from its checkpoint. With <see cref="BenchmarkSettings.Jobs"/>
/// above 1 that many runs go at once (the executor decides how; the numbers do not depend on it); with a
/// <see cref="BenchmarkSettings.Shard"/> only that task's runs are made, into that task's own results files.
/// </summary>
public static class BenchmarkRunner
{
    public static BenchmarkOutcome Run(BenchmarkSettings settings, BenchmarkPlan plan, IRunExecutor executor, Action<string>? log = null,
                                       CancellationToken cancellation = default)
    {
        Directory.CreateDirectory(settings.OutputDirectory);
        var warnings = new List<string>();
        var rows = ResultsFile.AllIn(settings.OutputDirectory).SelectMany(f => ResultsFile.Read(f, warnings)).ToList();
        var counted = new Dictionary<int, BenchmarkRow>(plan.Count(rows, warnings));
        foreach (var warning in warnings) log?.Invoke($"warning: {warning}");

        var mine = plan.Runs.Where(r => settings.Shard is not { } s || s.Owns(r.Position)).ToList();
        foreach (var source in settings.ReuseFrom) Reuse(source, settings, plan, mine, counted, log);
        var todo = mine.Where(r => !counted.ContainsKey(r.Position)).ToList();
        log?.Invoke($"{plan.Runs.Count} runs in the grid{(settings.Shard is { } shard ? $", {mine.Count} in shard {shard}" : "")}: " +
                    $"{mine.Count - todo.Count} done earlier, {todo.Count} to run" + (settings.Jobs > 1 ? $", {settings.Jobs} at once" : ""));

        var gate = new object();
        var appendWarnings = new List<string>();
        void Finished(PlannedRun run, SeedRun result)
        {
            var row = BenchmarkRow.From(run.Settings, run.Metric, result, RunProvenance.Current);
            lock (gate)
            {
                ResultsFile.Append(ResultsFile.PathFor(settings.OutputDirectory, run.Settings.Dataset, settings.Shard), row, appendWarnings);
                foreach (var warning in appendWarnings) log?.Invoke($"warning: {warning}");
                appendWarnings.Clear();
                counted[run.Position] = row;
                log?.Invoke($"{run}: {run.Metric} {result.Value:F4} ({result.Epochs} epochs, stopped by {(result.StoppedBy == Trainer.StopReason.EpochCap ? "the epoch cap" : "patience")}, {result.SecondsPerEpoch:F3} s/epoch)");
            }
        }

        if (settings.Jobs <= 1)
        {
            foreach (var run in todo)
            {
                cancellation.ThrowIfCancellationRequested();
                Finished(run, executor.Execute(run, cancellation));
            }
        }
        else
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = settings.Jobs, CancellationToken = cancellation };
            Parallel.ForEach(todo, options, run => Finished(run, executor.Execute(run, cancellation)));
        }

        return Outcome(plan, counted, warnings);
    }

    /// <summary>
    /// Copies into this grid's results files the rows of <paramref name="source"/> that count for runs of this task
    /// which have no row yet. A row counts only for a run of exactly its settings and seed, so nothing of other data,
    /// protocol or numerics is reused.
    /// </summary>
    private static void Reuse(string source, BenchmarkSettings settings, BenchmarkPlan plan, List<PlannedRun> mine,
                              Dictionary<int, BenchmarkRow> counted, Action<string>? log)
    {
        var damaged = new List<string>();
        var rows = ResultsFile.AllIn(source).SelectMany(f => ResultsFile.Read(f, damaged)).ToList();
        foreach (var warning in damaged) log?.Invoke($"warning: {Path.Combine(source, warning)}");
        // Rows of other grids are the point of another folder, so they are not reported as "not counted".
        var theirs = plan.Count(rows, notCounted: []);
        var warnings = new List<string>();
        int reused = 0;
        foreach (var run in mine)
        {
            if (counted.ContainsKey(run.Position) || !theirs.TryGetValue(run.Position, out var row)) continue;
            ResultsFile.Append(ResultsFile.PathFor(settings.OutputDirectory, run.Settings.Dataset, settings.Shard), row, warnings);
            counted[run.Position] = row;
            reused++;
        }
        foreach (var warning in warnings) log?.Invoke($"warning: {warning}");
        log?.Invoke($"{reused} run(s) reused from {source}: their rows have exactly this grid's settings and seeds and keep the commit they name");
    }

    /// <summary>The grid's rows as the results folder holds them, running nothing (<c>benchmark --summary</c>).</summary>
    public static BenchmarkOutcome Read(BenchmarkSettings settings, BenchmarkPlan plan)
    {
        var warnings = new List<string>();
        var rows = ResultsFile.AllIn(settings.OutputDirectory).SelectMany(f => ResultsFile.Read(f, warnings)).ToList();
        var counted = plan.Count(rows, warnings);
        return Outcome(plan, new Dictionary<int, BenchmarkRow>(counted), warnings);
    }

    private static BenchmarkOutcome Outcome(BenchmarkPlan plan, IReadOnlyDictionary<int, BenchmarkRow> counted, List<string> warnings) =>
        new(plan, plan.Runs.Where(r => counted.ContainsKey(r.Position)).Select(r => counted[r.Position]).ToList(), warnings);
}
