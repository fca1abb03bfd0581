namespace TopoPool.Training.Experiments;

/// <summary>Runs one planned run of a grid and returns its result; the grid runs several executors' calls at once
/// when it has more than one job.</summary>
public interface IRunExecutor
{
    SeedRun Execute(PlannedRun run, CancellationToken cancellation);
}
