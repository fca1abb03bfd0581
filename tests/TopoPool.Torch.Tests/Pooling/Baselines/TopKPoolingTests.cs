using TopoPool.Torch.Pooling;
using TopoPool.Torch.Pooling.Baselines;
using Xunit;
using static TopoPool.Torch.Tests.Convolution.GraphFixtures;
using static TorchSharp.torch;

namespace TopoPool.Torch.Tests.Pooling.Baselines;

public class TopKPoolingTests
{
    [Fact]
    public void Select_keeps_the_ceiling_of_half_of_each_graph_best_first_ties_by_index()
    {
        using var scope = NewDisposeScope();
        // Graph 0: nodes 0-3, graph 1: empty, graph 2: nodes 4-6 (listed out of order), graph 3: node 7 alone.
        var score = tensor(new float[] { 0.1f, 0.9f, 0.5f, 0.9f, 0.2f, 0.7f, 0.4f, -3f });
        var batch = Longs(0, 0, 0, 0, 2, 2, 2, 3);
        Assert.Equal(new long[] { 1, 3, 5, 6, 7 }, Longs(TopKSelect.Run(score, 0.5, batch, 4)));
        Assert.Equal(new long[] { 1, 3, 2, 0, 5, 6, 4, 7 }, Longs(TopKSelect.Run(score, 1.0, batch, 4)));
        Assert.Equal(new long[] { 1, 5, 7 }, Longs(TopKSelect.Run(score, 0.1, batch, 4)));
        var shuffled = Longs(2, 0, 3, 0, 2, 0, 2, 0);
        Assert.Equal(new long[] { 1, 3, 6, 4, 2 }, Longs(TopKSelect.Run(score, 0.5, shuffled, 4)));
        Assert.Throws<ArgumentOutOfRangeException>(() => TopKSelect.Run(score, 0, batch, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => TopKSelect.Run(score, 1.5, batch, 4));
    }

    [Fact]
    public void Four_nodes_keep_the_two_best_projection_scores_gated_by_tanh()
    {
        // p = (3, 4), ‖p‖ = 5: scores 0.6, 0.8, 2.8, −0.6 before tanh; nodes 2 then 1 are kept.
        using var scope = NewDisposeScope();
        var pool = new TopKPooling(2);
        Set(pool, "weight", 3, 4);
        var x = Matrix(new float[,] { { 1, 0 }, { 0, 1 }, { 2, 2 }, { -1, 0 } });
        var result = pool.call(x, Undirected((0, 1), (1, 2), (2, 3)));
        Assert.Equal(2, result.NumClusters);
        Assert.Equal(new long[] { 2, 1 }, Longs(result.NodeIndex));
        Assert.Equal(new long[] { 0, 1 }, Longs(result.ClusterIndex));
        Assert.Equal(new long[] { 2, 1 }, Longs(result.Peaks!));
        Assert.Null(result.AssignmentWeight);
        double t28 = Math.Tanh(2.8), t08 = Math.Tanh(0.8);
        AssertClose(new[] { 2 * t28, 2 * t28, 0, t08 }, result.X);
        AssertClose(new[] { Math.Tanh(0.6), t08, t28, Math.Tanh(-0.6) }, result.Scores!);
        AssertClose(new[] { t28, t08 }, result.Weights!);
        Assert.Equal(new[] { (1L, 0L), (0L, 1L) }, Pairs(result.EdgeIndex));
        Assert.Equal(new long[] { 0, 0 }, Longs(result.Batch));
        Assert.Equal(4, result.NumNodes);
    }

    [Fact]
    public void Each_graph_of_a_batch_keeps_its_own_best_nodes()
    {
        using var scope = NewDisposeScope();
        var pool = new TopKPooling(1);
        Set(pool, "weight", 1);
        var x = Column(1, 5, 3, 2, -1, 4, 0, 2, 9);
        var batch = Longs(0, 0, 0, 0, 1, 1, 1, 1, 2);
        var edges = Undirected((0, 1), (2, 3), (4, 5), (5, 6), (6, 7), (1, 3));
        var result = pool.call(x, edges, batch, 3);
        Assert.Equal(new long[] { 1, 2, 5, 7, 8 }, Longs(result.NodeIndex));
        Assert.Equal(new long[] { 0, 0, 1, 1, 2 }, Longs(result.Batch));
        Assert.Empty(Pairs(result.EdgeIndex));
        var unpooled = result.Unpool(result.X);
        AssertClose(new[] { 0, 5 * Math.Tanh(5), 3 * Math.Tanh(3), 0, 0, 4 * Math.Tanh(4), 0, 2 * Math.Tanh(2), 9 * Math.Tanh(9) }, unpooled);
    }

    [Fact]
    public void Parameter_is_pyg_weight_uniform_in_the_inverse_square_root_bound()
    {
        var pool = new TopKPooling(16);
        AssertKeys(new[] { "weight" }, pool.state_dict());
        Assert.Equal(new long[] { 1, 16 }, pool.state_dict()["weight"].shape);
        Assert.All(Doubles(pool.state_dict()["weight"]), w => Assert.InRange(Math.Abs(w), 0, 0.25));
    }
}
