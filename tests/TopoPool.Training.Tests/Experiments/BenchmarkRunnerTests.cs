using TopoPool.Core.Pipelines;
using TopoPool.Testing;
using TopoPool.Training.Data;
using TopoPool.Training.Experiments;
using TopoPool.Training.Trainer;
using Xunit;
using static TorchSharp.torch;

namespace TopoPool.Training.Tests.Experiments;

public class BenchmarkRunnerTests
{
    private static readonly Lazy<BenchmarkDataset> Mutag = new(() => DatasetLocator.Load("MUTAG", SharedFolder.Path("data")));

    private static BenchmarkSettings Settings(string output, params int[] seeds) =>
        new(["MUTAG"], [ConvolutionKind.Gcn], [PoolingKind.TopoPooling], seeds.Length == 0 ? [1, 2, 3] : seeds, output, CPU)
        {
            DataDirectory = SharedFolder.Path("data"),
            Epochs = 2,
        };

    private static BenchmarkPlan Plan(BenchmarkSettings settings) => BenchmarkPlan.For(settings, _ => Mutag.Value);

    private static BenchmarkOutcome Run(BenchmarkSettings settings, Action<int, EpochReport>? progress = null, CancellationToken cancellation = default)
    {
        var plan = Plan(settings);
        return BenchmarkRunner.Run(settings, plan, new InProcessRunExecutor(_ => Mutag.Value, progress), null, cancellation);
    }

    private static List<BenchmarkRow> Rows(string file)
    {
        var warnings = new List<string>();
        return ResultsFile.Read(file, warnings);
    }

    [Fact]
    public void A_benchmark_killed_half_way_loses_no_finished_run_when_started_again()
    {
        var output = Directory.CreateTempSubdirectory("topopool-bench").FullName;
        using var cancel = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            Run(Settings(output), (seed, report) => { if (seed == 2 && report.Epoch == 1) cancel.Cancel(); }, cancel.Token));

        var csv = Path.Combine(output, "mutag_results.csv");
        var afterKill = Rows(csv);
        Assert.Equal([1], afterKill.Select(r => r.Seed));

