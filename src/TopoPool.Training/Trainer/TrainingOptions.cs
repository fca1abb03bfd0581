using TopoPool.Core.Pipelines;
using static TorchSharp.torch;

namespace TopoPool.Training.Trainer;

/// <summary>The protocol's knobs (BENCHMARK.md): Adam, validation every epoch, best weights by validation loss, patience.</summary>
public sealed record TrainingOptions(TaskKind Task, Device Device)
{
    /// <summary>The epoch cap; patience normally ends a run long before the authors' 10,000.</summary>
    public int Epochs { get; init; } = 10_000;
    public int Patience { get; init; } = 200;
    public int BatchSize { get; init; } = 32;
    public double LearningRate { get; init; } = 1e-3;
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Reshuffle the training set before every epoch (from (seed, epoch)). Off by default, as in the authors' loaders:
    /// the training part is read in the order the split left it (already shuffled by the seed) in every epoch, so its
    /// batches are collated once per run.
    /// </summary>
    public bool ShuffleEachEpoch { get; init; }

    /// <summary>What the run minimises and how it is scored; null: the benchmark's (<see cref="PaperObjective"/> of <see cref="Task"/>).</summary>
    public ITrainingObjective? Objective { get; init; }

    /// <summary>Where the run's checkpoint lives; the run resumes from it when it exists and its <see cref="RunKey"/> matches.</summary>
    public string? CheckpointPath { get; init; }

    /// <summary>How often the checkpoint is rewritten while training (always after the last epoch as well).</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Identifies the run's settings; a checkpoint written under another key is not resumed.</summary>
    public string RunKey { get; init; } = "";
}
