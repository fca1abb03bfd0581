using TopoPool.Core.Pipelines;
using TopoPool.Testing;
using TopoPool.Training.Data;
using TopoPool.Training.Experiments;
using Xunit;
using static TorchSharp.torch;

namespace TopoPool.Training.Tests.Experiments;

/// <summary>Every GNN × pool pair of the paper's table builds, trains on MUTAG and gives finite losses.</summary>
public class EveryModelTrainsTests
{
    private static readonly Lazy<BenchmarkDataset> Mutag = new(() => DatasetLocator.Load("MUTAG", SharedFolder.Path("data")));

    public static TheoryData<ConvolutionKind, PoolingKind> Pairs()
    {
        var data = new TheoryData<ConvolutionKind, PoolingKind>();
        foreach (var gnn in new[] { ConvolutionKind.Gcn, ConvolutionKind.Gat, ConvolutionKind.Sage })
            foreach (var pool in Enum.GetValues<PoolingKind>())
                data.Add(gnn, pool);
        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void The_pair_trains_two_epochs_on_MUTAG_with_finite_losses(ConvolutionKind gnn, PoolingKind pool)
    {
        var output = Directory.CreateTempSubdirectory($"topopool-{gnn}-{pool}").FullName;
        var settings = new ExperimentSettings("MUTAG", gnn, pool, CPU) { Seeds = [1], Epochs = 2, OutputDirectory = output, Explain = pool != PoolingKind.Global };
        var summary = ExperimentRunner.Run(Mutag.Value, settings);
        var run = Assert.Single(summary.Runs);
        Assert.Equal(2, run.Epochs);
        Assert.InRange(run.Value, 0.0, 1.0);
        Assert.True(double.IsFinite(run.ValidationValue));
        var history = File.ReadAllText(Path.Combine(output, "seed1.result.json"));
        Assert.DoesNotContain("NaN", history);
        if (settings.Explain)
            Assert.Equal(Mutag.Value.Split(1).Test.Count, File.ReadAllLines(Path.Combine(output, "seed1.explanations.jsonl")).Length);
    }
}
