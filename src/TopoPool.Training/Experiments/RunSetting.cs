namespace TopoPool.Training.Experiments;

/// <summary>One setting that determines a run's result: its name in result files, its value as text, and the
/// command-line option that sets it (for messages).</summary>
public sealed record RunSetting(string Name, string Value, string Option);
