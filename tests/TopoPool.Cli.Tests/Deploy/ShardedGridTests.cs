using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using TopoPool.Testing;
using Xunit;

namespace TopoPool.Cli.Tests.Deploy;

/// <summary>
/// deploy/'s grid files: the Slurm array task and the Kubernetes Indexed Job's pod script, run as their schedulers
/// would (task or index variables set, <c>topopool</c> on PATH), each task writing its shard's rows into one shared
/// folder; the summary then reads every shard's rows and they are the rows of one unsharded grid. A small grid:
/// Table 2's nine cells on MUTAG, seed 1, two epochs.
/// </summary>
public sealed class ShardedGridTests : IClassFixture<ShardedGridTests.UnshardedGrid>
{
    private const int Shards = 2;
    private static readonly string Data = SharedFolder.Path("data");
    private static string Sbatch => Path.Combine(ShardedPrediction.DeployFolder, "slurm", "benchmark-array.sbatch");
    private static string JobYaml => Path.Combine(ShardedPrediction.DeployFolder, "kubernetes", "benchmark-indexed-job.yaml");

    private readonly UnshardedGrid grid;

    public ShardedGridTests(UnshardedGrid grid) => this.grid = grid;

    /// <summary>The reference: the same grid in one process, its rows as <c>benchmark --json</c> prints them.</summary>
    public sealed class UnshardedGrid : IDisposable
    {
        public UnshardedGrid()
        {
            Folder = Directory.CreateTempSubdirectory("topopool-grid-deploy").FullName;
            SearchPath = TopopoolOnPath.In(Folder);
            Rows = Numbers(RowsOf(Path.Combine(Folder, "unsharded"), []));
        }

        public string Folder { get; }
        public string SearchPath { get; }
        public IReadOnlyList<string> Rows { get; }

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }

    private static string[] GridOptions(string output) =>
        ["benchmark", "--preset", "table2", "--datasets", "MUTAG", "--seeds", "1", "--epochs", "2", "--data-dir", Data, "--out", output, "--json"];

    private static List<Dictionary<string, string>> RowsOf(string output, string[] extra)
    {
        var result = CliProcess.Run(null, [.. GridOptions(output), .. extra]);
        Assert.True(result.ExitCode == 0, result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
        return json.RootElement.GetProperty("rows").EnumerateArray()
            .Select(r => r.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!)).ToList();
    }

    private static IReadOnlyList<string> Numbers(List<Dictionary<string, string>> rows) =>
        rows.Select(r => string.Join(",", r["gnn"], r["pool"], r["seed"], r["value"], r["validation"], r["epochs_run"], r["best_epoch"], r["key"]))
            .Order(StringComparer.Ordinal).ToList();

    private Dictionary<string, string> Environment(string output, Dictionary<string, string> task) => new(task)
    {
        ["OUT"] = output, ["PRESET"] = "table2", ["DATASETS"] = "MUTAG", ["SEEDS"] = "1", ["EPOCHS"] = "2", ["DATA_DIR"] = Data,
        ["PATH"] = grid.SearchPath,
    };

    [Fact]
    public void The_slurm_array_tasks_write_one_folder_and_the_summary_task_reads_every_shard()
    {
        var output = Path.Combine(grid.Folder, "slurm");
        for (int k = 0; k < Shards; k++)
        {
            var task = ShellScript.Run("bash", [Sbatch], Environment(output, new()
            {
                ["SLURM_ARRAY_TASK_ID"] = $"{k}", ["SLURM_ARRAY_TASK_COUNT"] = $"{Shards}", ["SLURM_ARRAY_TASK_MIN"] = "0", ["SLURM_ARRAY_TASK_STEP"] = "1",
                ["SLURM_CPUS_PER_TASK"] = "2",
            }));
            Assert.True(task.ExitCode == 0, $"task {k} exited {task.ExitCode}: {task.StandardError}");
        }
        AssertTheShardsMakeTheWholeGrid(output);

        var summary = ShellScript.Run("bash", [Sbatch], Environment(output, new() { ["SUMMARY"] = "1" }));
        Assert.True(summary.ExitCode == 0, summary.StandardError);
        Assert.Contains("9 of 9 planned runs have a row", File.ReadAllText(Path.Combine(output, "README.md")));

        var shifted = ShellScript.Run("bash", [Sbatch], Environment(Path.Combine(grid.Folder, "slurm-shifted"), new()
        {
            ["SLURM_ARRAY_TASK_ID"] = "1", ["SLURM_ARRAY_TASK_COUNT"] = $"{Shards}", ["SLURM_ARRAY_TASK_MIN"] = "1", ["SLURM_ARRAY_TASK_STEP"] = "1",
        }));
        Assert.Equal(2, shifted.ExitCode);
        Assert.Contains("--array must be 0-(N-1)", shifted.StandardError);
        Assert.False(Directory.Exists(Path.Combine(grid.Folder, "slurm-shifted")));
    }

