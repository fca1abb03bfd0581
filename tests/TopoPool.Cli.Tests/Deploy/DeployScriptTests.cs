using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;

namespace TopoPool.Cli.Tests.Deploy;

/// <summary>
/// deploy/: merge-shards.sh on the parts of real <c>topopool predict --shard</c> processes, the Slurm array task and the
/// Kubernetes Indexed Job's pod script run as their schedulers would run them (task and index variables set, the
/// command on PATH), each compared byte for byte with one unsharded run; and every <c>topopool</c> option the files
/// use is one the command accepts.
/// </summary>
public sealed partial class DeployScriptTests(ShardedPrediction prediction) : IClassFixture<ShardedPrediction>
{
    private const int Shards = 3;

    private static string Sbatch => Path.Combine(ShardedPrediction.DeployFolder, "slurm", "predict-array.sbatch");
    private static string JobYaml => Path.Combine(ShardedPrediction.DeployFolder, "kubernetes", "predict-indexed-job.yaml");

    [Fact]
    public void Merging_three_real_shards_gives_the_unsharded_table_byte_for_byte()
    {
        var folder = prediction.NewFolder("direct");
        var parts = Enumerable.Range(0, Shards).Select(k => Path.Combine(folder, $"part-{k}.csv")).ToList();
        for (int k = 0; k < Shards; k++)
        {
            var shard = CliProcess.Run(null, "predict", "--model", prediction.Model, "--input", prediction.Input, "--batch-size", $"{ShardedPrediction.BatchSize}",
                                       "--shard", $"{k}/{Shards}", "--out", parts[k]);
            Assert.True(shard.ExitCode is 0 or 3, shard.StandardError);
        }
        AssertEachPartHoldsSomeRows(parts);

        var merged = Path.Combine(folder, "merged.csv");
        var merge = prediction.Merge(merged, ["-n", $"{Shards}", .. parts.AsEnumerable().Reverse()]);
        Assert.True(merge.ExitCode == 0, merge.StandardError);
        Assert.Equal(File.ReadAllBytes(prediction.Unsharded), File.ReadAllBytes(merged));
    }

    [Fact]
    public void The_merge_refuses_a_missing_part_a_repeated_part_and_parts_of_other_tables()
    {
        var folder = prediction.NewFolder("refused");
        var parts = Enumerable.Range(0, Shards).Select(k => Path.Combine(folder, $"part-{k}.csv")).ToList();
        for (int k = 0; k < Shards; k++)
            CliProcess.Run(null, "predict", "--model", prediction.Model, "--input", prediction.Input, "--batch-size", $"{ShardedPrediction.BatchSize}", "--shard", $"{k}/{Shards}", "--out", parts[k]);
        var merged = Path.Combine(folder, "merged.csv");

        var missing = prediction.Merge(merged, "-n", $"{Shards}", parts[0], parts[2]);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains($"2 part(s) given, but -n says {Shards}", missing.StandardError);

        var repeated = prediction.Merge(merged, parts[0], parts[1], parts[1]);
        Assert.Equal(2, repeated.ExitCode);
        Assert.Contains("is in more than one part", repeated.StandardError);

        var embedded = Path.Combine(folder, "embedded.csv");
        CliProcess.Run(null, "embed", "--model", prediction.Model, "--input", prediction.Input, "--batch-size", $"{ShardedPrediction.BatchSize}", "--shard", $"1/{Shards}", "--out", embedded);
        var mixed = prediction.Merge(merged, parts[0], embedded);
        Assert.Equal(2, mixed.ExitCode);
        Assert.Contains($"{embedded}: its header differs from {parts[0]}'s", mixed.StandardError);

        var cut = Path.Combine(folder, "cut.csv");
        var whole = File.ReadAllBytes(parts[1]);
        File.WriteAllBytes(cut, whole[..(whole.Length - 5)]);
        var truncated = prediction.Merge(merged, parts[0], cut, parts[2]);
        Assert.Equal(2, truncated.ExitCode);
        Assert.Contains($"{cut}: the last line has no line end", truncated.StandardError);
    }

