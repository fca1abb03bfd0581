using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using TopoPool.Cli.Arguments;
using TopoPool.Cli.Output;
using TopoPool.Cli.Progress;
using TopoPool.Core.Pipelines;
using TopoPool.Training.Experiments;
using TopoPool.Training.OwnData;
using TopoPool.Training.Trainer;

namespace TopoPool.Cli.Commands;

/// <summary>
/// <c>topopool train --data FILE --targets COL[,COL...] --out DIR</c>: trains one model (an ensemble over
/// <c>--seeds</c>) on a user's table and writes a model folder that describes itself (<see cref="OwnDataRunner"/>).
/// Prints what was read and inferred, progress as the benchmark's training, each seed's per-target test metrics, and
/// per target the mean (std) over seeds; exit 3 when records of the table were skipped (each reported).
/// </summary>
public static class OwnDataTraining
{
    public static int Run(OwnDataSettings settings, bool json, TextWriter output, TextWriter messages)
    {
        var (table, test) = OwnDataRunner.ReadTables(settings);
        foreach (var t in (IEnumerable<MoleculeTable?>)[table, test])
        {
            if (t is null) continue;
            foreach (var warning in t.Warnings.Take(20)) messages.WriteLine($"warning: {warning}");
            if (t.Warnings.Count > 20) messages.WriteLine($"warning: … and {t.Warnings.Count - 20} more in {t.Source}");
        }
        if (table.TaskInference is { } inference) messages.WriteLine($"note: task {inference}");

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{table.Source}: {table.Samples.Count} molecules of {table.Records} records{(test is null ? "" : $" · test {test.Source}: {test.Samples.Count}")} · " +
            $"{(table.Task == TaskKind.Classification ? "classification" : "regression")} of {string.Join(", ", table.Targets.Select(Describe))} · " +
            $"{settings.Model} {ComponentNames.Of(settings.Gnn)} + {ComponentNames.Of(settings.Pool)} · featurizer {table.Featurizer.Name} ({table.Featurizer.Width}) · " +
            $"seeds {string.Join(",", settings.Seeds)}"));

        var progress = new TrainingProgress(output, TrainingProgress.IsTerminal);
        var summary = progress.Run(() => OwnDataRunner.Run(table, test, settings, progress.Report,
            seed => progress.Finish(seed.Run.Seed, Describe(seed)), messages.WriteLine));

        foreach (var target in table.Targets)
        {
            var lines = summary.MeanMetrics().Where(m => m.Target == target.Name)
                .Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Metric} {m.Mean:F3} ({m.Std:F3})"));
            output.WriteLine($"{target.Name}: test {string.Join(" · ", lines)} over {summary.Seeds.Count} seed(s)");
        }
        var curves = TopoPool.Training.Reports.TrainingCurvesFile.Write(summary.Folder, $"{table.Source} {ComponentNames.Of(settings.Gnn)} + {ComponentNames.Of(settings.Pool)}",
            table.Task == TaskKind.Classification ? "accuracy (mean over targets)" : "MAE (mean over targets)", summary.Seeds.Select(s => s.Run.Seed));
        messages.WriteLine($"training curves: {curves}");
        output.WriteLine($"model folder: {summary.Folder} (model.json and {summary.Seeds.Count} weights file(s)); use it with `topopool predict --model {summary.Folder} --input FILE`");
        if (json) output.WriteLine(ToJson(summary));
        return ExitCodes.Done(table.Skipped + (test?.Skipped ?? 0));
    }

    private static string Describe(TargetSpec target) =>
        target.IsClassification ? $"{target.Name} (classes {string.Join("/", target.Classes)})" : target.Name;

    private static string Describe(OwnDataSeed seed)
    {
        var metrics = seed.Test.Select(m => m.Kind == "classification"
            ? string.Create(CultureInfo.InvariantCulture, $"{m.Name} accuracy {m.Accuracy:F3} ROC-AUC {m.RocAuc:F3} PR-AUC {m.PrAuc:F3}")
            : string.Create(CultureInfo.InvariantCulture, $"{m.Name} MAE {m.Mae:F3} RMSE {m.Rmse:F3} R² {m.R2:F3}"));
        var run = seed.Run;
        return $"seed {run.Seed}: test {string.Join(" · ", metrics)} (n={seed.TestCount}) {TrainCommand.HowItTrained(run)}";
    }

    private static string ToJson(OwnDataSummary s)
    {
        var means = s.MeanMetrics();
        var targets = s.Table.Targets.Select(t => new OwnDataTargetJson(t.Name, t.IsClassification ? "classification" : "regression", t.Classes,
            means.Where(m => m.Target == t.Name).ToDictionary(m => m.Metric, m => new MeanStdJson(m.Mean, m.Std)))).ToList();
        var runs = s.Seeds.Select(x => new OwnDataSeedJson(x.Run.Seed, x.Run.Epochs, x.Run.BestEpoch,
            x.Run.StoppedBy == StopReason.EpochCap ? "epoch_cap" : "patience", x.Run.Seconds, x.TrainCount, x.ValidationCount, x.TestCount,
            x.Run.Resumed, x.Run.Reused, x.Test)).ToList();
        var settings = s.Settings;
        return JsonSerializer.Serialize(new OwnDataTrainJson(s.Table.Source, s.Table.Task == TaskKind.Classification ? "classification" : "regression",
            settings.Model, ComponentNames.Of(settings.Gnn), ComponentNames.Of(settings.Pool), s.Table.Featurizer.Name,
            s.Table.Records + (s.Test?.Records ?? 0), s.Table.Samples.Count + (s.Test?.Samples.Count ?? 0), s.Table.Skipped + (s.Test?.Skipped ?? 0),
            s.Folder, settings.Key, targets, runs), CliJson.Readable.OwnDataTrainJson);
    }
}
