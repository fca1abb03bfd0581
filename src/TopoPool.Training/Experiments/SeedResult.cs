namespace TopoPool.Training.Experiments;

/// <summary><c>seedN.result.json</c>: a finished seed, the key of the settings it was trained with, and its epochs.</summary>
public sealed record SeedResult(string Key, SeedRun Run, IReadOnlyList<EpochLine> History);

/// <summary>One epoch of a finished seed: training loss, validation loss and metric.</summary>
public sealed record EpochLine(int Epoch, double TrainLoss, double ValidationLoss, double ValidationMetric);
