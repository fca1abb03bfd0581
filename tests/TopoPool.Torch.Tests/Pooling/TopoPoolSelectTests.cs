using TopoPool.Torch.Pooling;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace TopoPool.Torch.Tests.Pooling;

/// <summary>Hand-written inputs for Select and Connect, each engine.</summary>
public class TopoPoolSelectTests
{
    public static TheoryData<DescentEngine> Engines => new() { DescentEngine.Managed, DescentEngine.Tensor };

    private static int[][] Clusters(ClusterAssignment a)
    {
        var nodes = GraphTensors.Ints(a.NodeIndex);
        var clusters = GraphTensors.Ints(a.ClusterIndex);
        return Enumerable.Range(0, (int)a.NumClusters)
            .Select(k => Enumerable.Range(0, nodes.Length).Where(p => clusters[p] == k).Select(p => nodes[p]).ToArray())
            .ToArray();
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void A_node_reached_from_two_clusters_joins_both_and_passes_both_on(DescentEngine engine)
    {
        // TOPOPOOL.md's smallest case where the authors' code loses labels.
        using var scope = NewDisposeScope();
        var edges = GraphTensors.EdgeIndex((0, 1), (1, 2), (1, 3), (1, 4));
        var a = TopoPoolSelect.Run(tensor(new[] { 3f, 2f, 3f, 1f, 1f }), edges, engine);
        Assert.Equal(new[] { 0, 2 }, GraphTensors.Ints(a.Peaks));
        Assert.Equal(new[] { new[] { 0, 1, 3, 4 }, new[] { 1, 2, 3, 4 } }, Clusters(a));
        Assert.Equal(new[] { 0, 1, 0, 2, 2 }, GraphTensors.Ints(a.Levels));
        Assert.Equal(new long[] { 0, 1, 1, 0 }, GraphTensors.Longs(TopoPoolConnect.Run(edges, a, engine)).ToArray());
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Equal_neighbours_are_both_peaks_and_self_loops_and_duplicates_change_nothing(DescentEngine engine)
    {
        using var scope = NewDisposeScope();
        var plain = TopoPoolSelect.Run(tensor(new[] { 2f, 2f, 1f }), GraphTensors.EdgeIndex((0, 1), (1, 2)), engine);
        var noisy = TopoPoolSelect.Run(tensor(new[] { 2f, 2f, 1f }), GraphTensors.EdgeIndex((2, 1), (1, 1), (0, 1), (1, 0), (2, 2), (1, 2)), engine);
        Assert.Equal(new[] { 0, 1 }, GraphTensors.Ints(plain.Peaks));
        Assert.Equal(new[] { new[] { 0 }, new[] { 1, 2 } }, Clusters(plain));
        Assert.Equal(plain.ToClustering(), noisy.ToClustering());
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Empty_batches_single_nodes_and_empty_graphs_are_handled(DescentEngine engine)
    {
        using var scope = NewDisposeScope();
        var none = TopoPoolSelect.Run(zeros(0), zeros(new long[] { 2, 0 }, ScalarType.Int64), zeros(0, ScalarType.Int64), 0, engine);
        Assert.Equal(0, none.NumClusters);
        Assert.Equal(0, none.NodeIndex.shape[0]);
        Assert.Equal(new long[] { 2, 0 }, TopoPoolConnect.Run(zeros(new long[] { 2, 0 }, ScalarType.Int64), none, engine).shape);

        // Graphs 0 and 2 are empty, graph 1 is one node with a self-loop, graph 3 two isolated nodes; graph 4 (trailing) empty.
        var a = TopoPoolSelect.Run(tensor(new[] { 0.5f, 1f, 1f }), GraphTensors.EdgeIndex((0, 0)), tensor(new long[] { 1, 3, 3 }), 5, engine);
        Assert.Equal(new[] { 0, 1, 2 }, GraphTensors.Ints(a.Peaks));
        Assert.Equal(new[] { 1, 3, 3 }, GraphTensors.Ints(a.ClusterBatch));
        Assert.Equal(new[] { new[] { 0 }, new[] { 1 }, new[] { 2 } }, Clusters(a));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Invalid_inputs_are_rejected_with_the_problem_named(DescentEngine engine)
    {
        using var scope = NewDisposeScope();
        var scores = tensor(new[] { 1f, 2f, 3f });
        var crossing = Assert.Throws<ArgumentException>(() =>
            TopoPoolSelect.Run(scores, GraphTensors.EdgeIndex((0, 1), (1, 2)), tensor(new long[] { 0, 0, 1 }), 2, engine));
        Assert.Contains("edge 1 (1, 2) joins graph 0 and graph 1", crossing.Message);
        var unsorted = Assert.Throws<ArgumentException>(() =>
            TopoPoolSelect.Run(scores, GraphTensors.EdgeIndex(), tensor(new long[] { 1, 0, 1 }), 2, engine));
        Assert.Contains("decreases at node 1", unsorted.Message);
        var outOfRange = Assert.Throws<ArgumentException>(() =>
            TopoPoolSelect.Run(scores, GraphTensors.EdgeIndex((0, 3)), engine));
        Assert.Contains("out of range for 3 nodes", outOfRange.Message);
        var notFinite = Assert.Throws<ArgumentException>(() =>
            TopoPoolSelect.Run(tensor(new[] { 1f, float.NaN, 3f }), GraphTensors.EdgeIndex(), engine));
        Assert.Contains("node 1", notFinite.Message);
        Assert.Throws<ArgumentException>(() => TopoPoolSelect.Run(scores, tensor(new long[] { 0, 1 }), engine));
    }

    [Fact]
    public void Assignment_tensors_are_int64_on_the_input_device()
    {
        using var scope = NewDisposeScope();
        foreach (var engine in new[] { DescentEngine.Managed, DescentEngine.Tensor })
        {
            var a = TopoPoolSelect.Run(tensor(new[] { 1f, 2f }), GraphTensors.EdgeIndex((0, 1)), engine);
            foreach (var t in new[] { a.Peaks, a.ClusterBatch, a.NodeIndex, a.ClusterIndex, a.Levels })
            {
                Assert.Equal(ScalarType.Int64, t.dtype);
                Assert.Equal(DeviceType.CPU, t.device_type);
            }
        }
        Assert.IsType<ManagedDescentEngine>(TopoPoolSelect.Engine(DescentEngine.Auto, CPU));
        Assert.IsType<TensorDescentEngine>(TopoPoolSelect.Engine(DescentEngine.Auto, new Device(DeviceType.CUDA, 0)));
    }
}