        var outcome = Run(Settings(output));
        Assert.Equal([1, 2, 3], outcome.Rows.Select(r => r.Seed).Order());
        Assert.Equal(BenchmarkRow.Columns.Select(afterKill[0].Field), BenchmarkRow.Columns.Select(outcome.Rows.Single(r => r.Seed == 1).Field));
        Assert.Equal(3, File.ReadAllLines(csv).Length - 1);
        Assert.Equal(0, outcome.Missing);
    }

    [Fact]
    public void Rows_round_trip_through_the_results_file()
    {
        var output = Directory.CreateTempSubdirectory("topopool-roundtrip").FullName;
        var settings = Settings(output, 4);
        var planned = Plan(settings).Runs.Single();
        var row = BenchmarkRow.From(planned.Settings, "accuracy", new SeedRun(4, 0.75, 120, 80, 31.5, 0.2625, 0.8, 0.61, false, StopReason.EpochCap),
            new RunProvenance("1.2.3", "abcdef123456", "AMD EPYC, \"quoted\""));
        var file = Path.Combine(output, "mutag_results.csv");
        var warnings = new List<string>();
        ResultsFile.Append(file, row, warnings);
        var back = Assert.Single(ResultsFile.Read(file, warnings));
        Assert.Empty(warnings);
        Assert.Equal(BenchmarkRow.Columns.Select(row.Field), BenchmarkRow.Columns.Select(back.Field));
        Assert.True(back.Matches(planned.Settings));
    }

    [Fact]
    public void A_malformed_row_is_named_with_its_line_and_the_rows_around_it_are_kept()
    {
        var output = Directory.CreateTempSubdirectory("topopool-badcsv").FullName;
        Run(Settings(output, 1, 2));
        var file = Path.Combine(output, "mutag_results.csv");
        var lines = File.ReadAllLines(file).ToList();
        lines.Insert(2, "MUTAG,paper,gcn,topo,,x,accuracy,0.5");
        File.WriteAllLines(file, lines);

        var warnings = new List<string>();
        var rows = ResultsFile.Read(file, warnings);
        Assert.Equal([1, 2], rows.Select(r => r.Seed));
        Assert.Contains(warnings, w => w.StartsWith("mutag_results.csv line 3:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_truncated_last_row_does_not_block_the_restart_and_is_run_again()
    {
        var output = Directory.CreateTempSubdirectory("topopool-truncated").FullName;
        Run(Settings(output, 1, 2));
        var file = Path.Combine(output, "mutag_results.csv");
        var text = File.ReadAllText(file);
        File.WriteAllText(file, text[..(text.Length - 20)]);

        var outcome = Run(Settings(output, 1, 2));
        Assert.Equal([1, 2], outcome.Rows.Select(r => r.Seed).Order());
        var warnings = new List<string>();
        Assert.Equal([1, 2], ResultsFile.Read(file, warnings).Select(r => r.Seed).Order());
        Assert.Empty(warnings);
    }

    [Fact]
    public void A_file_without_header_is_read_and_repaired_without_duplicating_its_first_row()
    {
        var output = Directory.CreateTempSubdirectory("topopool-noheader").FullName;
        Run(Settings(output, 1));
        var file = Path.Combine(output, "mutag_results.csv");
        File.WriteAllLines(file, File.ReadAllLines(file).Skip(1));

        var outcome = Run(Settings(output, 1, 2));
        Assert.Equal([1, 2], outcome.Rows.Select(r => r.Seed).Order());
        var lines = File.ReadAllLines(file);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("dataset,model,gnn,pool", lines[0]);
    }

    [Fact]
    public void Only_rows_of_the_requested_grid_count_and_each_run_counts_once()
    {
        var output = Directory.CreateTempSubdirectory("topopool-counting").FullName;
        Run(Settings(output, 1, 2, 3));
        var file = Path.Combine(output, "mutag_results.csv");
        var lines = File.ReadAllLines(file).ToList();
        lines.Add(lines[1]);
        File.WriteAllLines(file, lines);

        var settings = Settings(output, 1, 2);
        var outcome = BenchmarkRunner.Read(settings, Plan(settings));
        Assert.Equal([1, 2], outcome.Rows.Select(r => r.Seed));
        Assert.Contains(outcome.Warnings, w => w.Contains("1 row(s) belong to other settings or seeds", StringComparison.Ordinal));
        Assert.Contains(outcome.Warnings, w => w.Contains("1 row(s) repeat a run", StringComparison.Ordinal));

        var longer = Settings(output, 1, 2) with { Epochs = 3 };
        var other = BenchmarkRunner.Read(longer, Plan(longer));
        Assert.Empty(other.Rows);
        Assert.Equal(2, other.Missing);
    }

    [Fact]
    public void The_shards_of_a_grid_are_disjoint_and_together_the_whole_grid()
    {
        var settings = new BenchmarkSettings(["MUTAG"], [ConvolutionKind.Gcn, ConvolutionKind.Sage], [PoolingKind.Global, PoolingKind.TopoPooling], [1, 2, 3], "unused", CPU);
        var plan = Plan(settings);
        var owned = Enumerable.Range(0, 4).Select(k => plan.Runs.Where(r => new Shard(k, 4).Owns(r.Position)).Select(r => r.Position).ToList()).ToList();
        Assert.Equal(plan.Runs.Select(r => r.Position), owned.SelectMany(o => o).Order());
        Assert.All(owned, o => Assert.InRange(o.Count, 3, 3));
    }

    [Theory]
    [InlineData("0/1", true)]
    [InlineData("3/4", true)]
    [InlineData("4/4", false)]
    [InlineData("-1/4", false)]
    [InlineData("1/0", false)]
    [InlineData("1", false)]
    [InlineData("a/b", false)]
    public void Shards_are_written_K_of_N(string text, bool valid)
    {
        Assert.Equal(valid, Shard.TryParse(text, out _, out var problem));
        Assert.Equal(valid, problem is null);
    }

    [Fact]
    public void The_table_has_the_paper_layout_with_mean_and_std()
    {
        var output = Directory.CreateTempSubdirectory("topopool-table").FullName;
        var outcome = Run(Settings(output, 1, 2));
        var table = BenchmarkTable.Render(outcome.Rows);
        var values = outcome.Rows.Select(r => r.Value).ToList();
        double mean = values.Average(), std = Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
        Assert.Contains("| model | GNN | pooling | MUTAG |", table);
        Assert.Contains(FormattableString.Invariant($"| paper | gcn | topo | {mean:F3} ({std:F3}) n=2 |"), table);
    }
}
