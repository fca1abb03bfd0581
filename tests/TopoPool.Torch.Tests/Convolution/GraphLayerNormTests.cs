using TopoPool.Torch.Normalization;
using Xunit;
using static TopoPool.Torch.Tests.Convolution.GraphFixtures;
using static TorchSharp.torch;

namespace TopoPool.Torch.Tests.Convolution;

/// <summary>Graph-mode LayerNorm (kept beside the convolutions so the convolution test filter runs it).</summary>
public class GraphLayerNormTests
{
    [Fact]
    public void Normalises_over_all_nodes_and_channels_of_each_graph_by_hand()
    {
        // Graph 0: entries 1, 2, 3, 4 — mean 2.5, variance 1.25. Graph 1: entries 0, 10 — mean 5, variance 25.
        using var scope = NewDisposeScope();
        var norm = new GraphLayerNorm(2);
        var output = norm.call(Matrix(new float[,] { { 1, 2 }, { 3, 4 }, { 0, 10 } }), Longs(0, 0, 1), 2);
        double s0 = Math.Sqrt(1.25 + 1e-5), s1 = Math.Sqrt(25 + 1e-5);
        AssertClose(new[] { -1.5 / s0, -0.5 / s0, 0.5 / s0, 1.5 / s0, -5 / s1, 5 / s1 }, output);
    }

    [Fact]
    public void Eps_is_added_to_the_variance_inside_the_square_root()
    {
        // Entries 0 and 0.002: variance 1e-6, ten times smaller than eps, so eps decides the scale.
        using var scope = NewDisposeScope();
        var output = new GraphLayerNorm(2).call(tensor(new double[] { 0, 0.002 }, new long[] { 1, 2 }).to_type(ScalarType.Float32));
        double scale = Math.Sqrt(1e-6 + 1e-5);
        AssertClose(new[] { -0.001 / scale, 0.001 / scale }, output, 1e-4);
    }

    [Fact]
    public void The_affine_map_is_per_channel()
    {
        using var scope = NewDisposeScope();
        var norm = new GraphLayerNorm(2);
        Set(norm, "weight", 2, -1);
        Set(norm, "bias", 0.5f, 3);
        var output = norm.call(Matrix(new float[,] { { 1, 2 }, { 3, 4 } }));
        double s = Math.Sqrt(1.25 + 1e-5);
        AssertClose(new[] { 2 * -1.5 / s + 0.5, 0.5 / s + 3, 2 * 0.5 / s + 0.5, -1.5 / s + 3 }, output);
    }

    [Fact]
    public void Graphs_do_not_influence_each_other_and_empty_or_constant_graphs_stay_finite()
    {
        using var scope = NewDisposeScope();
        var norm = new GraphLayerNorm(3);
        Randomize(norm, 3);
        var x = RandomMatrix(6, 3, 4);
        // Graphs: 0 = nodes 0-2, 1 = empty, 2 = node 3 alone, 3 = nodes 4-5 (unsorted batch).
        var batch = Longs(0, 3, 0, 2, 0, 3);
        var together = norm.call(x, batch, 4);
        AssertFinite(together, "layer norm");
        var graph0 = norm.call(x.index_select(0, Longs(0, 2, 4)));
        AssertClose(graph0, together.index_select(0, Longs(0, 2, 4)), 1e-5);
        var graph3 = norm.call(x.index_select(0, Longs(1, 5)));
        AssertClose(graph3, together.index_select(0, Longs(1, 5)), 1e-5);
        AssertClose(norm.call(x.index_select(0, Longs(3))), together.index_select(0, Longs(3)), 1e-5);
        // A constant graph (one node, one channel) has variance 0: it becomes the bias, not NaN.
        var scalar = new GraphLayerNorm(1);
        Set(scalar, "bias", 0.25f);
        AssertClose(new[] { 0.25 }, scalar.call(Column(7)));
        Assert.Equal(new long[] { 0, 3 }, norm.call(zeros(0, 3), zeros(0, ScalarType.Int64), 0).shape);
    }

    [Fact]
    public void Gradients_reach_the_affine_parameters_and_the_input()
    {
        var norm = new GraphLayerNorm(2);
        var x = RandomMatrix(4, 2, 9).requires_grad_(true);
        (norm.call(x, Longs(0, 0, 1, 1), 2) * RandomMatrix(4, 2, 10)).sum().backward();
        foreach (var (name, parameter) in norm.named_parameters())
            Assert.True(parameter.grad!.abs().sum().item<float>() > 0, name);
        Assert.True(x.grad!.abs().sum().item<float>() > 0);
    }

    [Fact]
    public void Parameters_have_pyg_names_and_start_as_identity()
    {
        var norm = new GraphLayerNorm(5);
        AssertKeys(new[] { "weight", "bias" }, norm.state_dict());
        Assert.All(Doubles(norm.state_dict()["weight"]), w => Assert.Equal(1, w));
        Assert.All(Doubles(norm.state_dict()["bias"]), b => Assert.Equal(0, b));
        Assert.Empty(new GraphLayerNorm(5, affine: false).state_dict());
    }
}
