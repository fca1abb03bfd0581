using TopoPool.Training.Experiments;
using TopoPool.Training.Models;

namespace TopoPool.Training.OwnData;

/// <summary>
/// <c>model.json</c> of a model folder: everything needed to use the model without the data it was trained on — the
/// format, the library version that trained it, the pipeline (any pipeline, described stage by stage), the featurizer
/// by name with its feature names, the targets with their kind, classes and place in the output row, the settings
/// that identify the training run and their key, the data's fingerprint, and per seed its weights file, the targets'
/// standardisation and the test metrics.
/// </summary>
public sealed record ModelFile(
    string Format,
    string LibraryVersion,
    string Key,
    string Task,
    PipelineDescription Pipeline,
    FeaturizerDescription Featurizer,
    IReadOnlyList<TargetDescription> Targets,
    IReadOnlyList<RunSetting> Training,
    DataDescription Data,
    IReadOnlyList<ModelSeed> Seeds)
{
    public const string FormatName = "topopool-model/1";
    public const string FileName = "model.json";
}

/// <summary>The featurizer a model reads: its name, its width and each feature's name.</summary>
public sealed record FeaturizerDescription(string Name, int Width, IReadOnlyList<string> FeatureNames);

/// <summary>A target as <c>model.json</c> records it.</summary>
public sealed record TargetDescription(string Name, string Kind, IReadOnlyList<string> Classes, int Offset, int Width);

/// <summary>Where a model's data came from: the files, the fingerprint, and how many records were read and used.</summary>
public sealed record DataDescription(string File, string? TestFile, string Fingerprint, int Records, int Used, int Skipped);

/// <summary>One member of a model's ensemble: its seed and weights file, the standardisation of its targets, how it
/// trained, and its test metrics.</summary>
public sealed record ModelSeed(
    int Seed,
    string Weights,
    IReadOnlyList<double> Means,
    IReadOnlyList<double> Stds,
    int Epochs,
    int BestEpoch,
    int TrainCount,
    int ValidationCount,
    int TestCount,
    IReadOnlyList<TargetMetrics> Test);
