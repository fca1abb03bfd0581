using TopoPool.Testing;
using Xunit;

namespace TopoPool.Cli.Tests.Commands;

/// <summary><c>train --out</c> never hands back a result of other data or settings, and names damaged files.</summary>
public class RunFolderCliTests
{
    private static readonly string Data = SharedFolder.Path("data");

    [Fact]
    public void An_edited_data_file_is_not_answered_with_the_old_run()
    {
        var work = Directory.CreateTempSubdirectory("topopool-edited-data").FullName;
        var mutag = Path.Combine(work, "data", "MUTAG");
        Directory.CreateDirectory(mutag);
        foreach (var file in Directory.GetFiles(Path.Combine(Data, "tu", "MUTAG"))) File.Copy(file, Path.Combine(mutag, Path.GetFileName(file)));
        var output = Path.Combine(work, "run");
        string[] train = ["train", "--dataset", "MUTAG", "--data-dir", Path.Combine(work, "data"), "--epochs", "2", "--out", output];
        Assert.Equal(0, CliProcess.Run(null, train).ExitCode);

        var labels = Path.Combine(mutag, "MUTAG_graph_labels.txt");
        var lines = File.ReadAllLines(labels);
        lines[^1] = lines[^1].Trim() == "1" ? "-1" : "1";
        File.WriteAllLines(labels, lines);
        var again = CliProcess.Run(null, train);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains($"{output}: holds runs made with another data", again.StandardError);
        Assert.Contains("set by the data files (--data-dir)", again.StandardError);
        Assert.DoesNotContain("test accuracy", again.StandardOutput);
    }

    [Fact]
    public void A_damaged_checkpoint_is_named_with_the_way_out()
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory("topopool-damaged-checkpoint").FullName, "run");
        Assert.Equal(0, CliProcess.Run(null, "train", "--epochs", "2", "--out", output).ExitCode);
        File.WriteAllText(Path.Combine(output, "seed2.checkpoint"), "not a checkpoint");
        var result = CliProcess.Run(null, "train", "--epochs", "2", "--seeds", "2", "--out", output);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: {Path.Combine(output, "seed2.checkpoint")}: damaged checkpoint (not a TopoPool checkpoint); delete it or use --fresh",
            result.StandardError.Trim().Split('\n')[^1]);

        var fresh = CliProcess.Run(null, "train", "--epochs", "2", "--seeds", "2", "--out", output, "--fresh");
        Assert.Equal(0, fresh.ExitCode);
    }

    [Fact]
    public void Damaged_weights_are_named_when_a_model_is_explained()
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory("topopool-damaged-weights").FullName, "run");
        Assert.Equal(0, CliProcess.Run(null, "train", "--dataset", "Caco2_Wang", "--data-dir", Data, "--epochs", "1", "--out", output).ExitCode);
        var weights = Path.Combine(output, "seed1.weights");
        var bytes = File.ReadAllBytes(weights);
        File.WriteAllBytes(weights, bytes[..(bytes.Length / 3)]);
        var result = CliProcess.Run(null, "explain", "--model", output, "--smiles", "CCO");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: {weights}: cannot be read as the weights of the model", result.StandardError.Trim());
    }
}
