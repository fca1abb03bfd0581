using System.CommandLine;
using System.Text.Json;
using TopoPool.Cli.Progress;
using TopoPool.Training.Experiments;

namespace TopoPool.Cli.Commands;

/// <summary>
/// <c>topopool benchmark</c>: datasets × GNNs × pools × seeds with the paper's protocol. Each finished run is a row of
/// <c>&lt;out&gt;/&lt;dataset&gt;_results.csv</c> as soon as it ends; a restarted benchmark skips rows already there;
/// <c>&lt;out&gt;/results.md</c> holds the Table 2 layout and seconds per epoch.
/// </summary>
public static class BenchmarkCommand
{
    public static Command Create()
    {
        var datasets = new Option<string>("--datasets") { Description = "comma-separated dataset names", DefaultValueFactory = _ => "MUTAG" };
        var dataDir = new Option<string?>("--data-dir") { Description = "folder holding the datasets, or a root with tu/ and tdc/ beneath it" };
        var gnns = new Option<string>("--gnns") { Description = "comma-separated: gcn, gat, sage", DefaultValueFactory = _ => "gcn" };
        var pools = new Option<string>("--pools") { Description = "comma-separated: none, topk, sag, diff, edge, asa, topo", DefaultValueFactory = _ => "none,topk,sag,diff,edge,asa,topo" };
        var seeds = new Option<string>("--seeds") { Description = "seeds: 1-10, 1,2,3 or 4", DefaultValueFactory = _ => "1-10" };
        var epochs = new Option<int?>("--epochs") { Description = "epoch cap (default: the dataset's protocol)" };
        var patience = new Option<int?>("--patience") { Description = "epochs without validation improvement before stopping" };
        var hidden = new Option<int>("--hidden") { Description = "hidden width", DefaultValueFactory = _ => 32 };
        var device = new Option<string>("--device") { Description = "cpu or cuda", DefaultValueFactory = _ => "cpu" };
        var output = new Option<string>("--out") { Description = "results folder", DefaultValueFactory = _ => "benchmark-results" };
        var threads = new Option<int>("--threads") { Description = "torch threads on the CPU (1 is fastest for molecule-sized graphs, and makes runs reproducible)", DefaultValueFactory = _ => 1 };
        var explain = new Option<bool>("--explain") { Description = "write each seed's test-set explanations (clusters per graph and a summary) next to its results" };
        var json = new Option<bool>("--json") { Description = "end with one JSON line holding every row" };
        var command = new Command("benchmark", "Run the paper's benchmark grid; resumable, one CSV row per finished run")
        {
            datasets, dataDir, gnns, pools, seeds, epochs, patience, hidden, device, output, threads, explain, json,
        };
        command.SetAction(result =>
        {
            TorchSharp.torch.set_num_threads(Math.Max(1, result.GetValue(threads)));
            var settings = new BenchmarkSettings(
                Split(result.GetValue(datasets)!),
                Split(result.GetValue(gnns)!).Select(ModelChoices.Gnn).ToList(),
                Split(result.GetValue(pools)!).Select(ModelChoices.Pool).ToList(),
                ModelChoices.Seeds(result.GetValue(seeds)!),
                result.GetValue(output)!,
                ModelChoices.Device(result.GetValue(device)!))
            {
                DataDirectory = result.GetValue(dataDir),
                Epochs = result.GetValue(epochs),
                Patience = result.GetValue(patience),
                Hidden = result.GetValue(hidden),
                Explain = result.GetValue(explain),
            };
            var progress = new TrainingProgress(Console.Out, TrainingProgress.IsTerminal);
            var rows = progress.Run(() => BenchmarkRunner.Run(settings, Console.Out.WriteLine, progress.Report));
            Console.Out.WriteLine(File.ReadAllText(Path.Combine(settings.OutputDirectory, "results.md")));
            if (result.GetValue(json)) Console.Out.WriteLine(JsonSerializer.Serialize(new { rows }));
            return 0;
        });
        return command;
    }

    private static List<string> Split(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
