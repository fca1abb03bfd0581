using TopoPool.Core;
using TopoPool.Torch.Pooling;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace TopoPool.Torch.Tests.Pooling;

public class TopoPoolLayerTests
{
    private static (Tensor X, Tensor EdgeIndex, Tensor Batch) TwoMolecules(ScalarType type = ScalarType.Float32)
    {
        // Graph 0: a ring of 5 with a tail; graph 1: a path of 4 plus an isolated node.
        var edges = GraphTensors.EdgeIndex((0, 1), (1, 2), (2, 3), (3, 4), (4, 0), (4, 5), (6, 7), (7, 8), (8, 9));
        var batch = tensor(new long[] { 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1 });
        random.manual_seed(5);
        return (randn(11, 3).to_type(type), edges, batch);
    }

    [Fact]
    public void State_dict_keys_are_the_scoring_layer()
    {
        using var layer = new TopoPooling(4);
        Assert.Equal(new[] { "score.weight", "score.bias" }, layer.state_dict().Keys.ToArray());
        Assert.Equal(new long[] { 1, 4 }, layer.state_dict()["score.weight"].shape);
    }

    [Fact]
    public void Forward_gives_every_part_of_the_result_consistently()
    {
        using var scope = NewDisposeScope();
        var (x, edges, batch) = TwoMolecules();
        using var layer = new TopoPooling(3, connect: true);
        var result = layer.call(x, edges, batch, 2);
        long k = result.NumClusters;
        Assert.Equal(new long[] { k, 3 }, result.X.shape);
        Assert.Equal(new long[] { k }, result.Batch.shape);
        Assert.Equal(new long[] { k }, result.Peaks!.shape);
        Assert.Equal(new long[] { k }, result.Weights!.shape);
        Assert.Equal(new long[] { 11 }, result.Scores!.shape);
        Assert.Equal(11, result.NumNodes);
        Assert.Equal(2, result.NumGraphs);
        Assert.Null(result.AssignmentWeight);
        // Scores are a softmax per graph, weights a softmax per graph over the clusters.
        var scores = GraphTensors.Floats(result.Scores);
        Assert.Equal(1.0, scores.Take(6).Sum(), 5);
        Assert.Equal(1.0, scores.Skip(6).Sum(), 5);
        var weights = GraphTensors.Floats(result.Weights);
        var clusterBatch = GraphTensors.Ints(result.Batch);
        Assert.Equal(1.0, weights.Where((_, i) => clusterBatch[i] == 0).Sum(), 5);
        Assert.Equal(1.0, weights.Where((_, i) => clusterBatch[i] == 1).Sum(), 5);
        Assert.Contains(10, GraphTensors.Ints(result.Peaks)); // the isolated node is its own peak
        // Edge index: both directions.
        var pairs = GraphTensors.Pairs(result.EdgeIndex);
        Assert.All(pairs, p => Assert.Contains((p.Item2, p.Item1), pairs));
    }

    [Fact]
    public void Connect_is_off_by_default()
    {
        using var scope = NewDisposeScope();
        var (x, edges, batch) = TwoMolecules();
        using var layer = new TopoPooling(3);
        Assert.Equal(new long[] { 2, 0 }, layer.call(x, edges, batch, 2).EdgeIndex.shape);
    }

    [Fact]
    public void Engines_agree_inside_the_layer_in_float64()
    {
        using var scope = NewDisposeScope();
        var (x, edges, batch) = TwoMolecules(ScalarType.Float64);
        using var layer = new TopoPooling(3, connect: true, engine: DescentEngine.Managed);
        layer.to(ScalarType.Float64);
        var managed = layer.call(x, edges, batch, 2);
        layer.Engine = DescentEngine.Tensor;
        var tensorEngine = layer.call(x, edges, batch, 2);
        Assert.Equal(ScalarType.Float64, managed.X.dtype);
        Assert.Equal(GraphTensors.Longs(managed.NodeIndex), GraphTensors.Longs(tensorEngine.NodeIndex));
        Assert.Equal(GraphTensors.Longs(managed.ClusterIndex), GraphTensors.Longs(tensorEngine.ClusterIndex));
        Assert.Equal(GraphTensors.Longs(managed.EdgeIndex), GraphTensors.Longs(tensorEngine.EdgeIndex));
        Assert.Equal(GraphTensors.Doubles(managed.X), GraphTensors.Doubles(tensorEngine.X));
    }

    [Fact]
    public void Empty_batch_and_one_graph_overload()
    {
        using var scope = NewDisposeScope();
        using var layer = new TopoPooling(2, connect: true);
        var empty = layer.call(zeros(0, 2), zeros(new long[] { 2, 0 }, ScalarType.Int64), zeros(0, ScalarType.Int64), 3);
        Assert.Equal(new long[] { 0, 2 }, empty.X.shape);
        Assert.Equal(3, empty.NumGraphs);
        Assert.Equal(new long[] { 0, 2 }, empty.Unpool(empty.X).shape);

        var single = layer.call(ones(1, 2), GraphTensors.EdgeIndex());
        Assert.Equal(1, single.NumClusters);
        Assert.Equal(new[] { 1f }, GraphTensors.Floats(single.Weights!));
        Assert.Equal(new[] { 1f, 1f }, GraphTensors.Floats(single.X));
    }

    [Fact]
    public void Unpool_combines_shared_nodes_as_asked()
    {
        using var scope = NewDisposeScope();
        var edges = GraphTensors.EdgeIndex((0, 1), (1, 2), (1, 3), (1, 4));
        var assignment = TopoPoolSelect.Run(tensor(new[] { 3f, 2f, 3f, 1f, 1f }), edges);
        var result = new PoolResult
        {
            X = zeros(2, 1), EdgeIndex = zeros(new long[] { 2, 0 }, ScalarType.Int64), Batch = assignment.ClusterBatch,
            NumGraphs = 1, NumNodes = 5, NumClusters = 2, NodeIndex = assignment.NodeIndex, ClusterIndex = assignment.ClusterIndex,
        };
        var pooled = tensor(new[] { 10f, 1f }, new long[] { 2, 1 });
        // Clusters {0,1,3,4} and {1,2,3,4}: nodes 1, 3, 4 are shared.
        Assert.Equal(new[] { 10f, 11f, 1f, 11f, 11f }, GraphTensors.Floats(result.Unpool(pooled)));
        Assert.Equal(new[] { 10f, 5.5f, 1f, 5.5f, 5.5f }, GraphTensors.Floats(result.Unpool(pooled, UnpoolReduction.Mean)));
        Assert.Equal(new[] { 10f, 10f, 1f, 10f, 10f }, GraphTensors.Floats(result.Unpool(pooled, UnpoolReduction.Max)));
        var weighted = result with { AssignmentWeight = tensor(new[] { 1f, 2f, 1f, 1f, 0f, 1f, 1f, 1f }) };
        Assert.Equal(new[] { 10f, 20f, 1f, 11f, 11f }, GraphTensors.Floats(weighted.Unpool(pooled)));
        Assert.Throws<ArgumentException>(() => result.Unpool(zeros(3, 1)));
    }

    [Fact]
    public void Edges_across_graphs_are_rejected()
    {
        using var scope = NewDisposeScope();
        using var layer = new TopoPooling(2);
        var error = Assert.Throws<ArgumentException>(() =>
            layer.call(ones(3, 2), GraphTensors.EdgeIndex((1, 2)), tensor(new long[] { 0, 0, 1 }), 2));
        Assert.Contains("joins graph 0 and graph 1", error.Message);
    }
}
