using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TopoPool.Core.Pipelines;
using TopoPool.Training.Data;

namespace TopoPool.Training.Experiments;

/// <summary>
/// Everything that determines the result of one (dataset, model, GNN, pool) experiment for a given seed: the data (by
/// its <see cref="DataFingerprint"/>), the model, every training setting, the numeric environment and the library's
/// <see cref="ProtocolVersion"/>. Two runs with equal settings and seed give the same numbers; a run folder or result
/// row made under other settings is never reused for these (<see cref="FirstDifference"/> says which setting differs).
/// </summary>
public sealed record RunSettings(
    string Dataset,
    string DataFingerprint,
    string Model,
    ConvolutionKind Gnn,
    PoolingKind Pool,
    int Hidden,
    int Epochs,
    int Patience,
    int BatchSize,
    double LearningRate,
    SplitRounding SplitRounding,
    bool ShuffleEachEpoch,
    DuplicateRows? Duplicates,
    string Device,
    int Threads,
    string Numerics)
{
    /// <summary>The TopoPooling variant (<see cref="ModelPresets.Variants"/>; empty: the authors' layer).</summary>
    public string Variant { get; init; } = "";

    /// <summary>
    /// The version of the training protocol's code: raised whenever a change alters the numbers a run produces, so
    /// that runs and rows of earlier versions are told apart. 2: the authors' split rounding, fixed batch order and
    /// epoch cap as options, pinned CPU kernels.
    /// </summary>
    public const int ProtocolVersion = 2;

    public int Protocol { get; init; } = ProtocolVersion;

    /// <summary>Settings beyond the benchmark's (own-data runs: targets, task, split, featurizer), listed after them; the
    /// benchmark's runs have none, so their <see cref="Key"/> is what it always was.</summary>
    public IReadOnlyList<RunSetting> Extra { get; init; } = [];

    /// <summary>What sets the data, for messages (not part of the <see cref="Key"/>).</summary>
    public string DataOption { get; init; } = "the data files (--data-dir)";

    /// <summary>The settings in a fixed order, as name, value and the option that sets it.</summary>
    public IReadOnlyList<RunSetting> Describe() =>
    [
        new("protocol", Text(Protocol), "the library version"),
        new("dataset", Dataset, "--dataset"),
        new("data", DataFingerprint, DataOption),
        new("model", Model, "--model"),
        new("gnn", ComponentNames.Of(Gnn), "--gnn"),
        new("pool", ComponentNames.Of(Pool), "--pool"),
        new("variant", Variant, "--variant"),
        new("hidden", Text(Hidden), "--hidden"),
        new("epoch_cap", Text(Epochs), "--epochs"),
        new("patience", Text(Patience), "--patience"),
        new("batch_size", Text(BatchSize), "--batch-size"),
        new("learning_rate", LearningRate.ToString("R", CultureInfo.InvariantCulture), "--lr"),
        new("split_rounding", ComponentNames.Of(SplitRounding), "--split-rounding"),
        new("shuffle_each_epoch", ShuffleEachEpoch ? "true" : "false", "--shuffle-each-epoch"),
        new("duplicates", Duplicates is { } d ? ComponentNames.Of(d) : "", "--duplicates"),
        new("device", Device, "--device"),
        new("threads", Text(Threads), "--threads"),
        new("numerics", Numerics, "the CPU kernel settings (NumericReproducibility)"),
        .. Extra,
    ];

    /// <summary>A short hash of <see cref="Describe"/>: equal for equal settings.</summary>
    public string Key
    {
        get
        {
            var text = string.Join("\n", Describe().Select(s => $"{s.Name}={s.Value}"));
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
        }
    }

    /// <summary>The first setting whose value differs between <paramref name="other"/> and these, or null when none does.</summary>
    public (RunSetting Theirs, RunSetting Ours)? FirstDifference(IReadOnlyList<RunSetting> other)
    {
        // The extra settings are the more specific ones (an own-data run's targets change its data fingerprint too).
        var all = Describe();
        var ours = all.Skip(all.Count - Extra.Count).Concat(all.Take(all.Count - Extra.Count));
        foreach (var mine in ours)
        {
            var theirs = other.FirstOrDefault(s => s.Name == mine.Name);
            if (theirs is null) return (new RunSetting(mine.Name, "(not recorded)", mine.Option), mine);
            if (theirs.Value != mine.Value) return (theirs, mine);
        }
        return null;
    }

    /// <summary>The pipeline these settings train, for a dataset of the given widths.</summary>
    public Pipeline Pipeline(TaskKind task, int inputWidth, int outputWidth) =>
        ModelPresets.Build(Model, Gnn, Pool, task, inputWidth, outputWidth, Hidden, Variant);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
