namespace TopoPool.Training.Experiments;

/// <summary>
/// Mean and standard deviation of the test metric over seeds (population standard deviation, as numpy's default
/// that the paper's table used), plus the mean motif recovery when the dataset plants motifs.
/// </summary>
public sealed record ExperimentSummary(
    string Dataset,
    string Gnn,
    string Pool,
    string Metric,
    IReadOnlyList<SeedRun> Runs,
    IReadOnlyList<string> Warnings)
{
    public double Mean => Runs.Count == 0 ? double.NaN : Runs.Average(r => r.Value);

    public double Std => Runs.Count == 0 ? double.NaN : Math.Sqrt(Runs.Average(r => (r.Value - Mean) * (r.Value - Mean)));

    public double? MotifRecovery => Runs.All(r => r.MotifRecovery is not null) && Runs.Count > 0 ? Runs.Average(r => r.MotifRecovery!.Value) : null;

    public double SecondsPerEpoch => Runs.Count == 0 ? double.NaN : Runs.Average(r => r.SecondsPerEpoch);
}
