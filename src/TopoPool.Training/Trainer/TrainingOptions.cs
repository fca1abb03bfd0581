using TopoPool.Core.Pipelines;
using static TorchSharp.torch;

namespace TopoPool.Training.Trainer;

/// <summary>The protocol's knobs (BENCHMARK.md): Adam, validation every epoch, best weights by validation loss, patience.</summary>
public sealed record TrainingOptions(TaskKind Task, Device Device)
{
    public int Epochs { get; init; } = 200;
    public int Patience { get; init; } = 200;
    public int BatchSize { get; init; } = 32;
    public double LearningRate { get; init; } = 1e-3;
    public int Seed { get; init; } = 1;
    /// <summary>Where the run's checkpoint lives; the run resumes from it when it exists and its <see cref="RunKey"/> matches.</summary>
    public string? CheckpointPath { get; init; }
    /// <summary>Identifies the run's settings; a checkpoint written under another key is not resumed.</summary>
    public string RunKey { get; init; } = "";
}
