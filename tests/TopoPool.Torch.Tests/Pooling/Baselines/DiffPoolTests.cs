using TopoPool.Torch.Pooling;
using TopoPool.Torch.Pooling.Baselines;
using Xunit;
using static TopoPool.Torch.Tests.Convolution.GraphFixtures;
using static TorchSharp.torch;

namespace TopoPool.Torch.Tests.Pooling.Baselines;

public class DiffPoolTests
{
    [Fact]
    public void Dense_layout_places_nodes_by_graph_and_counts_edges()
    {
        using var scope = NewDisposeScope();
        // Graphs: 0 = nodes 0, 1; 1 = node 2; 2 = nodes 3, 4, 5; 3 = empty.
        var layout = DenseLayout.Of(Longs(0, 0, 1, 2, 2, 2), 4);
        Assert.Equal(3, layout.MaxNodes);
        Assert.Equal(new long[] { 0, 1, 0, 0, 1, 2 }, Longs(layout.Position));
        Assert.Equal(new long[] { 0, 1, 3, 6, 7, 8 }, Longs(layout.Slot));
        Assert.Equal(new long[] { 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 0 }, Longs(layout.Mask().to_type(ScalarType.Int64)));
        var dense = layout.ToDense(Column(1, 2, 3, 4, 5, 6));
        Assert.Equal(new long[] { 4, 3, 1 }, dense.shape);
        AssertClose(new double[] { 1, 2, 0, 3, 0, 0, 4, 5, 6, 0, 0, 0 }, dense);
        var adjacency = layout.Adjacency(Edges((0, 1), (1, 0), (3, 5), (3, 5), (4, 4)), ScalarType.Float32);
        Assert.Equal(new long[] { 4, 3, 3 }, adjacency.shape);
        var expected = new double[4 * 9];
        expected[0 * 9 + 0 * 3 + 1] = 1;
        expected[0 * 9 + 1 * 3 + 0] = 1;
        expected[2 * 9 + 0 * 3 + 2] = 2;
        expected[2 * 9 + 1 * 3 + 1] = 1;
        AssertClose(expected, adjacency);
    }

    [Fact]
    public void Dense_diff_pool_of_two_nodes_by_hand()
    {
        // S = [[0.75, 0.25], [0.5, 0.5]] (logits ln 3, 0 and 0, 0); x = 1, 3; A = one edge both ways.
        using var scope = NewDisposeScope();
        var x = tensor(new float[] { 1, 3 }, new long[] { 1, 2, 1 });
        var adjacency = tensor(new float[] { 0, 1, 1, 0 }, new long[] { 1, 2, 2 });
        var logits = tensor(new float[] { (float)Math.Log(3), 0, 0, 0 }, new long[] { 1, 2, 2 });
        var result = DenseDiffPool.Run(x, adjacency, logits, null);
        AssertClose(new[] { 0.75 * 1 + 0.5 * 3, 0.25 * 1 + 0.5 * 3 }, result.X);
        AssertClose(new[] { 0.75, 0.5, 0.5, 0.25 }, result.Adjacency);
        // A − SSᵀ = [[−0.625, 0.5], [0.5, −0.5]].
        AssertClose(new[] { Math.Sqrt(0.625 * 0.625 + 3 * 0.25) / 4 }, result.LinkLoss);
        double h0 = -(0.75 * Math.Log(0.75) + 0.25 * Math.Log(0.25)), h1 = Math.Log(2);
        AssertClose(new[] { (h0 + h1) / 2 }, result.EntropyLoss);
    }

    [Fact]
    public void Padding_is_masked_out_of_features_and_adjacency()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new float[] { 1, 3, 5, 100 }, new long[] { 2, 2, 1 });
        var adjacency = tensor(new float[] { 0, 1, 1, 0, 0, 0, 0, 0 }, new long[] { 2, 2, 2 });
        var logits = tensor(new float[] { (float)Math.Log(3), 0, 0, 0, 0, 0, 7, 7 }, new long[] { 2, 2, 2 });
        var mask = tensor(new[] { true, true, true, false }, new long[] { 2, 2 });
        var result = DenseDiffPool.Run(x, adjacency, logits, mask);
        AssertClose(new[] { 2.25, 1.75, 2.5, 2.5 }, result.X);
        AssertClose(new[] { 0.75, 0.5, 0.5, 0.25, 0, 0, 0, 0 }, result.Adjacency);
        AssertClose(new[] { 0.5, 0.5, 0, 0 }, result.Assignment.select(0, 1).reshape(-1));
    }

    [Fact]
    public void Every_graph_gets_ten_clusters_whose_rows_are_the_soft_assignment_sums()
    {
        using var scope = NewDisposeScope();
        var pool = new DiffPool(3, 5);
        Randomize(pool, 21);
        var x = RandomMatrix(7, 3, 22);
        var batch = Longs(0, 0, 0, 2, 2, 2, 2);
        var edges = Undirected((0, 1), (1, 2), (3, 4), (4, 5), (5, 6), (6, 3));
        var result = pool.call(x, edges, batch, 3);
        Assert.Equal(30, result.NumClusters);
        Assert.Equal(new long[] { 30, 3 }, result.X.shape);
        Assert.Equal(Enumerable.Range(0, 30).Select(k => (long)(k / 10)).ToArray(), Longs(result.Batch));
        Assert.Equal(70, result.NodeIndex.shape[0]);
        // Rows are Σ_i S_ic x_i over the pairs; each node's weights sum to 1; the empty graph's rows are zero.
        var rows = zeros(30, 3).index_add(0, result.ClusterIndex, x.index_select(0, result.NodeIndex) * result.AssignmentWeight!.unsqueeze(1), 1);
        AssertClose(rows, result.X, 1e-5);
        AssertClose(ones(7), zeros(7).index_add(0, result.NodeIndex, result.AssignmentWeight!, 1), 1e-5);
        AssertClose(zeros(10, 3), result.X.narrow(0, 10, 10));
        // Pooled edges are the non-zero entries of SᵀAS, loops included, with their values as weights.
        var extras = result.Extras!;
        Assert.Equal(new long[] { 3, 10, 10 }, extras.DenseAdjacency!.shape);
        var pairs = Pairs(result.EdgeIndex);
        Assert.Equal(200, pairs.Length);
        Assert.All(pairs, p => Assert.Equal(p.Item1 / 10, p.Item2 / 10));
        var flat = extras.DenseAdjacency.reshape(-1);
        AssertClose(flat.index_select(0, Longs(pairs.Select(p => p.Item1 * 10 + p.Item2 % 10).ToArray())), extras.EdgeWeight!);
        AssertClose(extras.LinkLoss! + extras.EntropyLoss!, result.AuxiliaryLoss()!);
    }

    [Fact]
    public void Auxiliary_losses_give_gradients_to_the_assignment_network()
    {
        var pool = new DiffPool(3, 4, clusters: 2);
        var result = pool.call(RandomMatrix(4, 3, 31), Undirected((0, 1), (1, 2), (2, 3)));
        result.AuxiliaryLoss()!.backward();
        foreach (var (name, parameter) in pool.named_parameters())
            Assert.True(parameter.grad is not null && parameter.grad.abs().sum().item<float>() > 0, name);
    }

    [Fact]
    public void Parameters_are_two_gcns_under_stable_names()
    {
        var state = new DiffPool(32, 32).state_dict();
        AssertKeys(new[] { "gnn1.lin.weight", "gnn1.bias", "gnn2.lin.weight", "gnn2.bias" }, state);
        Assert.Equal(new long[] { 10, 32 }, state["gnn2.lin.weight"].shape);
    }
}
