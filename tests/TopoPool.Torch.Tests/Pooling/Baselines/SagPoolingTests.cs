using TopoPool.Torch.Pooling;
using TopoPool.Torch.Pooling.Baselines;
using Xunit;
using static TopoPool.Torch.Tests.Convolution.GraphFixtures;
using static TorchSharp.torch;

namespace TopoPool.Torch.Tests.Pooling.Baselines;

public class SagPoolingTests
{
    [Fact]
    public void GraphConv_scores_pick_the_nodes_by_hand()
    {
        // Scorer: Σ_{j→i} x_j[0] + x_i[1]. Path 0-1-2-3: scores 0, 4, 1, 2 before tanh; nodes 1 and 3 are kept.
        using var scope = NewDisposeScope();
        var pool = new SagPooling(2);
        Set(pool, "gnn.lin_rel.weight", 1, 0);
        Set(pool, "gnn.lin_rel.bias", 0);
        Set(pool, "gnn.lin_root.weight", 0, 1);
        var x = Matrix(new float[,] { { 1, 0 }, { 0, 1 }, { 2, 2 }, { -1, 0 } });
        var result = pool.call(x, Undirected((0, 1), (1, 2), (2, 3)));
        Assert.Equal(new long[] { 1, 3 }, Longs(result.NodeIndex));
        AssertClose(new[] { 0, Math.Tanh(4), -Math.Tanh(2), 0 }, result.X);
        AssertClose(new[] { 0, Math.Tanh(4), Math.Tanh(1), Math.Tanh(2) }, result.Scores!);
        Assert.Empty(Pairs(result.EdgeIndex));
    }

    [Fact]
    public void Parameters_are_the_graphconv_scorer_under_pyg_names()
    {
        var state = new SagPooling(8).state_dict();
        AssertKeys(new[] { "gnn.lin_rel.weight", "gnn.lin_rel.bias", "gnn.lin_root.weight" }, state);
        Assert.Equal(new long[] { 1, 8 }, state["gnn.lin_root.weight"].shape);
    }
}
