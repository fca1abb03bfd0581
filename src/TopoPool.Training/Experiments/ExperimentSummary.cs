namespace TopoPool.Training.Experiments;

/// <summary>
/// Mean and standard deviation of the test metric over seeds (population standard deviation, as numpy's default
/// that the paper's table used), plus the mean motif recovery when the dataset plants motifs, the settings that
/// identify the runs and the folder holding them.
/// </summary>
public sealed record ExperimentSummary(
    string Dataset,
    RunSettings Settings,
    string Metric,
    IReadOnlyList<SeedRun> Runs,
    IReadOnlyList<string> Warnings,
    string Folder)
{
    public string Gnn => ComponentNames.Of(Settings.Gnn);

    public string Pool => ComponentNames.Of(Settings.Pool);

    public double Mean => Runs.Count == 0 ? double.NaN : Runs.Average(r => r.Value);

    public double Std => Statistics.Spread.PopulationStd(Runs.Select(r => r.Value));

    public double? MotifRecovery => Runs.All(r => r.MotifRecovery is not null) && Runs.Count > 0 ? Runs.Average(r => r.MotifRecovery!.Value) : null;

    public double SecondsPerEpoch => Runs.Count == 0 ? double.NaN : Runs.Average(r => r.SecondsPerEpoch);
}
