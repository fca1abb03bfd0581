namespace TopoPool.Training.Experiments;

/// <summary>One seed's outcome: the test metric with the best weights, and what it cost.</summary>
public sealed record SeedRun(
    int Seed,
    double Value,
    int Epochs,
    int BestEpoch,
    double Seconds,
    double SecondsPerEpoch,
    double ValidationValue,
    double? MotifRecovery,
    bool Resumed);