    [Fact]
    public void A_slurm_variants_grid_reuses_the_table2_rows_it_is_given()
    {
        var output = Path.Combine(grid.Folder, "slurm-variants");
        var environment = Environment(output, new()
        {
            ["SLURM_ARRAY_TASK_ID"] = "0", ["SLURM_ARRAY_TASK_COUNT"] = "1", ["SLURM_ARRAY_TASK_MIN"] = "0", ["SLURM_ARRAY_TASK_STEP"] = "1",
            ["REUSE_FROM"] = Path.Combine(grid.Folder, "unsharded"),
        });
        environment["PRESET"] = "variants";
        var task = ShellScript.Run("bash", [Sbatch], environment);
        Assert.True(task.ExitCode == 0, task.StandardError);
        Assert.Contains("2 run(s) reused from", task.StandardError);
        var rows = File.ReadAllLines(Path.Combine(output, "mutag_results.shard-0-of-1.csv")).Skip(1).ToList();
        var table2 = File.ReadAllLines(Path.Combine(grid.Folder, "unsharded", "mutag_results.csv")).ToHashSet();
        Assert.Equal(5, rows.Count);
        Assert.Equal(2, rows.Count(table2.Contains));
    }

    [Fact]
    public void The_indexed_job_pods_write_one_folder_whose_rows_are_the_whole_grid()
    {
        var script = DeployScriptTests.PodScript(File.ReadAllLines(JobYaml));
        var output = Path.Combine(grid.Folder, "job");
        for (int k = 0; k < Shards; k++)
        {
            var pod = ShellScript.Run("sh", ["-c", script], Environment(output, new() { ["JOB_COMPLETION_INDEX"] = $"{k}", ["SHARDS"] = $"{Shards}", ["JOBS"] = "1" }));
            Assert.True(pod.ExitCode == 0, $"pod {k} exited {pod.ExitCode}: {pod.StandardError}");
        }
        AssertTheShardsMakeTheWholeGrid(output);
    }

    [Fact]
    public void The_files_agree_on_the_shard_count_and_run_the_benchmark_sharded()
    {
        var yaml = File.ReadAllText(JobYaml);
        int completions = int.Parse(Number(yaml, @"(?m)^\s+completions:\s*(\d+)"), CultureInfo.InvariantCulture);
        Assert.Equal(completions, int.Parse(Number(yaml, @"- name: SHARDS\s+value: ""(\d+)"""), CultureInfo.InvariantCulture));
        Assert.InRange(int.Parse(Number(yaml, @"(?m)^\s+parallelism:\s*(\d+)"), CultureInfo.InvariantCulture), 1, completions);
        Assert.Matches(@"(?m)^\s+restartPolicy: Never\b", yaml);
        Assert.Matches(@"topopool benchmark --preset table2 --summary --out /data/results", yaml);
        var sbatch = File.ReadAllText(Sbatch);
        Assert.Equal("0", Number(sbatch, @"(?m)^#SBATCH --array=(\d+)-\d+"));
        // The runs at once in a task follow the CPUs it asks for, and the pod's JOBS its cpu request.
        Assert.Contains("${JOBS:-${SLURM_CPUS_PER_TASK:-1}}", sbatch);
        Assert.Equal(Number(yaml, @"(?m)^\s+cpu: ""(\d+)"""), Number(yaml, @"- name: JOBS\s+value: ""(\d+)"""));
    }

    private void AssertTheShardsMakeTheWholeGrid(string output)
    {
        var files = Directory.GetFiles(output, "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Enumerable.Range(0, Shards).Select(k => $"mutag_results.shard-{k}-of-{Shards}.csv"), files);
        foreach (var file in files)
            Assert.InRange(File.ReadAllLines(Path.Combine(output, file!)).Length - 1, 1, 8);
        Assert.Equal(grid.Rows, Numbers(RowsOf(output, ["--summary"])));
    }

    private static string Number(string text, string pattern)
    {
        var match = Regex.Match(text, pattern);
        Assert.True(match.Success, $"no match for {pattern}");
        return match.Groups[1].Value;
    }
}
