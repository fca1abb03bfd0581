namespace TopoPool.Training.Trainer;

/// <summary>One finished epoch, as the progress display shows it.</summary>
public sealed record EpochReport(
    int Epoch,
    int Epochs,
    double TrainLoss,
    double ValidationLoss,
    double ValidationMetric,
    string MetricName,
    int BestEpoch,
    double BestValidationLoss,
    double BestValidationMetric,
    double ElapsedSeconds,
    double SecondsLeft);
