using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using TopoPool.Cli.Progress;
using TopoPool.Training.Data;
using TopoPool.Training.Experiments;

namespace TopoPool.Cli.Commands;

/// <summary>
/// <c>topopool train</c>: the paper's protocol for one dataset, GNN and pool over several seeds; prints mean (std) of
/// the test metric, and for the synthetic motif set the motif recovery. With no <c>--dataset</c> it trains on the
/// built-in synthetic set, which needs no files.
/// </summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = $"dataset: {string.Join(", ", DatasetLocator.KnownNames)}", DefaultValueFactory = _ => "synthetic" };
        var dataDir = new Option<string?>("--data-dir") { Description = "folder holding the dataset, or a root with tu/ and tdc/ beneath it" };
        var gnn = new Option<string>("--gnn") { Description = "gcn, gat or sage", DefaultValueFactory = _ => "gcn" };
        var pool = new Option<string>("--pool") { Description = "topo, none, topk, sag, diff, edge or asa", DefaultValueFactory = _ => "topo" };
        var seeds = new Option<string>("--seeds") { Description = "seeds: 1-10, 1,2,3 or 4", DefaultValueFactory = _ => "1" };
        var epochs = new Option<int?>("--epochs") { Description = "epoch cap (default: the dataset's protocol)" };
        var patience = new Option<int?>("--patience") { Description = "epochs without validation improvement before stopping" };
        var batchSize = new Option<int?>("--batch-size") { Description = "graphs per batch" };
        var lr = new Option<double?>("--lr") { Description = "Adam learning rate" };
        var hidden = new Option<int>("--hidden") { Description = "hidden width", DefaultValueFactory = _ => 32 };
        var device = new Option<string>("--device") { Description = "cpu or cuda", DefaultValueFactory = _ => "cpu" };
        var output = new Option<string?>("--out") { Description = "folder for each seed's weights, checkpoint and the run's settings (default runs/<dataset>_<gnn>_<pool>)" };
        var threads = new Option<int>("--threads") { Description = "torch threads on the CPU (1 is fastest for molecule-sized graphs, and makes runs reproducible)", DefaultValueFactory = _ => 1 };
        var explain = new Option<bool>("--explain") { Description = "write each seed's test-set explanations (clusters per graph and a summary) next to its results" };
        var json = new Option<bool>("--json") { Description = "end with one JSON line holding the results" };
        var command = new Command("train", "Train and test a pooling model with the paper's protocol")
        {
            dataset, dataDir, gnn, pool, seeds, epochs, patience, batchSize, lr, hidden, device, output, threads, explain, json,
        };
        command.SetAction(result =>
        {
            TorchSharp.torch.set_num_threads(Math.Max(1, result.GetValue(threads)));
            var settings = new ExperimentSettings(result.GetValue(dataset)!, ModelChoices.Gnn(result.GetValue(gnn)!),
                ModelChoices.Pool(result.GetValue(pool)!), ModelChoices.Device(result.GetValue(device)!))
            {
                DataDirectory = result.GetValue(dataDir),
                Seeds = ModelChoices.Seeds(result.GetValue(seeds)!),
                Epochs = result.GetValue(epochs),
                Patience = result.GetValue(patience),
                BatchSize = result.GetValue(batchSize),
                LearningRate = result.GetValue(lr),
                Hidden = result.GetValue(hidden),
                Explain = result.GetValue(explain),
                OutputDirectory = result.GetValue(output),
            };
            var summary = Run(settings, Console.Out);
            if (result.GetValue(json)) Console.Out.WriteLine(ToJson(summary));
            return 0;
        });
        return command;
    }

    public static ExperimentSummary Run(ExperimentSettings settings, TextWriter output)
    {
        var dataset = DatasetLocator.Load(settings.Dataset, settings.DataDirectory);
        output.WriteLine($"{dataset} · {settings.Gnn} + {settings.Pool} · seeds {string.Join(",", settings.Seeds)} · device {settings.Device}");
        foreach (var warning in dataset.Warnings.Take(20)) output.WriteLine($"warning: {warning}");
        if (dataset.Warnings.Count > 20) output.WriteLine($"warning: … and {dataset.Warnings.Count - 20} more");

        var progress = new TrainingProgress(output, TrainingProgress.IsTerminal);
        var summary = progress.Run(() => ExperimentRunner.Run(dataset, settings, progress.Report,
            run => progress.Finish(run.Seed, Describe(run, dataset.Metric))));

        output.WriteLine(Headline(summary));
        if (summary.MotifRecovery is double recovery)
            output.WriteLine($"motif recovery (IoU of the highest-weighted cluster with the planted motif): {recovery:F3}");
        return summary;
    }

    private static string Describe(SeedRun run, EvaluationMetric metric) =>
        $"seed {run.Seed}: test {MetricName(metric)} {run.Value:F4} after {run.Epochs} epochs (best {run.BestEpoch}), {run.SecondsPerEpoch:F2} s/epoch" +
        (run.MotifRecovery is double m ? $", motif recovery {m:F3}" : "") + (run.Resumed ? " (resumed)" : "");

    private static string MetricName(EvaluationMetric metric) => metric == EvaluationMetric.Accuracy ? "accuracy" : "MAE";

    public static string Headline(ExperimentSummary s) =>
        string.Create(CultureInfo.InvariantCulture, $"{s.Dataset} {s.Gnn} {s.Pool}: test {s.Metric} {s.Mean:F3} ({s.Std:F3}) over {s.Runs.Count} seed(s), {s.SecondsPerEpoch:F2} s/epoch");

    public static string ToJson(ExperimentSummary s) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["dataset"] = s.Dataset,
        ["gnn"] = s.Gnn,
        ["pool"] = s.Pool,
        ["metric"] = s.Metric,
        ["mean"] = s.Mean,
        ["std"] = s.Std,
        ["motif_recovery"] = s.MotifRecovery,
        ["seconds_per_epoch"] = s.SecondsPerEpoch,
        ["runs"] = s.Runs.Select(r => new Dictionary<string, object?>
        {
            ["seed"] = r.Seed, ["value"] = r.Value, ["epochs"] = r.Epochs, ["best_epoch"] = r.BestEpoch,
            ["seconds"] = r.Seconds, ["validation"] = r.ValidationValue, ["motif_recovery"] = r.MotifRecovery,
        }).ToList(),
    });
}
