using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using TopoPool.Cli.Arguments;
using TopoPool.Cli.Output;
using TopoPool.Cli.Progress;
using TopoPool.Training.Data;
using TopoPool.Training.Experiments;
using TopoPool.Training.Reports;
using TopoPool.Training.Trainer;

namespace TopoPool.Cli.Commands;

/// <summary>
/// <c>topopool train</c>: the paper's protocol for one dataset, model, GNN and pool over several seeds; prints mean
/// (std) of the test metric, and for the synthetic motif set the motif recovery. With no <c>--dataset</c> it trains
/// on the built-in synthetic set, which needs no files. The output folder is reused only for runs of the same
/// settings (<see cref="RunFolder"/>); what is reused or resumed is said on standard error.
/// </summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = $"dataset: {string.Join(", ", DatasetLocator.KnownNames)}", DefaultValueFactory = _ => "synthetic" };
        var model = CommandOptions.Choice("--model", "model preset", ModelPresets.Names, ModelPresets.Paper);
        var gnn = CommandOptions.Choice("--gnn", "graph convolution", ComponentNames.Gnns, "gcn");
        var pool = CommandOptions.Choice("--pool", "pooling layer", ComponentNames.Pools, "topo", ModelChoices.PoolAliases);
        var variant = CommandOptions.Choice("--variant", "TopoPooling variant", ["none", .. ModelPresets.Variants.Where(v => v.Length > 0)], "none");
        var seeds = CommandOptions.Seeds("--seeds", "1");
        var batchSize = CommandOptions.WholeNumber("--batch-size", "graphs per batch (default: the dataset's protocol)", 1, 1_000_000);
        var lr = CommandOptions.PositiveNumber("--lr", "Adam learning rate (default: the dataset's protocol)");
        var output = new Option<string?>("--out") { Description = "folder for each seed's weights, checkpoint and result and the run's settings (default runs/<dataset>_<gnn>_<pool>)" };
        var fresh = new Option<bool>("--fresh") { Description = "start over in --out: delete the run files already there (otherwise a folder of other settings is refused)" };
        var json = new Option<bool>("--json") { Description = "end with one JSON line holding the results" };
        var protocol = new ProtocolArguments();
        var command = new Command("train", "Train and test a pooling model with the paper's protocol")
        {
            dataset, model, gnn, pool, variant, seeds, batchSize, lr, output, fresh, json,
        };
        foreach (var option in protocol.All) command.Options.Add(option);
        command.SetAction(result =>
        {
            var settings = new ExperimentSettings(result.GetValue(dataset)!, ModelChoices.Gnn(result.GetValue(gnn)!),
                ModelChoices.Pool(result.GetValue(pool)!), ModelChoices.Device(result.GetValue(protocol.Device)!))
            {
                DataDirectory = result.GetValue(protocol.DataDirectory),
                Seeds = result.GetValue(seeds)!,
                Epochs = result.GetValue(protocol.Epochs),
                Patience = result.GetValue(protocol.Patience),
                BatchSize = result.GetValue(batchSize),
                LearningRate = result.GetValue(lr),
                Hidden = result.GetValue(protocol.Hidden),
                Model = result.GetValue(model)!,
                Variant = result.GetValue(variant) is "none" or null ? "" : result.GetValue(variant)!,
                SplitRounding = protocol.RoundingOf(result),
                ShuffleEachEpoch = result.GetValue(protocol.ShuffleEachEpoch),
                Duplicates = protocol.DuplicatesOf(result),
                Threads = result.GetValue(protocol.Threads),
                Explain = result.GetValue(protocol.Explain),
                OutputDirectory = result.GetValue(output),
                Fresh = result.GetValue(fresh),
            };
            if (ModelPresets.Problem(settings.Model, settings.Pool, settings.Variant) is { } problem) throw new InputException(problem);
            TorchSharp.torch.set_num_threads(settings.Threads);
            var summary = Run(settings, Console.Out, Console.Error);
            if (result.GetValue(json)) Console.Out.WriteLine(ToJson(summary));
            return ExitCodes.Success;
        });
        return command;
    }

    public static ExperimentSummary Run(ExperimentSettings settings, TextWriter output, TextWriter messages)
    {
        var dataset = DatasetLocator.Load(settings.Dataset, settings.DataDirectory, duplicates: settings.Duplicates);
        output.WriteLine($"{dataset} · {settings.Model} {ComponentNames.Of(settings.Gnn)} + {ComponentNames.Of(settings.Pool)} · seeds {string.Join(",", settings.Seeds)} · device {settings.Device}");
        foreach (var warning in dataset.Warnings.Take(20)) messages.WriteLine($"warning: {warning}");
        if (dataset.Warnings.Count > 20) messages.WriteLine($"warning: … and {dataset.Warnings.Count - 20} more");

        var progress = new TrainingProgress(output, TrainingProgress.IsTerminal);
        var summary = progress.Run(() => ExperimentRunner.Run(dataset, settings, progress.Report,
            run => progress.Finish(run.Seed, Describe(run, dataset.Metric)), messages.WriteLine));

        output.WriteLine(Headline(summary));
        if (summary.MotifRecovery is double recovery)
            output.WriteLine($"motif recovery (IoU of the highest-weighted cluster with the planted motif): {recovery:F3}");
        messages.WriteLine($"training curves: {TrainingCurvesFile.Write(summary)}");
        return summary;
    }

    private static string Describe(SeedRun run, EvaluationMetric metric) =>
        $"seed {run.Seed}: test {MetricName(metric)} {run.Value:F4} after {run.Epochs} epochs (best {run.BestEpoch}" +
        $"{(run.StoppedBy == StopReason.EpochCap ? ", stopped by the epoch cap" : "")}), {run.SecondsPerEpoch:F3} s/epoch" +
        (run.MotifRecovery is double m ? $", motif recovery {m:F3}" : "") + (run.Reused ? " (finished earlier)" : run.Resumed ? " (resumed)" : "");

    private static string MetricName(EvaluationMetric metric) => metric == EvaluationMetric.Accuracy ? "accuracy" : "MAE";

    public static string Headline(ExperimentSummary s) =>
        string.Create(CultureInfo.InvariantCulture, $"{s.Dataset} {s.Settings.Model} {s.Gnn} {s.Pool}: test {s.Metric} {s.Mean:F3} ({s.Std:F3}) over {s.Runs.Count} seed(s), {s.SecondsPerEpoch:F3} s/epoch");

    public static string ToJson(ExperimentSummary s) => JsonSerializer.Serialize(
        new TrainJson(s.Dataset, s.Settings.Model, s.Gnn, s.Pool, s.Metric, s.Mean, s.Std, s.MotifRecovery, s.SecondsPerEpoch, s.Folder, s.Settings.Key,
            s.Runs.Select(r => new TrainSeedJson(r.Seed, r.Value, r.ValidationValue, r.Epochs, r.BestEpoch,
                r.StoppedBy == StopReason.EpochCap ? "epoch_cap" : "patience", r.Seconds, r.SecondsPerEpoch, r.MotifRecovery, r.Resumed, r.Reused)).ToList()),
        CliJson.Default.TrainJson);
}
