using TopoPool.Core.Pipelines;
using TopoPool.Training.Experiments;
using Xunit;
using static TorchSharp.torch;

namespace TopoPool.Training.Tests;

public class BenchmarkRunnerTests
{
    private static BenchmarkSettings Settings(string output) =>
        new(["MUTAG"], [ConvolutionKind.Gcn], [PoolingKind.TopoPool], [1, 2, 3], output, CPU) { DataDirectory = SharedData.Root, Epochs = 2 };

    [Fact]
    public void A_benchmark_killed_half_way_loses_no_finished_run_when_started_again()
    {
        var output = Directory.CreateTempSubdirectory("topopool-bench").FullName;
        using var cancel = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            BenchmarkRunner.Run(Settings(output), progress: (seed, report) => { if (seed == 2 && report.Epoch == 1) cancel.Cancel(); }, cancellation: cancel.Token));

        var csv = Path.Combine(output, "mutag_results.csv");
        var afterKill = BenchmarkRunner.ReadRows(csv);
        Assert.Equal([1], afterKill.Select(r => r.Seed));

        var rows = BenchmarkRunner.Run(Settings(output));
        Assert.Equal([1, 2, 3], rows.Select(r => r.Seed).Order());
        Assert.Equal(afterKill[0], rows.Single(r => r.Seed == 1));
        Assert.Equal(3, File.ReadAllLines(csv).Length - 1);
        Assert.Contains("| Gcn | TopoPool |", File.ReadAllText(Path.Combine(output, "results.md")));
    }

    [Fact]
    public void Rows_round_trip_through_csv()
    {
        var row = new BenchmarkRow("MUTAG", "Gcn", "TopoPool", 4, "accuracy", 0.75, 120, 80, 31.5, 0.2625, 0.8, null);
        Assert.Equal(row, BenchmarkRow.Parse(row.ToCsv(), "test"));
        var withRecovery = row with { MotifRecovery = 0.61 };
        Assert.Equal(withRecovery, BenchmarkRow.Parse(withRecovery.ToCsv(), "test"));
    }

    [Fact]
    public void A_malformed_results_file_names_its_line()
    {
        var csv = Path.Combine(Directory.CreateTempSubdirectory("topopool-badcsv").FullName, "mutag_results.csv");
        File.WriteAllLines(csv, [BenchmarkRow.Header, "MUTAG,Gcn,TopoPool,x,accuracy,0.5,1,1,1,1,1,"]);
        var error = Assert.Throws<InvalidDataException>(() => BenchmarkRunner.ReadRows(csv));
        Assert.StartsWith("mutag_results.csv line 2:", error.Message);
    }

    [Fact]
    public void The_table_has_the_paper_layout_with_mean_and_std()
    {
        var rows = new[]
        {
            new BenchmarkRow("MUTAG", "Gcn", "TopoPool", 1, "accuracy", 0.8, 10, 5, 1, 0.1, 0.8, null),
            new BenchmarkRow("MUTAG", "Gcn", "TopoPool", 2, "accuracy", 0.6, 10, 5, 1, 0.3, 0.8, null),
            new BenchmarkRow("Caco2_Wang", "Gcn", "Global", 1, "MAE", 0.4, 10, 5, 1, 0.2, 0.4, null),
        };
        var table = BenchmarkTable.Render(rows);
        Assert.Contains("| GNN | pooling | MUTAG | Caco2_Wang |", table);
        Assert.Contains("| Gcn | TopoPool | 0.700 (0.100) n=2 |  |", table);
        Assert.Contains("| Gcn | Global |  | 0.400 (0.000) n=1 |", table);
        Assert.Contains("| Gcn | TopoPool | 0.200 |  |", table);
    }
}
