using System.Text.Json;
using System.Text.RegularExpressions;
using TopoPool.Testing;
using Xunit;

namespace TopoPool.Cli.Tests.Commands;

/// <summary>The grid gives the same rows one run at a time, several at once, and split between shards.</summary>
public class BenchmarkCliTests
{
    private static readonly string Data = SharedFolder.Path("data");

    private static List<Dictionary<string, string>> Rows(string output, params string[] extra)
    {
        string[] args = ["benchmark", "--datasets", "MUTAG", "--data-dir", Data, "--pools", "global,topo", "--seeds", "1-2", "--epochs", "3", "--out", output, "--json", .. extra];
        var result = CliProcess.Run(null, args);
        Assert.True(result.ExitCode == 0, result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
        return json.RootElement.GetProperty("rows").EnumerateArray()
            .Select(r => r.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!)).ToList();
    }

    private static IEnumerable<string> Numbers(List<Dictionary<string, string>> rows) =>
        rows.OrderBy(r => r["pool"]).ThenBy(r => r["seed"])
            .Select(r => string.Join(",", r["pool"], r["seed"], r["value"], r["validation"], r["epochs_run"], r["best_epoch"], r["key"]));

    [Fact]
    public void Two_jobs_at_once_give_the_rows_of_one_at_a_time()
    {
        var root = Directory.CreateTempSubdirectory("topopool-jobs").FullName;
        var one = Rows(Path.Combine(root, "one"));
        var two = Rows(Path.Combine(root, "two"), "--jobs", "2");
        Assert.Equal(4, one.Count);
        Assert.Equal(Numbers(one), Numbers(two));
    }

    [Fact]
    public void Shards_writing_one_folder_make_the_whole_grid_and_the_summary_reads_them_all()
    {
        var root = Directory.CreateTempSubdirectory("topopool-shards").FullName;
        var whole = Rows(Path.Combine(root, "whole"));
        var shared = Path.Combine(root, "shared");
        var first = Rows(shared, "--shard", "0/2");
        var second = Rows(shared, "--shard", "1/2");
        Assert.Equal(2, Directory.GetFiles(shared, "mutag_results.shard-*-of-2.csv").Length);
        Assert.True(first.Count < 4 && second.Count == 4, "the second shard's summary counts both shards' rows");
        var summary = Rows(shared, "--summary");
        Assert.Equal(Numbers(whole), Numbers(summary));
    }

    [Fact]
    public void Reuse_copies_rows_of_the_same_settings_only_and_the_grid_trains_the_rest()
    {
        var root = Directory.CreateTempSubdirectory("topopool-reuse").FullName;
        string table2 = Path.Combine(root, "table2"), variants = Path.Combine(root, "variants");
        Assert.Equal(4, Rows(table2).Count);
        string[] Variants(string output, string epochs, string from) =>
            ["benchmark", "--preset", "variants", "--datasets", "MUTAG", "--data-dir", Data, "--seeds", "1-2", "--epochs", epochs, "--out", output, "--reuse-from", from];

        var result = CliProcess.Run(null, Variants(variants, "3", table2));
        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Contains("4 run(s) reused from", result.StandardError);
        Assert.Equal(6, Regex.Matches(result.StandardError, @"seed \d: accuracy").Count);
        var rows = File.ReadAllLines(Path.Combine(variants, "mutag_results.csv")).Skip(1).ToList();
        var copied = File.ReadAllLines(Path.Combine(table2, "mutag_results.csv")).Skip(1).ToHashSet();
        Assert.Equal(5 * 2, rows.Count);
        Assert.Equal(4, rows.Count(copied.Contains));

        // A damaged row of the other folder is named and not copied; the run it stood for is trained.
        string damaged = Path.Combine(root, "damaged");
        Directory.CreateDirectory(damaged);
        var lines = File.ReadAllLines(Path.Combine(table2, "mutag_results.csv"));
        lines[2] = lines[2].Replace(",accuracy,", ",accuracy,not-a-number,");
        File.WriteAllLines(Path.Combine(damaged, "mutag_results.csv"), lines);
        var repaired = CliProcess.Run(null, Variants(Path.Combine(root, "after-damage"), "3", damaged));
        Assert.True(repaired.ExitCode == 0, repaired.StandardError);
        Assert.Matches(@"warning: .*damaged.mutag_results\.csv line 3: ", repaired.StandardError);
        Assert.Contains("3 run(s) reused from", repaired.StandardError);

        // Rows of other settings (here another epoch cap) never stand for a run.
        var other = CliProcess.Run(null, Variants(Path.Combine(root, "other"), "2", table2));
        Assert.True(other.ExitCode == 0, other.StandardError);
        Assert.Contains("0 run(s) reused from", other.StandardError);
        Assert.Equal(10, Regex.Matches(other.StandardError, @"seed \d: accuracy").Count);
    }
}
