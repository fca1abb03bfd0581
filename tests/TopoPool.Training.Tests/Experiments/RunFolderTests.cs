using TopoPool.Core.Pipelines;
using TopoPool.Testing;
using TopoPool.Training.Data;
using TopoPool.Training.Experiments;
using Xunit;
using static TorchSharp.torch;

namespace TopoPool.Training.Tests.Experiments;

/// <summary>A run folder is reused only for runs of the same settings and data, and says so; damaged files are named.</summary>
public class RunFolderTests
{
    private static readonly Lazy<BenchmarkDataset> Mutag = new(() => DatasetLocator.Load("MUTAG", SharedFolder.Path("data")));

    private static ExperimentSettings Settings(string output) =>
        new("MUTAG", ConvolutionKind.Gcn, PoolingKind.TopoPooling, CPU) { Seeds = [1], Epochs = 2, OutputDirectory = output };

    private static (ExperimentSummary Summary, List<string> Log) Run(ExperimentSettings settings, BenchmarkDataset? data = null)
    {
        var log = new List<string>();
        var summary = ExperimentRunner.Run(data ?? Mutag.Value, settings, log: log.Add);
        return (summary, log);
    }

    [Fact]
    public void A_finished_seed_of_the_same_settings_is_reused_and_the_reuse_is_said()
    {
        var output = Directory.CreateTempSubdirectory("topopool-reuse").FullName;
        var first = Run(Settings(output)).Summary.Runs.Single();
        var (again, log) = Run(Settings(output));
        var reused = again.Runs.Single();
        Assert.True(reused.Reused);
        Assert.Equal(first.Value, reused.Value);
        Assert.Equal(first.Epochs, reused.Epochs);
        Assert.Contains($"seed 1: finished earlier, reused from {Path.Combine(output, "seed1.result.json")}", log);
    }

    [Theory]
    [InlineData("epochs", "--epochs 2; this run has --epochs 3")]
    [InlineData("gnn", "--gnn gcn; this run has --gnn gat")]
    [InlineData("patience", "--patience 300; this run has --patience 7")]
    [InlineData("lr", "--lr 0.001; this run has --lr 0.01")]
    [InlineData("shuffle", "--shuffle-each-epoch false; this run has --shuffle-each-epoch true")]
    [InlineData("model", "--model paper; this run has --model pooled-readout")]
    public void A_folder_of_other_settings_is_refused_naming_the_first_setting_that_differs(string change, string expected)
    {
        var output = Directory.CreateTempSubdirectory("topopool-other-settings").FullName;
        Run(Settings(output));
        var changed = change switch
        {
            "epochs" => Settings(output) with { Epochs = 3 },
            "gnn" => Settings(output) with { Gnn = ConvolutionKind.Gat },
            "patience" => Settings(output) with { Patience = 7 },
            "lr" => Settings(output) with { LearningRate = 0.01 },
            "shuffle" => Settings(output) with { ShuffleEachEpoch = true },
            _ => Settings(output) with { Model = ModelPresets.PooledReadout },
        };
        var error = Assert.Throws<RunFolderException>(() => Run(changed));
        Assert.StartsWith($"{output}: holds runs made with {expected}", error.Message);
        Assert.Contains("--fresh", error.Message);

        var (fresh, _) = Run(changed with { Fresh = true });
        Assert.False(fresh.Runs.Single().Reused);
    }

    [Fact]
    public void A_folder_trained_on_other_data_is_refused()
    {
        var output = Directory.CreateTempSubdirectory("topopool-other-data").FullName;
        using var folder = new TemporaryFolder();
        var copy = folder.CopyFolder(SharedFolder.Path("data", "tu", "MUTAG"), "MUTAG");
        var labels = Path.Combine(copy, "MUTAG_graph_labels.txt");
        var original = DatasetLocator.Load("MUTAG", folder.Path);
        Run(Settings(output), original);

        var lines = File.ReadAllLines(labels);
        lines[0] = lines[0].Trim() == "1" ? "-1" : "1";
        File.WriteAllLines(labels, lines);
        var edited = DatasetLocator.Load("MUTAG", folder.Path);
        var error = Assert.Throws<RunFolderException>(() => Run(Settings(output), edited));
        Assert.Contains("holds runs made with another data", error.Message);
    }

    [Fact]
    public void A_damaged_result_file_is_named_with_the_way_out()
    {
        var output = Directory.CreateTempSubdirectory("topopool-damaged-result").FullName;
        Run(Settings(output));
        var result = Path.Combine(output, "seed1.result.json");
        File.WriteAllText(result, File.ReadAllText(result)[..40]);
        var error = Assert.Throws<RunFolderException>(() => Run(Settings(output)));
        Assert.StartsWith($"{result}: damaged", error.Message);
        Assert.EndsWith("delete it or use --fresh", error.Message);
        Assert.False(Run(Settings(output) with { Fresh = true }).Summary.Runs.Single().Reused);
    }

    [Fact]
    public void Seed_files_without_a_record_of_their_settings_are_not_reused()
    {
        var output = Directory.CreateTempSubdirectory("topopool-no-record").FullName;
        Run(Settings(output));
        File.Delete(Path.Combine(output, RunFolder.RecordFile));
        var error = Assert.Throws<RunFolderException>(() => Run(Settings(output)));
        Assert.Contains("holds seed files but no run.json", error.Message);
    }

    [Fact]
    public void An_output_path_that_is_a_file_is_refused()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("topopool-out-file").FullName, "taken");
        File.WriteAllText(file, "x");
        var error = Assert.Throws<RunFolderException>(() => Run(Settings(file)));
        Assert.Equal($"{file}: is a file, not a folder; give --out a folder", error.Message);
    }

    [Fact]
    public void The_settings_key_changes_with_every_setting_and_only_with_them()
    {
        var data = Mutag.Value;
        var baseline = Settings("unused").Resolve(data, "n");
        Assert.Equal(baseline.Key, Settings("elsewhere").Resolve(data, "n").Key);
        var variants = new[]
        {
            Settings("x") with { Epochs = 5 }, Settings("x") with { Patience = 9 }, Settings("x") with { BatchSize = 7 },
            Settings("x") with { LearningRate = 0.5 }, Settings("x") with { Hidden = 16 }, Settings("x") with { Gnn = ConvolutionKind.Sage },
            Settings("x") with { Pool = PoolingKind.Global }, Settings("x") with { SplitRounding = SplitRounding.TenthRoundedDown },
            Settings("x") with { ShuffleEachEpoch = true }, Settings("x") with { Threads = 2 }, Settings("x") with { Model = ModelPresets.PooledReadout },
        };
        var keys = variants.Select(v => v.Resolve(data, "n").Key).Append(baseline.Key).Append(Settings("x").Resolve(data, "other numerics").Key).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }
}
