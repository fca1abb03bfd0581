namespace TopoPool.Cli.Output;

/// <summary>The last line of <c>train --data ... --json</c>: the run, each seed with its per-target test metrics, and
/// per target the mean and std over seeds of each metric.</summary>
public sealed record OwnDataTrainJson(
    string Data,
    string Task,
    string Model,
    string Gnn,
    string Pool,
    string Featurizer,
    int Records,
    int Used,
    int Skipped,
    string Folder,
    string Key,
    IReadOnlyList<OwnDataTargetJson> Targets,
    IReadOnlyList<OwnDataSeedJson> Runs);

/// <summary>One target: its kind and classes, and the mean and std over seeds of each test metric.</summary>
public sealed record OwnDataTargetJson(string Name, string Kind, IReadOnlyList<string> Classes, IReadOnlyDictionary<string, MeanStdJson> Test);

public sealed record MeanStdJson(double Mean, double Std);

/// <summary>One seed: how it trained and its test metrics per target.</summary>
public sealed record OwnDataSeedJson(
    int Seed,
    int Epochs,
    int BestEpoch,
    string StoppedBy,
    double Seconds,
    int Train,
    int Validation,
    int Test,
    bool Resumed,
    bool Reused,
    IReadOnlyList<Training.OwnData.TargetMetrics> Metrics);
