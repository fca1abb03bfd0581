using TopoPool.Training.Data;
using TopoPool.Training.Trainer;

namespace TopoPool.Training.Experiments;

/// <summary>Runs a planned run in this process with <see cref="ExperimentRunner"/> (one at a time).</summary>
public sealed class InProcessRunExecutor(Func<string, BenchmarkDataset> datasets, Action<int, EpochReport>? progress = null, Action<string>? log = null) : IRunExecutor
{
    public SeedRun Execute(PlannedRun run, CancellationToken cancellation)
    {
        var experiment = run.Experiment with { Seeds = [run.Seed] };
        var summary = ExperimentRunner.Run(datasets(run.Settings.Dataset), experiment, progress, null, log, cancellation);
        if (summary.Settings.Key != run.Settings.Key)
            throw new InvalidOperationException($"{run}: ran with settings {summary.Settings.Key}, planned {run.Settings.Key}");
        return summary.Runs.Single();
    }
}
