using TopoPool.Torch.Pooling;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace TopoPool.Torch.Tests.Pooling;

/// <summary>Central finite differences in float64 against autograd: gradients reach x (through the cluster
/// maximum and through the scores) and the scoring layer (through σ).</summary>
public class GradientTests
{
    private const double Step = 1e-6;

    [Fact]
    public void Gradients_of_x_and_of_the_scoring_layer_match_finite_differences()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(17);
        using var layer = new TopoPooling(3);
        layer.to(ScalarType.Float64);
        var edges = GraphTensors.EdgeIndex((0, 1), (1, 2), (2, 3), (3, 0), (3, 4), (4, 5), (6, 7), (7, 8), (8, 9), (9, 7));
        var batch = tensor(new long[] { 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2 });
        var x0 = randn(11, 3, ScalarType.Float64);
        var baseline = layer.call(x0, edges, batch, 3);
        var projection = randn(baseline.NumClusters, 3, ScalarType.Float64);
        var clusters = GraphTensors.Longs(baseline.NodeIndex).Concat(GraphTensors.Longs(baseline.ClusterIndex)).ToArray();
        Assert.True(baseline.NumClusters >= 4);

        double Loss(Tensor x)
        {
            using var inner = NewDisposeScope();
            using var noGrad = no_grad();
            var result = layer.call(x, edges, batch, 3);
            // The assignment is discrete: a finite difference only means something where it does not move.
            Assert.Equal(clusters, GraphTensors.Longs(result.NodeIndex).Concat(GraphTensors.Longs(result.ClusterIndex)).ToArray());
            return (result.X * projection).sum().item<double>();
        }

        var xs = x0.detach().clone().requires_grad_(true);
        (layer.call(xs, edges, batch, 3).X * projection).sum().backward();
        var analyticX = GraphTensors.Doubles(xs.grad!);
        var values = GraphTensors.Doubles(x0);
        for (int i = 0; i < values.Length; i++)
        {
            var plus = (double[])values.Clone();
            var minus = (double[])values.Clone();
            plus[i] += Step;
            minus[i] -= Step;
            double numeric = (Loss(tensor(plus, new long[] { 11, 3 })) - Loss(tensor(minus, new long[] { 11, 3 }))) / (2 * Step);
            Assert.True(Math.Abs(numeric - analyticX[i]) <= 1e-6 + 1e-5 * Math.Abs(numeric), $"x[{i}]: numeric {numeric}, autograd {analyticX[i]}");
        }
        Assert.Contains(analyticX, g => Math.Abs(g) > 1e-3);

        foreach (var (name, parameter) in layer.named_parameters())
        {
            var analytic = GraphTensors.Doubles(parameter.grad!);
            var flat = parameter.view(-1);
            for (int j = 0; j < analytic.Length; j++)
            {
                using (no_grad()) flat[j].add_(Step);
                double up = Loss(x0);
                using (no_grad()) flat[j].add_(-2 * Step);
                double down = Loss(x0);
                using (no_grad()) flat[j].add_(Step);
                double numeric = (up - down) / (2 * Step);
                Assert.True(Math.Abs(numeric - analytic[j]) <= 1e-6 + 1e-5 * Math.Abs(numeric), $"{name}[{j}]: numeric {numeric}, autograd {analytic[j]}");
            }
            // The bias shifts every logit of a graph alike, which the per-graph softmax cancels.
            if (name == "score.bias") Assert.True(Math.Abs(analytic[0]) < 1e-9);
            else Assert.Contains(analytic, g => Math.Abs(g) > 1e-4);
        }
    }
}
