using TopoPool.Core.Pipelines;
using TopoPool.Torch.Pooling;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace TopoPool.Torch.Tests.Pooling;

/// <summary>The weighting options change how clusters are weighed and nothing else.</summary>
public class TopoPoolingOptionsTests
{
    private static (Tensor X, Tensor EdgeIndex, Tensor Batch) Batch()
    {
        var edges = GraphTensors.EdgeIndex((0, 1), (1, 2), (2, 3), (3, 4), (4, 0), (4, 5), (6, 7), (7, 8), (8, 9));
        var batch = tensor(new long[] { 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1 });
        random.manual_seed(7);
        return (randn(11, 3), edges, batch);
    }

    private static PoolResult Pool(ClusterWeighting weighting, bool temperature, out TopoPooling layer)
    {
        random.manual_seed(3);
        layer = new TopoPooling(3, weighting: weighting, learnedTemperature: temperature);
        var (x, edges, batch) = Batch();
        return layer.call(x, edges, batch, 2);
    }

    [Fact]
    public void The_single_softmax_weighs_the_raw_peak_scores_and_keeps_the_clusters()
    {
        using var scope = NewDisposeScope();
        var authors = Pool(ClusterWeighting.SoftmaxOfNodeScores, false, out var first);
        var single = Pool(ClusterWeighting.SingleSoftmax, false, out var second);
        Assert.Equal(GraphTensors.Longs(authors.NodeIndex), GraphTensors.Longs(single.NodeIndex));
        Assert.Equal(GraphTensors.Longs(authors.Peaks!), GraphTensors.Longs(single.Peaks!));

        // By hand: e = Linear(x) at the peaks, softmax of e over each graph's clusters.
        var (x, _, _) = Batch();
        using var noGrad = no_grad();
        var e = GraphTensors.Doubles(x.matmul(second.state_dict()["score.weight"].t()).squeeze(1) + second.state_dict()["score.bias"]);
        var peaks = GraphTensors.Ints(single.Peaks!);
        var graphOf = GraphTensors.Ints(single.Batch);
        var expected = peaks.Select((p, k) => Math.Exp(e[p]) / peaks.Where((_, l) => graphOf[l] == graphOf[k]).Sum(q => Math.Exp(e[q]))).ToArray();
        Assert.Equal(expected, GraphTensors.Doubles(single.Weights!), new ToleranceComparer(1e-5));
        Assert.NotEqual(GraphTensors.Doubles(authors.Weights!), GraphTensors.Doubles(single.Weights!), new ToleranceComparer(1e-5));
        first.Dispose();
        second.Dispose();
    }

    [Fact]
    public void A_learned_temperature_is_a_parameter_that_starts_at_one_and_gets_a_gradient()
    {
        using var scope = NewDisposeScope();
        var plain = Pool(ClusterWeighting.SoftmaxOfNodeScores, false, out var without);
        var tempered = Pool(ClusterWeighting.SoftmaxOfNodeScores, true, out var with);
        Assert.Equal(new[] { "log_temperature", "score.bias", "score.weight" }, with.state_dict().Keys.Order().ToArray());
        Assert.Equal(GraphTensors.Doubles(plain.Weights!), GraphTensors.Doubles(tempered.Weights!), new ToleranceComparer(1e-7));
        tempered.X.sum().backward();
        var gradient = with.named_parameters().Single(p => p.name == "log_temperature").parameter.grad;
        Assert.NotNull(gradient);
        Assert.NotEqual(0.0, gradient!.item<float>());
        without.Dispose();
        with.Dispose();
    }

    [Fact]
    public void A_pipeline_option_builds_the_layer_it_describes()
    {
        using var layer = new TopoPooling(4, new TopoPoolingOptions(true, ClusterWeighting.SingleSoftmax, true));
        Assert.True(layer.Connect);
        Assert.Equal(ClusterWeighting.SingleSoftmax, layer.Weighting);
        Assert.True(layer.LearnedTemperature);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= tolerance;
        public int GetHashCode(double value) => 0;
    }
}
