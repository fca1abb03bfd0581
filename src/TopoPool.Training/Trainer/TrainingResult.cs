namespace TopoPool.Training.Trainer;

/// <summary>The outcome of one training run: the test metrics with the best weights, and how it got there.</summary>
public sealed record TrainingResult(
    EvaluationMetrics Test,
    EvaluationMetrics BestValidation,
    int BestEpoch,
    int EpochsRun,
    double Seconds,
    double SecondsPerEpoch,
    bool Resumed,
    IReadOnlyList<EpochReport> History,
    StopReason StoppedBy = StopReason.Patience);
