using TopoPool.Testing;

namespace TopoPool.Cli.Tests.Deploy;

/// <summary>
/// What the deploy/ scripts need, in a scratch folder: a model trained for one epoch on the first 60 Caco-2 molecules of
/// ../shared/data, a molecule file of 70 others with an unreadable SMILES among them, a <c>topopool</c> command on a
/// PATH of its own (as a cluster node has it), and the unsharded prediction they must reproduce.
/// </summary>
public sealed class ShardedPrediction : IDisposable
{
    /// <summary>Small blocks, so that three shards each get several.</summary>
    public const int BatchSize = 8;

    public ShardedPrediction()
    {
        Folder = Directory.CreateTempSubdirectory("topopool-deploy").FullName;
        var caco2 = File.ReadLines(SharedFolder.Path("data/tdc/caco2_wang.csv")).ToList();
        var table = Path.Combine(Folder, "train.csv");
        File.WriteAllLines(table, caco2.Take(61));
        var molecules = caco2.Skip(100).Take(70).ToList();
        molecules.Insert(30, "broken,C1CC(,-5");
        Input = Path.Combine(Folder, "molecules.csv");
        File.WriteAllLines(Input, [caco2[0], .. molecules]);
        Records = molecules.Count;

        Model = Path.Combine(Folder, "model");
        var train = CliProcess.Run(null, "train", "--data", table, "--targets", "Y", "--epochs", "1", "--out", Model);
        if (train.ExitCode != 0) throw new InvalidOperationException($"training the model failed ({train.ExitCode}): {train.StandardError}");

        SearchPath = TopopoolOnPath.In(Folder);

        Unsharded = Path.Combine(Folder, "unsharded.csv");
        var whole = CliProcess.Run(null, "predict", "--model", Model, "--input", Input, "--batch-size", $"{BatchSize}", "--threads", "1", "--out", Unsharded);
        if (whole.ExitCode != 3) throw new InvalidOperationException($"the unsharded prediction should report the broken record (exit 3), got {whole.ExitCode}: {whole.StandardError}");
    }

    public string Folder { get; }
    public string Model { get; }
    public string Input { get; }
    public int Records { get; }

    /// <summary>The unsharded <c>topopool predict --batch-size 8 --threads 1 --out</c> table.</summary>
    public string Unsharded { get; }

    /// <summary>A PATH whose first folder holds a <c>topopool</c> command running the built CLI.</summary>
    public string SearchPath { get; }

    /// <summary>The repository's deploy/ folder.</summary>
    public static string DeployFolder => Path.Combine(SharedFolder.RepositoryRoot, "deploy");

    public string NewFolder(string name) => Directory.CreateDirectory(Path.Combine(Folder, name)).FullName;

    /// <summary>Runs deploy/merge-shards.sh with <paramref name="args"/>, its standard output into <paramref name="merged"/>.</summary>
    public CliProcess.Result Merge(string merged, params string[] args) =>
        ShellScript.Run("bash", ["-c", "\"$0\" \"$@\" > \"$MERGED\"", Path.Combine(DeployFolder, "merge-shards.sh"), .. args],
                        new Dictionary<string, string> { ["MERGED"] = merged });

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
