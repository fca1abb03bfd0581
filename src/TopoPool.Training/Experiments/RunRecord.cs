using TopoPool.Core.Pipelines;

namespace TopoPool.Training.Experiments;

/// <summary>
/// <c>run.json</c> in a run folder: the settings that identify the runs in it (<see cref="RunSettings.Describe"/>), their
/// key, and what is needed to rebuild the model for explanations (task, widths, class names, the library version
/// that trained it).
/// </summary>
public sealed record RunRecord(
    string Format,
    string Key,
    IReadOnlyList<RunSetting> Settings,
    TaskKind Task,
    int InputWidth,
    int OutputWidth,
    IReadOnlyList<string> ClassNames,
    string LibraryVersion)
{
    public const string FormatName = "topopool-run/1";

    /// <summary>The value of setting <paramref name="name"/>, or null.</summary>
    public string? Setting(string name) => Settings.FirstOrDefault(s => s.Name == name)?.Value;

    /// <summary>The model the run trained, rebuilt from its recorded settings.</summary>
    public Pipeline Pipeline()
    {
        string Need(string name) => Setting(name) ?? throw new InvalidDataException($"run.json records no '{name}'");
        if (!ComponentNames.TryGnn(Need("gnn"), out var gnn)) throw new InvalidDataException($"run.json: unknown gnn '{Need("gnn")}'");
        if (!ComponentNames.TryPool(Need("pool"), out var pool)) throw new InvalidDataException($"run.json: unknown pool '{Need("pool")}'");
        if (!int.TryParse(Need("hidden"), out int hidden)) throw new InvalidDataException($"run.json: hidden '{Need("hidden")}' is not a number");
        string model = Need("model");
        if (!ModelPresets.IsKnown(model)) throw new InvalidDataException($"run.json: unknown model '{model}'");
        return ModelPresets.Build(model, gnn, pool, Task, InputWidth, OutputWidth, hidden, Setting("variant") ?? "");
    }
}
