using TopoPool.Core.Pipelines;
using static TorchSharp.torch;

namespace TopoPool.Training.Experiments;

/// <summary>
/// One (dataset, GNN, pool) experiment over several seeds. Null knobs take the protocol's value for the dataset
/// (<see cref="ProtocolDefaults"/>). <see cref="OutputDirectory"/> receives each seed's weights, checkpoint and the
/// run's settings; an interrupted run started again with the same settings resumes from its checkpoints.
/// </summary>
public sealed record ExperimentSettings(string Dataset, ConvolutionKind Gnn, PoolingKind Pool, Device Device)
{
    public string? DataDirectory { get; init; }
    public IReadOnlyList<int> Seeds { get; init; } = [1];
    public int? Epochs { get; init; }
    public int? Patience { get; init; }
    public int? BatchSize { get; init; }
    public double? LearningRate { get; init; }
    public int Hidden { get; init; } = 32;
    public string? OutputDirectory { get; init; }
    /// <summary>Write each seed's test-set explanations (clusters per graph, strongest-cluster summary) beside its weights.</summary>
    public bool Explain { get; init; }
}
