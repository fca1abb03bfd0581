using System.Text.Json;
using System.Text.Json.Serialization;
using TopoPool.Core.Pipelines;
using TopoPool.Training.Data;

namespace TopoPool.Training.Experiments;

/// <summary>
/// What <c>train --out</c> writes beside the weights (<c>settings.json</c>) so that the model can be rebuilt later
/// for explanations: the dataset, the paper-model preset (GNN, pool, hidden size, widths, task) and class names.
/// </summary>
public sealed record SavedModel(
    string Dataset,
    ConvolutionKind Gnn,
    PoolingKind Pool,
    Core.Pipelines.TaskKind Task,
    int InputWidth,
    int OutputWidth,
    int Hidden,
    IReadOnlyList<string> ClassNames)
{
    public static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    public string Key => $"{Dataset}|{Gnn}|{Pool}|{Task}|{InputWidth}|{OutputWidth}|{Hidden}";

    public Pipeline Pipeline() => Core.Pipelines.Pipeline.Paper(Gnn, Pool, Task, InputWidth, OutputWidth, Hidden);

    public static SavedModel For(BenchmarkDataset dataset, ExperimentSettings settings, Core.Pipelines.TaskKind task) =>
        new(dataset.Name, settings.Gnn, settings.Pool, task, dataset.NodeFeatureWidth,
            task == Core.Pipelines.TaskKind.Classification ? dataset.NumClasses : 1, settings.Hidden, dataset.SplitGraphs.ClassNames);

    public static SavedModel Load(string directory)
    {
        var path = Path.Combine(directory, ExperimentRunner.SettingsFile);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no settings.json (write one with `topopool train --out {directory}`)");
        return JsonSerializer.Deserialize<SavedModel>(File.ReadAllText(path), JsonOptions)
               ?? throw new InvalidDataException($"{path}: empty settings");
    }
}
