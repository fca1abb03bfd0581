namespace TopoPool.Training.Experiments;

/// <summary>One run of a grid: its position in the grid's fixed order, the experiment, the settings that identify
/// it, and the seed.</summary>
public sealed record PlannedRun(int Position, ExperimentSettings Experiment, RunSettings Settings, int Seed, string Metric)
{
    public override string ToString() =>
        $"{Settings.Dataset} {Settings.Model} {ComponentNames.Of(Settings.Gnn)} {ComponentNames.Of(Settings.Pool)}{(Settings.Variant.Length == 0 ? "" : $" ({Settings.Variant})")} seed {Seed}";
}
