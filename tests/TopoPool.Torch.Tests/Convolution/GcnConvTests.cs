using TopoPool.Torch.Convolution;
using Xunit;
using static TopoPool.Torch.Tests.Convolution.GraphFixtures;
using static TorchSharp.torch;

namespace TopoPool.Torch.Tests.Convolution;

public class GcnConvTests
{
    private static GcnConv Identity2()
    {
        var conv = new GcnConv(2, 2);
        Set(conv, "lin.weight", 1, 0, 0, 1);
        return conv;
    }

    [Fact]
    public void Path_with_identity_weights_is_the_hand_computed_symmetric_normalisation()
    {
        // Path 0-1-2 plus a loop per node: degrees 2, 3, 2. x'_i = Σ_j x_j / sqrt(d_i d_j).
        using var scope = NewDisposeScope();
        var x = Matrix(new float[,] { { 1, 0 }, { 0, 1 }, { 1, 1 } });
        var output = Identity2().call(x, Undirected((0, 1), (1, 2)));
        double s6 = Math.Sqrt(6);
        AssertClose(new[]
        {
            0.5, 1 / s6,
            2 / s6, 1.0 / 3 + 1 / s6,
            0.5, 1 / s6 + 0.5,
        }, output);
    }

    [Fact]
    public void Existing_self_loops_are_replaced_by_one_loop_per_node()
    {
        using var scope = NewDisposeScope();
        var conv = Identity2();
        var x = Matrix(new float[,] { { 1, 0 }, { 0, 1 }, { 1, 1 } });
        var plain = conv.call(x, Undirected((0, 1), (1, 2)));
        var withLoops = conv.call(x, Edges((1, 1), (0, 1), (1, 0), (1, 1), (1, 2), (2, 1), (2, 2)));
        AssertClose(plain, withLoops);
    }

    [Fact]
    public void Edge_weights_enter_the_degrees_and_an_existing_loop_keeps_its_weight()
    {
        // Edges 0-1 with weight 2 (both directions), 1-2 with weight 1, and a loop at 1 with weight 5.
        // Loops: 0 and 2 get weight 1, 1 keeps 5. Degrees: d0 = 2 + 1 = 3, d1 = 2 + 1 + 5 = 8, d2 = 1 + 1 = 2.
        using var scope = NewDisposeScope();
        var conv = new GcnConv(1, 1);
        Set(conv, "lin.weight", 1);
        var x = Column(1, 10, 100);
        var edges = Edges((0, 1), (1, 0), (1, 2), (2, 1), (1, 1));
        var weights = tensor(new float[] { 2, 2, 1, 1, 5 });
        var output = conv.call(x, edges, weights);
        double d0 = 3, d1 = 8, d2 = 2;
        AssertClose(new[]
        {
            1 / d0 + 2 * 10 / Math.Sqrt(d0 * d1),
            2 * 1 / Math.Sqrt(d0 * d1) + 5 * 10 / d1 + 100 / Math.Sqrt(d1 * d2),
            10 / Math.Sqrt(d1 * d2) + 100 / d2,
        }, output);
    }

    [Fact]
    public void Isolated_node_gets_its_own_transformed_features_plus_bias()
    {
        using var scope = NewDisposeScope();
        var conv = new GcnConv(2, 1);
        Set(conv, "lin.weight", 2, -1);
        Set(conv, "bias", 0.5f);
        var output = conv.call(Matrix(new float[,] { { 3, 1 } }), NoEdges());
        AssertClose(new[] { 2 * 3 - 1 + 0.5 }, output);
    }

    [Fact]
    public void Parameters_are_glorot_and_zero_bias_under_pyg_names()
    {
        var conv = new GcnConv(7, 5);
        AssertKeys(new[] { "lin.weight", "bias" }, conv.state_dict());
        Assert.Equal(new long[] { 5, 7 }, conv.state_dict()["lin.weight"].shape);
        double bound = Math.Sqrt(6.0 / 12);
        Assert.All(Doubles(conv.state_dict()["lin.weight"]), w => Assert.InRange(Math.Abs(w), 0, bound));
        Assert.All(Doubles(conv.state_dict()["bias"]), b => Assert.Equal(0, b));
        AssertKeys(new[] { "lin.weight" }, new GcnConv(7, 5, bias: false).state_dict());
    }

    [Fact]
    public void Normalize_returns_pyg_gcn_norm_coefficients()
    {
        using var scope = NewDisposeScope();
        var (edges, norm) = GcnConv.Normalize(Undirected((0, 1)), null, 3, ScalarType.Float64);
        Assert.Equal(new[] { (0L, 1L), (1L, 0L), (0L, 0L), (1L, 1L), (2L, 2L) }, Pairs(edges));
        AssertClose(new[] { 0.5, 0.5, 0.5, 0.5, 1.0 }, norm);
    }
}
