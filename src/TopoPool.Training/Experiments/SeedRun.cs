using TopoPool.Training.Trainer;

namespace TopoPool.Training.Experiments;

/// <summary>
/// One seed's outcome: the test metric with the best weights, the best validation metric, how long it trained and why
/// it stopped, and what it cost. <see cref="Resumed"/> is true when it continued from a checkpoint, <see cref="Reused"/>
/// when it was read back from an earlier run of the same settings instead of being trained.
/// </summary>
public sealed record SeedRun(
    int Seed,
    double Value,
    int Epochs,
    int BestEpoch,
    double Seconds,
    double SecondsPerEpoch,
    double ValidationValue,
    double? MotifRecovery,
    bool Resumed,
    StopReason StoppedBy = StopReason.Patience,
    bool Reused = false);
