namespace TopoPool.Cli.Output;

/// <summary>The last line of <c>train --json</c>.</summary>
public sealed record TrainJson(
    string Dataset,
    string Model,
    string Gnn,
    string Pool,
    string Metric,
    double Mean,
    double Std,
    double? MotifRecovery,
    double SecondsPerEpoch,
    string Folder,
    string Key,
    IReadOnlyList<TrainSeedJson> Runs);

/// <summary>One seed of <see cref="TrainJson"/>.</summary>
public sealed record TrainSeedJson(
    int Seed,
    double Value,
    double Validation,
    int Epochs,
    int BestEpoch,
    string StoppedBy,
    double Seconds,
    double SecondsPerEpoch,
    double? MotifRecovery,
    bool Resumed,
    bool Reused);