    [Fact]
    public void The_slurm_array_tasks_write_parts_that_merge_to_the_unsharded_table()
    {
        var output = Path.Combine(prediction.Folder, "slurm-out");
        for (int k = 0; k < Shards; k++)
        {
            var task = ShellScript.Run("bash", [Sbatch], Environment(output, new()
            {
                ["SLURM_ARRAY_TASK_ID"] = $"{k}", ["SLURM_ARRAY_TASK_COUNT"] = $"{Shards}", ["SLURM_ARRAY_TASK_MIN"] = "0", ["SLURM_ARRAY_TASK_STEP"] = "1",
            }));
            // The broken record is in one task's blocks: that task's predict exits 3, and the task still succeeds.
            Assert.True(task.ExitCode == 0, $"task {k} exited {task.ExitCode}: {task.StandardError}");
        }
        AssertMergesToTheUnshardedTable(output);

        var shifted = ShellScript.Run("bash", [Sbatch], Environment(Path.Combine(prediction.Folder, "slurm-shifted"), new()
        {
            ["SLURM_ARRAY_TASK_ID"] = "1", ["SLURM_ARRAY_TASK_COUNT"] = $"{Shards}", ["SLURM_ARRAY_TASK_MIN"] = "1", ["SLURM_ARRAY_TASK_STEP"] = "1",
        }));
        Assert.Equal(2, shifted.ExitCode);
        Assert.Contains("--array must be 0-(N-1)", shifted.StandardError);
    }

    [Fact]
    public void The_indexed_job_pods_write_parts_that_merge_to_the_unsharded_table()
    {
        var script = PodScript(File.ReadAllLines(JobYaml));
        var output = Path.Combine(prediction.Folder, "job-out");
        for (int k = 0; k < Shards; k++)
        {
            var pod = ShellScript.Run("sh", ["-c", script], Environment(output, new() { ["JOB_COMPLETION_INDEX"] = $"{k}", ["SHARDS"] = $"{Shards}" }));
            Assert.True(pod.ExitCode == 0, $"pod {k} exited {pod.ExitCode}: {pod.StandardError}");
        }
        AssertMergesToTheUnshardedTable(output);
    }

