using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using TopoPool.Cli.Arguments;
using TopoPool.Cli.Output;
using TopoPool.Cli.Progress;
using TopoPool.Core.Pipelines;
using TopoPool.Training.Data;
using TopoPool.Training.OwnData;
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
        var own = new OwnDataArguments();
        var command = new Command("train", "Train and test a pooling model: the paper's protocol on a named dataset, or your own table with --data")
        {
            dataset, model, gnn, pool, variant, seeds, batchSize, lr, output, fresh, json,
        };
        foreach (var option in protocol.All) command.Options.Add(option);
        foreach (var option in own.All) command.Options.Add(option);
        command.SetAction(result =>
        {
            if (result.GetValue(own.Data) is { } data)
            {
                if (result.GetResult(dataset) is { Implicit: false }) throw new InputException("give --dataset or --data, not both");
                foreach (var benchmarkOnly in new Option[] { protocol.DataDirectory, protocol.SplitRounding, protocol.Duplicates, protocol.Explain })
                    if (result.GetResult(benchmarkOnly) is { Implicit: false }) throw new InputException($"{benchmarkOnly.Name} is for the named datasets, not --data");
                var ownSettings = OwnDataSettingsOf(result, data, own, protocol, model, gnn, pool, variant, seeds, batchSize, lr, output, fresh);
                if (ModelPresets.Problem(ownSettings.Model, ownSettings.Pool, ownSettings.Variant) is { } ownProblem) throw new InputException(ownProblem);
                TorchSharp.torch.set_num_threads(ownSettings.Threads);
                return OwnDataTraining.Run(ownSettings, result.GetValue(json), Console.Out, Console.Error);
            }
            if (own.Given(result).FirstOrDefault() is { } stray) throw new InputException($"{stray} is for your own table: give --data FILE with it");
            var settings = new ExperimentSettings(result.GetValue(dataset)!, ModelChoices.Gnn(result.GetValue(gnn)!),
                ModelChoices.Pool(result.GetValue(pool)!), ModelChoices.Device(result.GetValue(protocol.Device)!))
            {
                DataDirectory = protocol.DataDirectoryOf(result),
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

    private static OwnDataSettings OwnDataSettingsOf(ParseResult result, string data, OwnDataArguments own, ProtocolArguments protocol,
        Option<string> model, Option<string> gnn, Option<string> pool, Option<string> variant, Option<IReadOnlyList<int>> seeds,
        Option<int?> batchSize, Option<double?> lr, Option<string?> output, Option<bool> fresh)
    {
        var targets = (result.GetValue(own.Targets) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (targets.Length == 0) throw new InputException("--data needs --targets COL[,COL...]: the column(s) to learn");
        var folder = result.GetValue(output) ?? throw new InputException("--data needs --out DIR: the model folder to write");
        TaskKind? task = result.GetValue(own.Task) switch
        {
            null => null,
            "regression" => TaskKind.Regression,
            "classification" => TaskKind.Classification,
            var other => throw new InputException($"--task {other}: choose regression or classification"),
        };
        var split = result.GetValue(own.Split) switch
        {
            null or "random" => SplitMethod.Random,
            "scaffold" => SplitMethod.Scaffold,
            var other => throw new InputException($"--split {other}: choose random or scaffold"),
        };
        var splitColumn = result.GetValue(own.SplitColumn);
        if (splitColumn is not null && result.GetValue(own.Split) is not null) throw new InputException("give --split or --split-column, not both");
        var featurizer = result.GetValue(own.Featurizer) ?? MoleculeFeaturizers.Default;
        if (MoleculeFeaturizers.Named(featurizer) is null)
            throw new InputException($"--featurizer {featurizer}: unknown featurizer (choose {string.Join(", ", MoleculeFeaturizers.Names)})");
        var test = result.GetValue(own.Test);
        var sizes = result.GetValue(own.SplitSizes);
        if (sizes is { Count: 2 } && test is null && splitColumn is null)
            throw new InputException("--split-sizes with two fractions needs --test; give training,validation,test");
        var settings = new OwnDataSettings(data, new MoleculeTableOptions(targets)
        {
            SmilesColumn = result.GetValue(own.SmilesColumn),
            Task = task,
            Featurizer = featurizer,
            SplitColumn = splitColumn,
        }, folder, ModelChoices.Device(result.GetValue(protocol.Device)!))
        {
            TestPath = test,
            Split = split,
            Model = result.GetValue(model)!,
            Gnn = ModelChoices.Gnn(result.GetValue(gnn)!),
            Pool = ModelChoices.Pool(result.GetValue(pool)!),
            Variant = result.GetValue(variant) is "none" or null ? "" : result.GetValue(variant)!,
            Hidden = result.GetValue(protocol.Hidden),
            Seeds = result.GetValue(seeds)!,
            ShuffleEachEpoch = result.GetValue(protocol.ShuffleEachEpoch),
            Threads = result.GetValue(protocol.Threads),
            Fresh = result.GetValue(fresh),
        };
        if (sizes is not null) settings = settings with { SplitSizes = sizes.Count == 2 ? [sizes[0], sizes[1], 0] : sizes };
        if (result.GetValue(protocol.Epochs) is int epochs) settings = settings with { Epochs = epochs };
        if (result.GetValue(protocol.Patience) is int patience) settings = settings with { Patience = patience };
        if (result.GetValue(batchSize) is int batch) settings = settings with { BatchSize = batch };
        if (result.GetValue(lr) is double rate) settings = settings with { LearningRate = rate };
        return settings;
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
        $"seed {run.Seed}: test {MetricName(metric)} {run.Value:F4} {Epochs(run)}, {run.SecondsPerEpoch:F3} s/epoch" +
        (run.MotifRecovery is double m ? $", motif recovery {m:F3}" : "") + Provenance(run);

    /// <summary>How a seed trained, for its progress line: <c>after 112 epochs (best 62) (finished earlier)</c>.</summary>
    internal static string HowItTrained(SeedRun run) => Epochs(run) + Provenance(run);

    private static string Epochs(SeedRun run) =>
        $"after {run.Epochs} epochs (best {run.BestEpoch}{(run.StoppedBy == StopReason.EpochCap ? ", stopped by the epoch cap" : "")})";

    private static string Provenance(SeedRun run) => run.Reused ? " (finished earlier)" : run.Resumed ? " (resumed)" : "";

    private static string MetricName(EvaluationMetric metric) => metric == EvaluationMetric.Accuracy ? "accuracy" : "MAE";

    public static string Headline(ExperimentSummary s) =>
        string.Create(CultureInfo.InvariantCulture, $"{s.Dataset} {s.Settings.Model} {s.Gnn} {s.Pool}: test {s.Metric} {s.Mean:F3} ({s.Std:F3}) over {s.Runs.Count} seed(s), {s.SecondsPerEpoch:F3} s/epoch");

    public static string ToJson(ExperimentSummary s) => JsonSerializer.Serialize(
        new TrainJson(s.Dataset, s.Settings.Model, s.Gnn, s.Pool, s.Metric, s.Mean, s.Std, s.MotifRecovery, s.SecondsPerEpoch, s.Folder, s.Settings.Key,
            s.Runs.Select(r => new TrainSeedJson(r.Seed, r.Value, r.ValidationValue, r.Epochs, r.BestEpoch,
                r.StoppedBy == StopReason.EpochCap ? "epoch_cap" : "patience", r.Seconds, r.SecondsPerEpoch, r.MotifRecovery, r.Resumed, r.Reused)).ToList()),
        CliJson.Readable.TrainJson);
}
