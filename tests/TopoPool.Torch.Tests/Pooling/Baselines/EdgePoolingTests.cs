using TopoPool.Torch.Pooling;
using TopoPool.Torch.Pooling.Baselines;
using Xunit;
using static TopoPool.Torch.Tests.Convolution.GraphFixtures;
using static TorchSharp.torch;

namespace TopoPool.Torch.Tests.Pooling.Baselines;

public class EdgePoolingTests
{
    /// <summary>One feature; the raw edge score is the source's feature (lin = [1, 0], bias 0).</summary>
    private static EdgePooling SourceScored(EdgeMatchingEngine engine)
    {
        var pool = new EdgePooling(1, engine: engine);
        Set(pool, "lin.weight", 1, 0);
        Set(pool, "lin.bias", 0);
        return pool;
    }

    public static TheoryData<EdgeMatchingEngine> Engines => new() { EdgeMatchingEngine.Managed, EdgeMatchingEngine.Tensor };

    private static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));

    [Theory]
    [MemberData(nameof(Engines))]
    public void A_path_of_four_contracts_its_two_end_edges(EdgeMatchingEngine engine)
    {
        // x = 0, 3, 1, 2. Into 0 and 3 there is one edge each: score 1 + 0.5. Into 1: from 0 (raw 0) and 2 (raw 1);
        // into 2: from 1 (raw 3) and 3 (raw 2); both softmaxes give σ(±1) + 0.5 < 1.5. Greedy takes 1→0, then 2→3.
        using var scope = NewDisposeScope();
        var result = SourceScored(engine).call(Column(0, 3, 1, 2), Undirected((0, 1), (1, 2), (2, 3)));
        AssertClose(new[] { 0.5 + Sigmoid(-1), 1.5, 0.5 + Sigmoid(1), 0.5 + Sigmoid(1), 1.5, 0.5 + Sigmoid(-1) },
                    result.Extras!.EdgeScore!);
        Assert.Equal(2, result.NumClusters);
        Assert.Equal(new long[] { 0, 1, 2, 3 }, Longs(result.NodeIndex));
        Assert.Equal(new long[] { 0, 0, 1, 1 }, Longs(result.ClusterIndex));
        AssertClose(new[] { (0 + 3) * 1.5, (1 + 2) * 1.5 }, result.X);
        AssertClose(new[] { 1.5, 1.5 }, result.Weights!);
        Assert.Equal(new[] { (0L, 0L), (0L, 1L), (1L, 0L), (1L, 1L) }, Pairs(result.EdgeIndex));
        Assert.Equal(new long[] { 0, 0 }, Longs(result.Batch));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void A_path_of_three_contracts_one_edge_and_keeps_the_last_node_with_score_one(EdgeMatchingEngine engine)
    {
        // Edges 1→0 and 1→2 both score 1.5; the tie goes to the lower position (1→0).
        using var scope = NewDisposeScope();
        var result = SourceScored(engine).call(Column(0, 3, 1), Undirected((0, 1), (1, 2)));
        Assert.Equal(new long[] { 0, 0, 1 }, Longs(result.ClusterIndex));
        AssertClose(new[] { 3 * 1.5, 1.0 }, result.X);
        AssertClose(new[] { 1.5, 1.0 }, result.Weights!);
        Assert.Equal(new[] { (0L, 0L), (0L, 1L), (1L, 0L) }, Pairs(result.EdgeIndex));
        AssertClose(new[] { 4.5, 4.5, 1 }, result.Unpool(result.X));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void A_best_self_loop_keeps_its_node_alone_with_the_loop_score(EdgeMatchingEngine engine)
    {
        // x = 5, 0, 9; edges 0→0, 0→1, 2→1. Into 0 only the loop: 1.5. Into 1: raw 5 and 9, so 2→1 scores
        // σ(4) + 0.5 < 1.5 and 0→1 less. The loop is taken first, then 2→1; 0→1 is blocked.
        using var scope = NewDisposeScope();
        var result = SourceScored(engine).call(Column(5, 0, 9), Edges((0, 0), (0, 1), (2, 1)));
        Assert.Equal(new long[] { 0, 1, 1 }, Longs(result.ClusterIndex));
        AssertClose(new[] { 5 * 1.5, 9 * (0.5 + Sigmoid(4)) }, result.X);
        Assert.Equal(new[] { (0L, 0L), (0L, 1L), (1L, 1L) }, Pairs(result.EdgeIndex));
    }

    [Fact]
    public void Clusters_are_grouped_by_graph_contracted_edges_first_then_free_nodes()
    {
        // Graph 0 = path of three (0, 1, 2), graph 1 = edge 3-4 plus isolated node 5. PyG would number the two
        // contracted edges first (clusters 0 and 1) and the free nodes 2 and 5 after them.
        using var scope = NewDisposeScope();
        var pool = SourceScored(EdgeMatchingEngine.Auto);
        var result = pool.call(Column(0, 3, 1, 2, 7, 4), Undirected((0, 1), (1, 2), (3, 4)), Longs(0, 0, 0, 1, 1, 1), 2);
        Assert.Equal(new long[] { 0, 0, 1, 1 }, Longs(result.Batch));
        Assert.Equal(new long[] { 0, 1, 2, 3, 4, 5 }, Longs(result.NodeIndex));
        Assert.Equal(new long[] { 0, 0, 1, 2, 2, 3 }, Longs(result.ClusterIndex));
        AssertClose(new[] { 4.5, 1, 9 * 1.5, 4 }, result.X);
    }

    [Fact]
    public void Parameters_are_pyg_lin_over_both_endpoints()
    {
        var state = new EdgePooling(6).state_dict();
        AssertKeys(new[] { "lin.weight", "lin.bias" }, state);
        Assert.Equal(new long[] { 1, 12 }, state["lin.weight"].shape);
    }
}
