using TopoPool.Core.Pipelines;
using TopoPool.Training.Data;
using static TorchSharp.torch;

namespace TopoPool.Training.Experiments;

/// <summary>
/// A grid of datasets × models × GNNs × pools × seeds, written under <see cref="OutputDirectory"/>. The protocol knobs
/// apply to every cell; null ones take each dataset's <see cref="ProtocolDefaults"/>.
/// </summary>
public sealed record BenchmarkSettings(
    IReadOnlyList<string> Datasets,
    IReadOnlyList<ConvolutionKind> Gnns,
    IReadOnlyList<PoolingKind> Pools,
    IReadOnlyList<int> Seeds,
    string OutputDirectory,
    Device Device)
{
    public IReadOnlyList<string> Models { get; init; } = [ModelPresets.Paper];

    /// <summary>The rows of the grid; by default every model × GNN × pool, in that order.</summary>
    public IReadOnlyList<BenchmarkCell>? Cells { get; init; }

    /// <summary>The rows the grid runs: <see cref="Cells"/>, or the product of the models, GNNs and pools.</summary>
    public IReadOnlyList<BenchmarkCell> Rows =>
        Cells ?? [.. from model in Models from gnn in Gnns from pool in Pools select new BenchmarkCell(model, gnn, pool)];
    public string? DataDirectory { get; init; }
    public int? Epochs { get; init; }
    public int? Patience { get; init; }
    public int Hidden { get; init; } = 32;
    public SplitRounding SplitRounding { get; init; } = SplitRounding.TenthRoundedUp;
    public bool ShuffleEachEpoch { get; init; }
    public DuplicateRows Duplicates { get; init; } = DuplicateRows.KeepEveryRowWithMeanLabel;
    public int Threads { get; init; } = 1;

    /// <summary>Runs at once (each in its own process with <see cref="Threads"/> torch threads); results do not depend on it.</summary>
    public int Jobs { get; init; } = 1;

    /// <summary>This task's part of the grid, or null for all of it.</summary>
    public Shard? Shard { get; init; }

    /// <summary>
    /// Results folders of other grids whose rows may stand for runs of this one: a row made with exactly a planned
    /// run's settings and seed (data, protocol and numerics included) is copied, with the commit and CPU it names, instead
    /// of training the run again (the variants grid's GCN + Global and GCN + TopoPooling are Table 2's).
    /// </summary>
    public IReadOnlyList<string> ReuseFrom { get; init; } = [];

    /// <summary>Write the test-set explanations of every run with a clustering pool next to its results.</summary>
    public bool Explain { get; init; }

    /// <summary>The experiment of one grid cell.</summary>
    public ExperimentSettings Cell(string dataset, string model, ConvolutionKind gnn, PoolingKind pool, string variant = "") =>
        new(dataset, gnn, pool, Device)
        {
            DataDirectory = DataDirectory,
            Epochs = Epochs,
            Patience = Patience,
            Hidden = Hidden,
            Model = model,
            Variant = variant,
            SplitRounding = SplitRounding,
            ShuffleEachEpoch = ShuffleEachEpoch,
            Duplicates = Duplicates,
            Threads = Threads,
            Explain = Explain,
            OutputDirectory = Path.Combine(OutputDirectory, "runs",
                $"{dataset}_{(model == ModelPresets.Paper ? "" : model + "_")}{ComponentNames.Of(gnn)}_{ComponentNames.Of(pool)}{(variant.Length == 0 ? "" : "_" + variant)}".ToLowerInvariant()),
        };
}
