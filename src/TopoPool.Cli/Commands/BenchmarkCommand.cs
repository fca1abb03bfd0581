using System.CommandLine;
using System.Text.Json;
using TopoPool.Cli.Arguments;
using TopoPool.Cli.Output;
using TopoPool.Cli.Progress;
using TopoPool.Training.Data;
using TopoPool.Training.Experiments;

namespace TopoPool.Cli.Commands;

/// <summary>
/// <c>topopool benchmark</c>: datasets × models × GNNs × pools × seeds with the paper's protocol. Each finished run is a
/// row of <c>&lt;out&gt;/&lt;dataset&gt;_results.csv</c> as soon as it ends; a restarted benchmark skips runs that have a row
/// of the same settings; <c>--jobs N</c> runs N at once; <c>--shard K/N</c> makes task K's part of the grid;
/// <c>--summary</c> runs nothing and rewrites the tables from the rows. <c>&lt;out&gt;/results.md</c> holds the Table 2
/// layout and seconds per epoch.
/// </summary>
public static class BenchmarkCommand
{
    public static Command Create()
    {
        var datasets = new Option<string>("--datasets") { Description = "comma-separated dataset names", DefaultValueFactory = _ => "MUTAG" };
        var models = CommandOptions.Choices("--models", "model presets", ModelPresets.Names, ModelPresets.Paper);
        var gnns = CommandOptions.Choices("--gnns", "graph convolutions", ComponentNames.Gnns, "gcn");
        var pools = CommandOptions.Choices("--pools", "pooling layers", ComponentNames.Pools, string.Join(',', ComponentNames.Pools), ModelChoices.PoolAliases);
        var seeds = CommandOptions.Seeds("--seeds", "1-10");
        var output = new Option<string>("--out") { Description = "results folder", DefaultValueFactory = _ => "benchmark-results" };
        var jobs = CommandOptions.WholeNumber("--jobs", "runs at once, each in its own process (results do not depend on it)", 1, 256, 1);
        var shard = new Option<string?>("--shard") { Description = "K/N: make only task K's part of the grid (0 <= K < N), for job arrays writing into one folder" };
        var preset = CommandOptions.Choice("--preset", "a named grid: table2 (the paper's 9 rows x 5 datasets), ablation (pooled-readout, GCN x every pool), variants (GCN + TopoPooling changed one way at a time, beside GCN + TopoPooling and GCN + Global); overrides --models/--gnns/--pools and, unless given, --datasets", ["none", .. BenchmarkPresets.Names], "none");
        var reuseFrom = new Option<string[]>("--reuse-from")
        {
            Description = "another grid's results folder (repeatable): its rows with exactly a run's settings and seed are copied, with the commit they name, instead of training that run again",
            DefaultValueFactory = _ => [],
        };
        var summary = new Option<bool>("--summary") { Description = "run nothing: rewrite the tables from the rows in --out" };
        var json = new Option<bool>("--json") { Description = "end with one JSON line holding every row" };
        var protocol = new ProtocolArguments();
        var command = new Command("benchmark", "Run the paper's benchmark grid; resumable, one CSV row per finished run")
        {
            datasets, models, gnns, pools, preset, seeds, output, jobs, shard, reuseFrom, summary, json,
        };
        foreach (var option in protocol.All) command.Options.Add(option);
        command.SetAction(result =>
        {
            Shard? part = null;
            if (result.GetValue(shard) is { } text)
                part = Shard.TryParse(text, out var parsed, out var problem) ? parsed : throw new InputException($"--shard {problem}");
            var grid = result.GetValue(preset)!;
            var names = result.GetValue(datasets)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            if (grid != "none" && result.GetResult(datasets) is not { Implicit: false }) names = [.. PaperTable2.Datasets];
            if (names.Count == 0) throw new InputException("--datasets needs at least one dataset");
            var settings = new BenchmarkSettings(
                names,
                result.GetValue(gnns)!.Select(ModelChoices.Gnn).ToList(),
                result.GetValue(pools)!.Select(ModelChoices.Pool).ToList(),
                result.GetValue(seeds)!,
                result.GetValue(output)!,
                ModelChoices.Device(result.GetValue(protocol.Device)!))
            {
                Models = result.GetValue(models)!,
                Cells = grid == "none" ? null : BenchmarkPresets.Cells(grid),
                DataDirectory = protocol.DataDirectoryOf(result),
                Epochs = result.GetValue(protocol.Epochs),
                Patience = result.GetValue(protocol.Patience),
                Hidden = result.GetValue(protocol.Hidden),
                SplitRounding = protocol.RoundingOf(result),
                ShuffleEachEpoch = result.GetValue(protocol.ShuffleEachEpoch),
                Duplicates = protocol.DuplicatesOf(result),
                Threads = result.GetValue(protocol.Threads),
                Jobs = result.GetValue(jobs),
                Shard = part,
                Explain = result.GetValue(protocol.Explain),
                ReuseFrom = result.GetValue(reuseFrom)!,
            };
            if (File.Exists(settings.OutputDirectory)) throw new InputException($"{settings.OutputDirectory}: is a file, not a folder; give --out a folder");
            // A mistyped --out would otherwise get a page saying that no run has a row.
            if (result.GetValue(summary) && !Directory.Exists(settings.OutputDirectory))
                throw new InputException($"--out {settings.OutputDirectory}: no such folder; --summary reads the rows a grid wrote there");
            foreach (var source in settings.ReuseFrom)
            {
                if (!Directory.Exists(source)) throw new InputException($"--reuse-from {source}: no such folder; give the results folder of another grid");
                if (Path.GetFullPath(source).TrimEnd(Path.DirectorySeparatorChar) == Path.GetFullPath(settings.OutputDirectory).TrimEnd(Path.DirectorySeparatorChar))
                    throw new InputException($"--reuse-from {source}: is --out itself; its rows count already");
            }
            if (result.GetValue(summary) && settings.ReuseFrom.Count > 0)
                throw new InputException("--reuse-from copies rows before a grid runs; --summary runs nothing, so give one or the other");
            TorchSharp.torch.set_num_threads(settings.Threads);
            var plan = BenchmarkPlan.For(settings);
            foreach (var warning in plan.Datasets.Values.SelectMany(d => d.Warnings).Take(20)) Console.Error.WriteLine($"warning: {warning}");

            BenchmarkOutcome outcome;
            if (result.GetValue(summary))
            {
                outcome = BenchmarkRunner.Read(settings, plan);
                foreach (var warning in outcome.Warnings) Console.Error.WriteLine($"warning: {warning}");
            }
            else
            {
                IRunExecutor executor;
                TrainingProgress? progress = null;
                if (settings.Jobs > 1) executor = new ChildProcessRunExecutor(Console.Error.WriteLine);
                else
                {
                    progress = new TrainingProgress(Console.Out, TrainingProgress.IsTerminal);
                    executor = new InProcessRunExecutor(name => plan.Datasets[name], progress.Report, Console.Error.WriteLine);
                }
                outcome = progress is null
                    ? BenchmarkRunner.Run(settings, plan, executor, Console.Error.WriteLine)
                    : progress.Run(() => BenchmarkRunner.Run(settings, plan, executor, Console.Error.WriteLine));
            }
            string title = grid switch
            {
                "table2" => "The paper's Table 2, run with the authors' protocol",
                "ablation" => "Ablation: the head reads only the pooled nodes (model pooled-readout)",
                "variants" => "TopoPooling changed one way at a time, beside the paper's GCN + TopoPooling and GCN + Global",
                _ => "Benchmark results",
            };
            if (settings.Shard is null || result.GetValue(summary)) BenchmarkSummary.Write(settings.OutputDirectory, outcome, title);
            Console.Out.WriteLine(BenchmarkTable.Render(outcome.Rows));
            if (outcome.Missing > 0) Console.Error.WriteLine($"{outcome.Missing} of {outcome.Plan.Runs.Count} runs of the grid have no row yet");
            if (result.GetValue(json))
                Console.Out.WriteLine(JsonSerializer.Serialize(new BenchmarkJson(outcome.Plan.Runs.Count, outcome.Missing,
                    outcome.Rows.Select(r => (IReadOnlyDictionary<string, string>)BenchmarkRow.Columns.ToDictionary(c => c, r.Field)).ToList()), CliJson.Readable.BenchmarkJson));
            return ExitCodes.Success;
        });
        return command;
    }
}
