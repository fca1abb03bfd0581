using TopoPool.Core.Pipelines;
using TopoPool.Training.Experiments;
using static TorchSharp.torch;

namespace TopoPool.Training.OwnData;

/// <summary>
/// A training run on a user's own table (<c>topopool train --data</c>): where the molecules and targets are, how to split
/// them, the model and the training settings, and the folder the model is written to. The defaults suit tables of a few
/// hundred to a few hundred thousand molecules: the paper's model (GCN + TopoPooling), an epoch cap of
/// <see cref="DefaultEpochs"/> with patience <see cref="DefaultPatience"/>, batches of <see cref="DefaultBatchSize"/>,
/// Adam at <see cref="DefaultLearningRate"/>, a random 80/10/10 split.
/// </summary>
public sealed record OwnDataSettings(string DataPath, MoleculeTableOptions Table, string OutputFolder, Device Device)
{
    public const int DefaultEpochs = 500;
    public const int DefaultPatience = 50;
    public const int DefaultBatchSize = 64;
    public const double DefaultLearningRate = 1e-3;

    /// <summary>A separate test table; then the data file is split into training and validation only.</summary>
    public string? TestPath { get; init; }

    public SplitMethod Split { get; init; } = SplitMethod.Random;

    /// <summary>Training, validation and test fractions (a fixed test set uses the ratio of the first two).</summary>
    public IReadOnlyList<double> SplitSizes { get; init; } = [0.8, 0.1, 0.1];

    public string Model { get; init; } = ModelPresets.Paper;
    public ConvolutionKind Gnn { get; init; } = ConvolutionKind.Gcn;
    public PoolingKind Pool { get; init; } = PoolingKind.TopoPooling;
    public string Variant { get; init; } = "";
    public int Hidden { get; init; } = 32;
    public int Epochs { get; init; } = DefaultEpochs;
    public int Patience { get; init; } = DefaultPatience;
    public int BatchSize { get; init; } = DefaultBatchSize;
    public double LearningRate { get; init; } = DefaultLearningRate;
    public bool ShuffleEachEpoch { get; init; }
    public IReadOnlyList<int> Seeds { get; init; } = [1];
    public int Threads { get; init; } = 1;

    /// <summary>Start over in <see cref="OutputFolder"/>: the run files already there are deleted first.</summary>
    public bool Fresh { get; init; }
}
