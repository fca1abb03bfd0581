using System.Text.Json;

namespace TopoPool.Training.Experiments;

/// <summary>
/// The folder of one experiment's runs: <c>run.json</c> (the <see cref="RunRecord"/> that identifies them) and per seed
/// <c>seedN.checkpoint</c> (while training), <c>seedN.weights</c> and <c>seedN.result.json</c> (written in that order,
/// each to a temporary file renamed into place, so a finished seed is all there or not at all).
/// </summary>
/// <remarks>
/// The rule: a folder is used only for runs of the same <see cref="RunSettings"/>. Opening a folder whose
/// <c>run.json</c> records other settings, or that holds seed files without a <c>run.json</c>, fails with a
/// <see cref="RunFolderException"/> naming the folder and the first setting that differs, unless <c>fresh</c> is asked
/// for: then the run files in it (<c>run.json</c>, <c>seed*</c>) are deleted first. A finished seed of the same settings
/// is reused and a checkpoint of the same settings resumed; both are said through the log. A file that cannot be read
/// is named with what is wrong and how to get past it.
/// </remarks>
public sealed class RunFolder
{
    public const string RecordFile = "run.json";

    private RunFolder(string path, RunRecord record)
    {
        Path = path;
        Record = record;
    }

    public string Path { get; }

    public RunRecord Record { get; }

    public string Key => Record.Key;

    public string CheckpointPath(int seed) => System.IO.Path.Combine(Path, $"seed{seed}.checkpoint");
    public string WeightsPath(int seed) => System.IO.Path.Combine(Path, $"seed{seed}.weights");
    public string ResultPath(int seed) => System.IO.Path.Combine(Path, $"seed{seed}.result.json");
    public string ExplanationsPath(int seed) => System.IO.Path.Combine(Path, $"seed{seed}.explanations.jsonl");
    public string ExplanationSummaryPath(int seed) => System.IO.Path.Combine(Path, $"seed{seed}.summary.md");

    /// <summary>Opens (or creates) the folder for runs of <paramref name="record"/>'s settings; see the remarks.</summary>
    public static RunFolder Open(string path, RunSettings settings, RunRecord record, bool fresh)
    {
        if (File.Exists(path)) throw new RunFolderException($"{path}: is a file, not a folder; give --out a folder");
        if (fresh && Directory.Exists(path)) DeleteRunFiles(path);
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RunFolderException($"{path}: cannot create the folder ({e.Message})", e);
        }

        var recordPath = System.IO.Path.Combine(path, RecordFile);
        if (File.Exists(recordPath))
        {
            var existing = ReadRecord(recordPath);
            if (existing.Key != record.Key || settings.FirstDifference(existing.Settings) is not null)
            {
                var difference = settings.FirstDifference(existing.Settings);
                string what = difference is var (theirs, ours)
                    ? ours.Option.StartsWith("--", StringComparison.Ordinal)
                        ? $"holds runs made with {ours.Option} {Shown(theirs.Value)}; this run has {ours.Option} {Shown(ours.Value)}"
                        : $"holds runs made with another {ours.Name} ({Shown(theirs.Value)} there, {Shown(ours.Value)} now; set by {ours.Option})"
                    : "holds runs made with other settings";
                throw new RunFolderException($"{path}: {what}. Use --fresh to start over in it, or another --out");
            }
        }
        else if (Directory.EnumerateFiles(path, "seed*").Any())
        {
            throw new RunFolderException(
                $"{path}: holds seed files but no {RecordFile}, so their settings are unknown; use --fresh to start over in it, or another --out");
        }

        WriteAtomically(recordPath, JsonSerializer.Serialize(record, TrainingJson.Default.RunRecord));
        return new RunFolder(path, record);
    }

    /// <summary>Reads the record of a run folder (for explanations and prediction).</summary>
    public static RunRecord ReadRecord(string recordPath)
    {
        try
        {
            var record = JsonSerializer.Deserialize(File.ReadAllText(recordPath), TrainingJson.Default.RunRecord);
            if (record is null || record.Format != RunRecord.FormatName || record.Settings is null || record.Key is null)
                throw new RunFolderException($"{recordPath}: not a {RunRecord.FormatName} file; delete the folder's run files or use --fresh");
            return record;
        }
        catch (JsonException e)
        {
            throw new RunFolderException($"{recordPath}: damaged ({FirstLine(e.Message)}); delete it or use --fresh", e);
        }
    }

    /// <summary>The finished seed, or null when it has not finished; throws when its result file is damaged.</summary>
    public SeedResult? Finished(int seed)
    {
        var path = ResultPath(seed);
        if (!File.Exists(path)) return null;
        SeedResult? result;
        try
        {
            result = JsonSerializer.Deserialize(File.ReadAllText(path), TrainingJson.Default.SeedResult);
        }
        catch (JsonException e)
        {
            throw new RunFolderException($"{path}: damaged ({FirstLine(e.Message)}); delete it or use --fresh", e);
        }
        if (result?.Run is null || result.Key is null)
            throw new RunFolderException($"{path}: damaged (no result in it); delete it or use --fresh");
        if (result.Key != Key)
            throw new RunFolderException($"{path}: was made with other settings (key {result.Key}, this run {Key}); delete it or use --fresh");
        if (!File.Exists(WeightsPath(seed)))
            throw new RunFolderException($"{WeightsPath(seed)}: missing beside its result; delete {path} or use --fresh");
        return result;
    }

    /// <summary>Writes a finished seed's result (after its weights).</summary>
    public void WriteResult(SeedResult result) =>
        WriteAtomically(ResultPath(result.Run.Seed), JsonSerializer.Serialize(result, TrainingJson.Default.SeedResult));

    /// <summary>Writes <paramref name="text"/> to a temporary file beside <paramref name="path"/> and renames it over it.</summary>
    public static void WriteAtomically(string path, string text)
    {
        var temporary = path + ".partial";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }

    private static void DeleteRunFiles(string path)
    {
        foreach (var file in Directory.EnumerateFiles(path, "seed*").Append(System.IO.Path.Combine(path, RecordFile)).ToList())
            if (File.Exists(file)) File.Delete(file);
    }

    private static string Shown(string value) => value.Length == 0 ? "(none)" : value;

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
