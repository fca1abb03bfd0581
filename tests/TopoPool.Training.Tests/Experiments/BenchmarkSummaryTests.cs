using System.Xml.Linq;
using TopoPool.Core.Pipelines;
using TopoPool.Testing;
using TopoPool.Training.Data;
using TopoPool.Training.Experiments;
using TopoPool.Training.Trainer;
using Xunit;
using static TorchSharp.torch;

namespace TopoPool.Training.Tests.Experiments;

/// <summary>The generated Table 2 page: our cells beside the paper's, paired statistics recomputable from the rows, a chart.</summary>
public class BenchmarkSummaryTests
{
    private static readonly Lazy<BenchmarkDataset> Mutag = new(() => DatasetLocator.Load("MUTAG", SharedFolder.Path("data")));

    private static BenchmarkOutcome Outcome(Func<PlannedRun, double?> value, string preset = "table2")
    {
        var settings = new BenchmarkSettings(["MUTAG"], [], [], [1, 2, 3, 4], "unused", CPU) { Cells = BenchmarkPresets.Cells(preset) };
        var plan = BenchmarkPlan.For(settings, _ => Mutag.Value);
        var rows = plan.Runs.Where(r => value(r) is not null).Select(r => BenchmarkRow.From(r.Settings, r.Metric,
            new SeedRun(r.Seed, value(r)!.Value, 400, 100, 40, 0.1, 0.8, null, false, r.Seed == 4 ? StopReason.EpochCap : StopReason.Patience),
            new RunProvenance("9.9.9", "0123456789ab", "Test CPU"))).ToList();
        return new BenchmarkOutcome(plan, rows, ["1 row(s) belong to other settings or seeds than this grid asks for (first: x); not counted"]);
    }

    [Fact]
    public void The_page_has_our_cells_the_papers_the_paired_differences_and_where_rows_came_from()
    {
        var folder = Directory.CreateTempSubdirectory("topopool-summary").FullName;
        // Global 0.70 0.72 0.74 0.76 on seeds 1-4; TopoPool always 0.05 better; TopK only on seeds 1 and 2.
        var outcome = Outcome(r => (ComponentNames.Of(r.Settings.Gnn), ComponentNames.Of(r.Settings.Pool), r.Seed) switch
        {
            ("gcn", "global", var s) => 0.68 + 0.02 * s,
            ("gcn", "topo", var s) => 0.73 + 0.02 * s,
            ("gcn", "topk", var s) when s <= 2 => 0.5,
            _ => null,
        });
        var page = BenchmarkSummary.Write(folder, outcome, "Table 2");

        Assert.StartsWith("# Table 2", page);
        Assert.Contains("10 of 36 planned runs have a row, made with commit `0123456789ab` (version 9.9.9) on Test CPU.", page);
        Assert.Contains("| paper | gcn | global | 0.730 (0.022) n=4 | 0.732 (0.095) |", page);
        Assert.Contains("| paper | gcn | topo | 0.780 (0.022) n=4 | 0.779 (0.131) |", page);
        // Every difference is +0.05: a zero-width interval, exact Wilcoxon p = 2/16.
        Assert.Contains("| paper | gcn | topo | **+0.050 [+0.050, +0.050]** p=0.125 |", page);
        Assert.Contains("| paper | gcn | topk | **−0.210 [−0.337, −0.083]** p=0.500 |", page); // t(1) = 12.706
        Assert.Contains("0.100 s, 400 ep, cap 1", page);
        Assert.Contains("- 1 row(s) belong to other settings", page);
        Assert.Contains("![MUTAG](chart_mutag.svg)", page);
        Assert.Equal(page, File.ReadAllText(Path.Combine(folder, "README.md")));

        var svg = XDocument.Load(Path.Combine(folder, "chart_mutag.svg"));
        var labels = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        Assert.Contains("gcn global", labels);
        Assert.Contains("gcn topo", labels);
        Assert.Contains("paper", labels);
        Assert.DoesNotContain("gcn sag", labels);
    }

    [Fact]
    public void Each_variant_has_its_own_line_compared_with_Global_and_with_the_papers_TopoPooling()
    {
        var folder = Directory.CreateTempSubdirectory("topopool-summary").FullName;
        // Global 0.70-0.76, TopoPooling 0.05 better, its single-softmax variant 0.02 worse than TopoPooling and the
        // learned temperature 0.01 better; Connect + convolution as TopoPooling. Merged into one TopoPooling line,
        // the variants would give n=12 and a mean of 0.7775.
        var outcome = Outcome(r => (r.Settings.Model, ComponentNames.Of(r.Settings.Pool), r.Settings.Variant, r.Seed) switch
        {
            (ModelPresets.Paper, "global", "", var s) => 0.68 + 0.02 * s,
            (ModelPresets.Paper, "topo", "", var s) => 0.73 + 0.02 * s,
            (ModelPresets.Paper, "topo", ModelPresets.SingleSoftmax, var s) => 0.71 + 0.02 * s,
            (ModelPresets.Paper, "topo", ModelPresets.LearnedTemperature, var s) => 0.74 + 0.02 * s,
            (ModelPresets.ConnectConv, "topo", "", var s) => 0.73 + 0.02 * s,
            _ => null,
        }, "variants");
        var page = BenchmarkSummary.Write(folder, outcome, "Variants");

        Assert.Contains("20 of 20 planned runs have a row", page);
        Assert.Contains("| paper | gcn | topo | 0.780 (0.022) n=4 | 0.779 (0.131) |", page);
        Assert.Contains("| paper | gcn | topo (single-softmax) | 0.760 (0.022) n=4 |  |", page);
        Assert.Contains("| paper | gcn | topo (learned-temperature) | 0.790 (0.022) n=4 |  |", page);
        Assert.Contains("| connect-conv | gcn | topo | 0.780 (0.022) n=4 |  |", page);
        // Against Global (connect-conv has no Global of its own: the paper model's).
        Assert.Contains("| paper | gcn | topo (single-softmax) | **+0.030 [+0.030, +0.030]** p=0.125 |", page);
        Assert.Contains("| connect-conv | gcn | topo | **+0.050 [+0.050, +0.050]** p=0.125 |", page);
        // Against the paper's TopoPooling.
        int start = page.IndexOf("## Paired difference to GCN + TopoPooling", StringComparison.Ordinal);
        var againstTopo = page[start..page.IndexOf("## Cost", start, StringComparison.Ordinal)];
        Assert.Contains("| paper | gcn | topo (single-softmax) | **−0.020 [−0.020, −0.020]** p=0.125 |", againstTopo);
        Assert.Contains("| paper | gcn | topo (learned-temperature) | **+0.010 [+0.010, +0.010]** p=0.125 |", againstTopo);
        Assert.Contains("| connect-conv | gcn | topo | +0.000 [+0.000, +0.000] p=1.000 |", againstTopo);
        Assert.DoesNotContain("| paper | gcn | topo | ", againstTopo);

        var table = BenchmarkTable.Render(outcome.Rows);
        Assert.Contains("| paper | gcn | topo (single-softmax) | 0.760 (0.022) n=4 |", table);
        Assert.Contains("| paper | gcn | topo | 0.780 (0.022) n=4 |", table);
    }
}
