using TopoPool.Cli.Requests;
using TopoPool.Cli.Timing;
using Xunit;

namespace TopoPool.Cli.Tests.Timing;

public class LayerBenchmarkTests
{
    private const string Small = """
        {"num_nodes": 6, "edges": [[0, 1], [1, 0], [1, 2], [3, 4], [4, 4]], "batch": [0, 0, 0, 1, 1, 1], "scores": [1, 2, 3, 4, 5, 6]}
        """;

    [Fact]
    public void Parses_the_cluster_format()
    {
        var batch = BenchmarkBatch.Parse(Small);
        Assert.Equal(6, batch.NumNodes);
        Assert.Equal(2, batch.NumGraphs);
        Assert.Equal(new long[] { 0, 1, 1, 3, 4 }, batch.Sources);
        Assert.Null(batch.Features);
        var withFeatures = BenchmarkBatch.Parse("""{"num_nodes": 2, "edges": [], "features": [[1, 2.5], [3, 4]], "num_graphs": 3}""");
        Assert.Equal(new[] { 1f, 2.5f, 3f, 4f }, withFeatures.Features);
        Assert.Equal(2, withFeatures.FeatureColumns);
        Assert.Equal(3, withFeatures.NumGraphs);
        Assert.Equal(1, BenchmarkBatch.Parse("""{"num_nodes": 2, "edges": [[0, 1]]}""").NumGraphs);
    }

    [Theory]
    [InlineData("""{"edges": []}""", "missing \"num_nodes\"")]
    [InlineData("""{"num_nodes": 2, "edges": [[0, 2]]}""", "edge 0 has endpoint 2, out of range for 2 nodes")]
    [InlineData("""{"num_nodes": 2, "edges": [[0]]}""", "edges[0] must be a pair")]
    [InlineData("""{"num_nodes": 2, "batch": [1, 0]}""", "decreases at node 1")]
    [InlineData("""{"num_nodes": 2, "features": [[1], [1, 2]]}""", "features[1] has 2 values")]
    [InlineData("""{"num_nodes": 2,""", "invalid JSON at line 1")]
    public void Rejects_bad_input_naming_the_problem(string json, string message)
    {
        var error = Assert.Throws<FormatException>(() => BenchmarkBatch.Parse(json));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Run_reports_the_batch_and_restores_the_thread_count()
    {
        int threads = TorchSharp.torch.get_num_threads();
        var result = LayerBenchmark.Run(BenchmarkBatch.Parse(Small), hidden: 5, reps: 3, threads: 1);
        Assert.Equal(threads, TorchSharp.torch.get_num_threads());
        Assert.Equal((6, 5, 2, 5, 3), (result.Nodes, result.Edges, result.Graphs, result.Hidden, result.Reps));
        Assert.InRange(result.Clusters, 2, 6);
        Assert.Equal("ManagedDescentEngine", result.Engine);
        Assert.StartsWith($"TopoPool layer, 6 nodes, 5 edges, 2 graphs, {result.Clusters} clusters, hidden 5, 1 thread(s), median of 3", result.ToText());
    }
}