    [Fact]
    public void The_indexed_job_has_as_many_shards_as_completions()
    {
        var yaml = File.ReadAllText(JobYaml);
        Assert.Matches(@"(?m)^\s+completionMode: Indexed\b", yaml);
        int completions = int.Parse(CompletionsLine().Match(yaml).Groups[1].Value, CultureInfo.InvariantCulture);
        int parallelism = int.Parse(ParallelismLine().Match(yaml).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal(completions, int.Parse(ShardsValue().Match(yaml).Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.InRange(parallelism, 1, completions);
        Assert.Matches(@"(?m)^\s+restartPolicy: Never\b", yaml);   // backoffLimitPerIndex needs it
        Assert.Contains($"merge-shards.sh -n {completions} ", yaml);
        var sbatch = File.ReadAllText(Sbatch);
        var array = ArrayLine().Match(sbatch);
        Assert.Equal("0", array.Groups[1].Value);
        Assert.Contains($"merge-shards.sh -n {int.Parse(array.Groups[2].Value, CultureInfo.InvariantCulture) + 1} ", sbatch);
    }

    [Theory]
    [InlineData("slurm/predict-array.sbatch", true)]
    [InlineData("kubernetes/predict-indexed-job.yaml", true)]
    [InlineData("slurm/benchmark-array.sbatch", false)]
    [InlineData("kubernetes/benchmark-indexed-job.yaml", false)]
    [InlineData("README.md", false)]
    public void Every_topopool_option_in_the_file_is_one_the_command_accepts(string file, bool runsPredict)
    {
        var text = ContinuationLine().Replace(File.ReadAllText(Path.Combine(ShardedPrediction.DeployFolder, file)), " ");
        var uses = TopopoolCommand().Matches(text).Select(m => (Verb: m.Groups[1].Value, Options: OptionName().Matches(m.Groups[2].Value).Select(o => o.Value).ToList())).ToList();
        Assert.NotEmpty(uses);
        if (runsPredict) Assert.Contains(uses, u => u.Verb == "predict" && new[] { "--model", "--input", "--batch-size", "--shard", "--out" }.All(u.Options.Contains));
        foreach (var verb in uses.Select(u => u.Verb).Distinct())
        {
            var help = CliProcess.Run(null, verb, "--help");
            Assert.True(help.ExitCode == 0, $"topopool {verb} --help: {help.StandardError}");
            var accepted = HelpOption().Matches(help.StandardOutput).Select(m => m.Groups[1].Value).ToHashSet();
            foreach (var option in uses.Where(u => u.Verb == verb).SelectMany(u => u.Options))
                Assert.True(accepted.Contains(option), $"{file}: `topopool {verb}` has no option {option} (it has {string.Join(" ", accepted)})");
        }
    }

    /// <summary>The shell script of the pod: the block scalar (<c>- |</c>) under the container's <c>args:</c>.</summary>
    internal static string PodScript(string[] lines)
    {
        int args = Array.FindIndex(lines, l => l.Trim() == "args:");
        Assert.True(args >= 0 && lines[args + 1].Trim() == "- |", "the container's args should be one block scalar (- |)");
        int indent = lines[args + 1].Length - lines[args + 1].TrimStart().Length;
        var body = lines.Skip(args + 2).TakeWhile(l => l.Trim().Length == 0 || l.Length - l.TrimStart().Length > indent).ToList();
        int bodyIndent = body.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join("\n", body.Select(l => l.Length >= bodyIndent ? l[bodyIndent..] : "")) + "\n";
    }

    private Dictionary<string, string> Environment(string output, Dictionary<string, string> task)
    {
        var environment = new Dictionary<string, string>(task)
        {
            ["MODEL"] = prediction.Model, ["INPUT"] = prediction.Input, ["OUT"] = output,
            ["BATCH_SIZE"] = $"{ShardedPrediction.BatchSize}", ["PATH"] = prediction.SearchPath,
        };
        return environment;
    }

    private void AssertMergesToTheUnshardedTable(string output)
    {
        Assert.Empty(Directory.GetFiles(output, "*.partial"));
        var parts = Enumerable.Range(0, Shards).Select(k => Path.Combine(output, $"part-{k}.csv")).ToList();
        Assert.Equal(parts.Order(StringComparer.Ordinal), Directory.GetFiles(output).Order(StringComparer.Ordinal));
        AssertEachPartHoldsSomeRows(parts);
        var merged = Path.Combine(prediction.Folder, Path.GetFileName(output) + "-merged.csv");
        var merge = prediction.Merge(merged, ["-n", $"{Shards}", .. parts]);
        Assert.True(merge.ExitCode == 0, merge.StandardError);
        Assert.Equal(File.ReadAllBytes(prediction.Unsharded), File.ReadAllBytes(merged));
    }

    private void AssertEachPartHoldsSomeRows(IReadOnlyList<string> parts)
    {
        var counts = parts.Select(p => File.ReadAllLines(p).Length - 1).ToList();
        Assert.All(counts, c => Assert.InRange(c, 1, prediction.Records - 1));
        Assert.Equal(prediction.Records, counts.Sum());
    }

    [GeneratedRegex(@"\\\r?\n")]
    private static partial Regex ContinuationLine();

    /// <summary><c>topopool VERB ...</c> up to the end of the command: a line end, a backtick, a pipe, a semicolon, a
    /// redirection or a closing parenthesis.</summary>
    [GeneratedRegex(@"\btopopool (train|predict|embed|explain|featurize|cluster|bench|benchmark)\b([^\n`|;>)]*)")]
    private static partial Regex TopopoolCommand();

    [GeneratedRegex(@"(?<![\w-])--[a-z][a-z-]*")]
    private static partial Regex OptionName();

    [GeneratedRegex(@"(?m)^\s+(?:-\S+, )*(--[a-z][a-z-]*)")]
    private static partial Regex HelpOption();

    [GeneratedRegex(@"(?m)^\s+completions:\s*(\d+)")]
    private static partial Regex CompletionsLine();

    [GeneratedRegex(@"(?m)^\s+parallelism:\s*(\d+)")]
    private static partial Regex ParallelismLine();

    [GeneratedRegex(@"- name: SHARDS\s+value: ""(\d+)""")]
    private static partial Regex ShardsValue();

    [GeneratedRegex(@"(?m)^#SBATCH --array=(\d+)-(\d+)")]
    private static partial Regex ArrayLine();
}
