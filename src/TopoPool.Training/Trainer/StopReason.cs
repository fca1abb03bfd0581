namespace TopoPool.Training.Trainer;

/// <summary>Why a training run ended.</summary>
public enum StopReason
{
    /// <summary>The validation loss did not improve for <see cref="TrainingOptions.Patience"/> epochs.</summary>
    Patience = 0,

    /// <summary>The epoch cap (<see cref="TrainingOptions.Epochs"/>) was reached first.</summary>
    EpochCap = 1,
}
