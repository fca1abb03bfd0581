using FsCheck;
using FsCheck.Fluent;
using TopoPool.Core;
using TopoPool.Testing;
using TopoPool.Torch.Pooling;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace TopoPool.Torch.Tests.Pooling;

/// <summary>Every engine equals the Core specification on random batches with many tied scores (the shared
/// generator: scores from a few integers, self-loops, duplicate and reversed edges, isolated nodes, empty graphs).</summary>
public class EngineEquivalenceProperties
{
    private const int Cases = 300;

    public static TheoryData<DescentEngine> Engines => new() { DescentEngine.Managed, DescentEngine.Tensor };

    private static void Check(Action<GraphCase> property, string what)
    {
        int total = 0, withTies = 0, withSharedOrEmpty = 0;
        Prop.ForAll(GraphArbitraries.GraphCase(), (GraphCase c) =>
        {
            property(c);
            total++;
            if (GraphCaseModule.hasAdjacentTie(c)) withTies++;
            if (c.NumNodes == 0 || c.Batch.Distinct().Count() < c.NumGraphs) withSharedOrEmpty++;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(Cases));
        // The generator must really exercise ties and empty graphs, or the property proves little.
        Assert.True(withTies * 4 >= total, $"{what}: only {withTies} of {total} cases had adjacent ties");
        Assert.True(withSharedOrEmpty > 0, $"{what}: no case had an empty graph");
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Select_equals_the_specification(DescentEngine engine) => Check(c =>
    {
        var expected = TopoPoolSpec.Select(c.NumNodes, c.Edges, c.Scores, c.Batch, c.NumGraphs);
        foreach (var type in new[] { ScalarType.Float32, ScalarType.Float64 })
        {
            using var scope = NewDisposeScope();
            var actual = TopoPoolSelect.Run(GraphTensors.Scores(c.Scores).to_type(type), GraphTensors.EdgeIndex(c),
                                            GraphTensors.Batch(c.Batch), c.NumGraphs, engine);
            Assert.Equal(expected.NumClusters, actual.NumClusters);
            Assert.Equal(expected.Peaks, GraphTensors.Ints(actual.Peaks));
            Assert.Equal(expected.ClusterBatch, GraphTensors.Ints(actual.ClusterBatch));
            Assert.Equal(expected.NodeIndex, GraphTensors.Ints(actual.NodeIndex));
            Assert.Equal(expected.ClusterIndex, GraphTensors.Ints(actual.ClusterIndex));
            Assert.Equal(expected.Levels, GraphTensors.Ints(actual.Levels));
            Assert.Equal(expected, actual.ToClustering());
        }
    }, $"select/{engine}");

    [Theory]
    [MemberData(nameof(Engines))]
    public void Reduce_equals_the_specification(DescentEngine engine) => Check(c =>
    {
        using var scope = NewDisposeScope();
        var clustering = TopoPoolSpec.Select(c.NumNodes, c.Edges, c.Scores, c.Batch, c.NumGraphs);
        var expected = TopoPoolSpec.Reduce(c.Features, c.Scores, clustering);
        var scores = GraphTensors.Scores(c.Scores);
        var assignment = TopoPoolSelect.Run(scores, GraphTensors.EdgeIndex(c), GraphTensors.Batch(c.Batch), c.NumGraphs, engine);
        var actual = TopoPoolReduce.Run(GraphTensors.Features(c.Features), scores, assignment);
        Assert.Equal(new long[] { clustering.NumClusters, c.Features.Columns }, actual.X.shape);
        AssertClose(expected.Features.Data, GraphTensors.Floats(actual.X));
        AssertClose(expected.Weights, GraphTensors.Floats(actual.Weights));
    }, $"reduce/{engine}");

    [Theory]
    [MemberData(nameof(Engines))]
    public void Connect_equals_the_specification(DescentEngine engine) => Check(c =>
    {
        using var scope = NewDisposeScope();
        var clustering = TopoPoolSpec.Select(c.NumNodes, c.Edges, c.Scores, c.Batch, c.NumGraphs);
        var expected = GraphTensors.BothDirectionsSorted(TopoPoolSpec.Connect(c.Edges, clustering));
        var edgeIndex = GraphTensors.EdgeIndex(c);
        var assignment = TopoPoolSelect.Run(GraphTensors.Scores(c.Scores), edgeIndex, GraphTensors.Batch(c.Batch), c.NumGraphs, engine);
        var actual = TopoPoolConnect.Run(edgeIndex, assignment, engine);
        Assert.Equal(2, actual.shape[0]);
        Assert.Equal(expected, GraphTensors.Pairs(actual));
    }, $"connect/{engine}");

    [Theory]
    [MemberData(nameof(Engines))]
    public void Layer_clusters_equal_the_specification_on_its_own_scores(DescentEngine engine)
    {
        random.manual_seed(11);
        Check(c =>
        {
            using var scope = NewDisposeScope();
            var features = c.Features.Columns == 0 ? FeatureMatrix.Create(c.NumNodes, 1, new float[c.NumNodes]) : c.Features;
            using var layer = new TopoPool.Torch.Pooling.TopoPooling(features.Columns, connect: true, engine: engine);
            var edgeIndex = GraphTensors.EdgeIndex(c);
            PoolResult result;
            using (no_grad()) result = layer.call(GraphTensors.Features(features), edgeIndex, GraphTensors.Batch(c.Batch), c.NumGraphs);
            var scores = GraphTensors.Floats(result.Scores!);
            var clustering = TopoPoolSpec.Select(c.NumNodes, c.Edges, scores, c.Batch, c.NumGraphs);
            Assert.Equal(clustering.Peaks, GraphTensors.Ints(result.Peaks!));
            Assert.Equal(clustering.ClusterBatch, GraphTensors.Ints(result.Batch));
            Assert.Equal(clustering.NodeIndex, GraphTensors.Ints(result.NodeIndex));
            Assert.Equal(clustering.ClusterIndex, GraphTensors.Ints(result.ClusterIndex));
            var pooled = TopoPoolSpec.Reduce(features, scores, clustering);
            AssertClose(pooled.Features.Data, GraphTensors.Floats(result.X));
            AssertClose(pooled.Weights, GraphTensors.Floats(result.Weights!));
            Assert.Equal(GraphTensors.BothDirectionsSorted(TopoPoolSpec.Connect(c.Edges, clustering)), GraphTensors.Pairs(result.EdgeIndex));
        }, $"layer/{engine}");
    }

    private static void AssertClose(IEnumerable<float> expected, float[] actual)
    {
        var e = expected.ToArray();
        Assert.Equal(e.Length, actual.Length);
        for (int i = 0; i < e.Length; i++)
            Assert.True(Math.Abs(e[i] - actual[i]) <= 1e-5, $"entry {i}: expected {e[i]}, got {actual[i]}");
    }
}
