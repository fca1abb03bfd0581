using TopoPool.Core.Pipelines;
using TopoPool.Training.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace TopoPool.Training.Experiments;

/// <summary>
/// One (dataset, model, GNN, pool) experiment over several seeds, as requested. Null knobs take the protocol's value
/// for the dataset (<see cref="ProtocolDefaults"/>); <see cref="Resolve"/> turns the request into the
/// <see cref="RunSettings"/> that identify the runs. <see cref="OutputDirectory"/> receives each seed's weights,
/// checkpoint and result and the run's identity (<c>run.json</c>); a folder holding runs of other settings is never
/// reused (<see cref="RunFolder"/>).
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

    /// <summary>The model preset (<see cref="ModelPresets"/>).</summary>
    public string Model { get; init; } = ModelPresets.Paper;

    /// <summary>The TopoPooling variant (<see cref="ModelPresets.Variants"/>).</summary>
    public string Variant { get; init; } = "";

    /// <summary>TU test/validation sizes; the authors' rounding by default.</summary>
    public SplitRounding SplitRounding { get; init; } = SplitRounding.TenthRoundedUp;

    /// <summary>Reshuffle the training set every epoch (off: the authors' fixed order).</summary>
    public bool ShuffleEachEpoch { get; init; }

    /// <summary>Duplicate rows of molecule tables; the authors' handling by default.</summary>
    public DuplicateRows Duplicates { get; init; } = DuplicateRows.KeepEveryRowWithMeanLabel;

    /// <summary>Torch intra-op threads on the CPU (recorded: results depend on it).</summary>
    public int Threads { get; init; } = 1;

    public string? OutputDirectory { get; init; }

    /// <summary>Start over in <see cref="OutputDirectory"/>: the run files already there are deleted first.</summary>
    public bool Fresh { get; init; }

    /// <summary>Write each seed's test-set explanations (clusters per graph, strongest-cluster summary) beside its weights.</summary>
    public bool Explain { get; init; }

    /// <summary>The output folder: <see cref="OutputDirectory"/>, or <c>runs/&lt;dataset&gt;_&lt;model&gt;_&lt;gnn&gt;_&lt;pool&gt;</c>.</summary>
    public string OutputFolder => OutputDirectory ?? Path.Combine("runs",
        $"{Dataset}_{(Model == ModelPresets.Paper ? "" : Model + "_")}{ComponentNames.Of(Gnn)}_{ComponentNames.Of(Pool)}{(Variant.Length == 0 ? "" : "_" + Variant)}".ToLowerInvariant());

    /// <summary>The settings that identify runs of this experiment on <paramref name="dataset"/>.</summary>
    public RunSettings Resolve(BenchmarkDataset dataset, string numerics)
    {
        var defaults = ProtocolDefaults.For(dataset.Name);
        bool molecules = dataset.SplitGraphs.Samples.Any(s => s.Smiles is not null);
        return new RunSettings(
            dataset.Name, DataFingerprint.Of(dataset), Model, Gnn, Pool, Hidden,
            Epochs ?? defaults.Epochs, Patience ?? defaults.Patience, BatchSize ?? defaults.BatchSize, LearningRate ?? defaults.LearningRate,
            SplitRounding, ShuffleEachEpoch, molecules ? Duplicates : null,
            Device.type == DeviceType.CPU ? "cpu" : Device.ToString(), Threads, numerics) { Variant = Variant };
    }
}
