using System.Globalization;
using TopoPool.Training.Trainer;

namespace TopoPool.Training.Experiments;

/// <summary>
/// One finished (dataset, model, GNN, pool, seed) run: a row of a results CSV. It carries the run's result, every
/// setting that determined it (<see cref="RunSettings.Describe"/>, by name), and where it came from (library
/// version and commit, CPU). A row counts for a requested run only when all its settings are equal to the request's.
/// </summary>
public sealed record BenchmarkRow(
    IReadOnlyDictionary<string, string> Settings,
    int Seed,
    string Metric,
    double Value,
    double Validation,
    int Epochs,
    int BestEpoch,
    StopReason StoppedBy,
    double Seconds,
    double SecondsPerEpoch,
    double? MotifRecovery,
    RunProvenance Provenance)
{
    private static readonly Lazy<IReadOnlyList<string>> SettingNamesLazy = new(() =>
        new RunSettings("", "", "", default, default, 0, 0, 0, 0, 0, default, false, null, "", 0, "").Describe().Select(s => s.Name).ToList());

    /// <summary>The result columns, in file order; the setting columns follow, then <c>version</c>, <c>commit</c>, <c>cpu</c>.</summary>
    public static IReadOnlyList<string> ResultColumns { get; } =
        ["seed", "metric", "value", "validation", "epochs_run", "best_epoch", "stopped_by", "seconds", "seconds_per_epoch", "motif_recovery"];

    public static IReadOnlyList<string> ProvenanceColumns { get; } = ["version", "commit", "cpu"];

    /// <summary>Every column of a results file, in order: the identifying settings first, then results, then provenance.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "dataset", "model", "gnn", "pool", "variant",
        .. ResultColumns,
        .. SettingNames.Where(n => n is not ("dataset" or "model" or "gnn" or "pool" or "variant")),
        "key",
        .. ProvenanceColumns,
    ];

    /// <summary>The names of the settings, in <see cref="RunSettings.Describe"/> order.</summary>
    public static IReadOnlyList<string> SettingNames => SettingNamesLazy.Value;

    public string Dataset => Setting("dataset");
    public string Model => Setting("model");
    public string Gnn => Setting("gnn");
    public string Pool => Setting("pool");
    public string Variant => Setting("variant");

    /// <summary>The key of the settings as recorded (<see cref="RunSettings.Key"/> when the row was written).</summary>
    public string Key => Setting("key");

    public string Setting(string name) => Settings.TryGetValue(name, out var value) ? value : "";

    /// <summary>True when this row was made with exactly <paramref name="settings"/>.</summary>
    public bool Matches(RunSettings settings) =>
        settings.Describe().All(s => Settings.TryGetValue(s.Name, out var value) && value == s.Value);

    public static BenchmarkRow From(RunSettings settings, string metric, SeedRun run, RunProvenance provenance)
    {
        var values = settings.Describe().ToDictionary(s => s.Name, s => s.Value);
        values["key"] = settings.Key;
        return new BenchmarkRow(values, run.Seed, metric, run.Value, run.ValidationValue, run.Epochs, run.BestEpoch, run.StoppedBy,
            run.Seconds, run.SecondsPerEpoch, run.MotifRecovery, provenance);
    }

    /// <summary>The value of column <paramref name="column"/> as written to the file.</summary>
    public string Field(string column) => column switch
    {
        "seed" => Seed.ToString(CultureInfo.InvariantCulture),
        "metric" => Metric,
        "value" => Number(Value),
        "validation" => Number(Validation),
        "epochs_run" => Epochs.ToString(CultureInfo.InvariantCulture),
        "best_epoch" => BestEpoch.ToString(CultureInfo.InvariantCulture),
        "stopped_by" => StoppedBy == StopReason.EpochCap ? "epoch_cap" : "patience",
        "seconds" => Number(Seconds),
        "seconds_per_epoch" => Number(SecondsPerEpoch),
        "motif_recovery" => MotifRecovery is double m ? Number(m) : "",
        "version" => Provenance.Version,
        "commit" => Provenance.Commit,
        "cpu" => Provenance.Cpu,
        _ => Setting(column),
    };

    /// <summary>A row from a file's fields by column name; null with the reason when a result field is missing or malformed.</summary>
    public static BenchmarkRow? Parse(Func<string, string?> field, out string? problem)
    {
        string? missing = null;
        string? Need(string column)
        {
            var text = field(column);
            if (text is null) missing ??= $"no '{column}' column";
            return text;
        }
        var settings = new Dictionary<string, string>();
        foreach (var name in SettingNames.Append("key"))
            if (field(name) is { } recorded) settings[name] = recorded;
        var seed = Need("seed");
        var metric = Need("metric");
        var value = Need("value");
        var validation = Need("validation");
        var epochs = Need("epochs_run");
        var best = Need("best_epoch");
        var stopped = Need("stopped_by");
        var seconds = Need("seconds");
        var perEpoch = Need("seconds_per_epoch");
        var recovery = Need("motif_recovery");
        problem = missing;
        if (problem is not null) return null;
        if (!int.TryParse(seed, NumberStyles.Integer, CultureInfo.InvariantCulture, out int s)) return Bad("seed", seed!, out problem);
        if (!TryNumber(value!, out double v)) return Bad("value", value!, out problem);
        if (!TryNumber(validation!, out double val)) return Bad("validation", validation!, out problem);
        if (!int.TryParse(epochs, NumberStyles.Integer, CultureInfo.InvariantCulture, out int e)) return Bad("epochs_run", epochs!, out problem);
        if (!int.TryParse(best, NumberStyles.Integer, CultureInfo.InvariantCulture, out int b)) return Bad("best_epoch", best!, out problem);
        if (stopped is not ("patience" or "epoch_cap")) return Bad("stopped_by", stopped!, out problem);
        if (!TryNumber(seconds!, out double sec)) return Bad("seconds", seconds!, out problem);
        if (!TryNumber(perEpoch!, out double spe)) return Bad("seconds_per_epoch", perEpoch!, out problem);
        double? m = null;
        if (recovery!.Length > 0)
        {
            if (!TryNumber(recovery, out double parsed)) return Bad("motif_recovery", recovery, out problem);
            m = parsed;
        }
        var provenance = new RunProvenance(field("version") ?? "", field("commit") ?? "", field("cpu") ?? "");
        return new BenchmarkRow(settings, s, metric!, v, val, e, b, stopped == "epoch_cap" ? StopReason.EpochCap : StopReason.Patience, sec, spe, m, provenance);
    }

    private static BenchmarkRow? Bad(string column, string value, out string? problem)
    {
        problem = $"{column} '{value}' is not valid";
        return null;
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
