using TopoPool.Torch.Pooling;
using TopoPool.Training.Explanations;
using Xunit;
using static TorchSharp.torch;

namespace TopoPool.Training.Tests.Explanations;

/// <summary>
/// The reader from a pooling layer's tensors to per-graph clusters: on results written by hand (assignment pairs out of
/// order, a graph without nodes, a layer without peaks, scores or weights) and on the real TopoPool layer with scores
/// fixed by hand, whose clusters, peaks and weights are worked out from design/TOPOPOOL.md.
/// </summary>
public class PoolResultReaderTests
{
    private static Tensor Longs(params long[] values) => tensor(values);

    private static Tensor Floats(params float[] values) => tensor(values);

    private static void AssertCluster(ClusterView cluster, int index, int[] members, int? peak, float weight)
    {
        Assert.Equal(index, cluster.Index);
        Assert.Equal(members, cluster.Members);
        Assert.Equal(peak, cluster.Peak);
        Assert.Equal(weight, cluster.Weight, 1e-6f);
    }

    [Fact]
    public void Clusters_come_per_graph_with_local_members_ascending_and_their_peaks_weights_and_scores()
    {
        using var scope = NewDisposeScope();
        // Graph 0 is nodes 0-4 (edges 0-1, 1-2, 1-3, 1-4), clustered as {0,1,3,4} around peak 0 and {1,2,3,4} around
        // peak 2 (nodes 1, 3 and 4 shared); graph 1 is nodes 5-7, one cluster around node 6. The pairs are shuffled.
        var result = new PoolResult
        {
            X = zeros(3, 1),
            EdgeIndex = zeros(new long[] { 2, 0 }, ScalarType.Int64),
            Batch = Longs(0, 0, 1),
            NumGraphs = 2,
            NumNodes = 8,
            NumClusters = 3,
            NodeIndex = Longs(7, 4, 1, 3, 0, 2, 1, 3, 4, 5, 6),
            ClusterIndex = Longs(2, 0, 0, 1, 0, 1, 1, 0, 1, 2, 2),
            Peaks = Longs(0, 2, 6),
            Scores = Floats(0.3f, 0.1f, 0.4f, 0.1f, 0.1f, 0.2f, 0.7f, 0.1f),
            Weights = Floats(0.25f, 0.75f, 1f),
        };

        var graphs = PoolResultReader.PerGraph(result, Longs(0, 0, 0, 0, 0, 1, 1, 1), 2);

        Assert.Equal(2, graphs.Count);
        Assert.Equal(2, graphs[0].Clusters.Count);
        AssertCluster(graphs[0].Clusters[0], 0, [0, 1, 3, 4], 0, 0.25f);
        AssertCluster(graphs[0].Clusters[1], 1, [1, 2, 3, 4], 2, 0.75f);
        Assert.Equal([0.3f, 0.1f, 0.4f, 0.1f, 0.1f], graphs[0].NodeScores);
        Assert.Same(graphs[0].Clusters[1], graphs[0].Strongest);

        // Graph 1's nodes 5, 6, 7 are its own 0, 1, 2; its one cluster is its cluster 0.
        var only = Assert.Single(graphs[1].Clusters);
        AssertCluster(only, 0, [0, 1, 2], 1, 1f);
        Assert.Equal([0.2f, 0.7f, 0.1f], graphs[1].NodeScores);
    }

    [Fact]
    public void A_graph_without_nodes_has_no_clusters_and_the_graphs_after_it_keep_their_own_indices()
    {
        using var scope = NewDisposeScope();
        // Three graphs: nodes 0-1, none, nodes 2-3; one cluster each in graphs 0 and 2.
        var result = new PoolResult
        {
            X = zeros(2, 1),
            EdgeIndex = zeros(new long[] { 2, 0 }, ScalarType.Int64),
            Batch = Longs(0, 2),
            NumGraphs = 3,
            NumNodes = 4,
            NumClusters = 2,
            NodeIndex = Longs(0, 1, 2, 3),
            ClusterIndex = Longs(0, 0, 1, 1),
            Peaks = Longs(1, 3),
            Scores = Floats(0.4f, 0.6f, 0.9f, 0.1f),
            Weights = Floats(1f, 1f),
        };

        var graphs = PoolResultReader.PerGraph(result, Longs(0, 0, 2, 2), 3);

        Assert.Equal(3, graphs.Count);
        AssertCluster(Assert.Single(graphs[0].Clusters), 0, [0, 1], 1, 1f);
        Assert.Empty(graphs[1].Clusters);
        Assert.Empty(graphs[1].NodeScores);
        Assert.Null(graphs[1].Strongest);
        AssertCluster(Assert.Single(graphs[2].Clusters), 0, [0, 1], 1, 1f);
        Assert.Equal([0.9f, 0.1f], graphs[2].NodeScores);
    }

    [Fact]
    public void A_layer_without_peaks_scores_or_weights_gives_weight_one_no_peak_and_no_scores()
    {
        using var scope = NewDisposeScope();
        // A top-k-like result on one graph of four nodes: node 2 alone in cluster 1, node 0 alone in cluster 0,
        // nodes 1 and 3 dropped.
        var result = new PoolResult
        {
            X = zeros(2, 1),
            EdgeIndex = zeros(new long[] { 2, 0 }, ScalarType.Int64),
            Batch = Longs(0, 0),
            NumGraphs = 1,
            NumNodes = 4,
            NumClusters = 2,
            NodeIndex = Longs(2, 0),
            ClusterIndex = Longs(1, 0),
        };

        var graph = Assert.Single(PoolResultReader.PerGraph(result, Longs(0, 0, 0, 0), 1));

        Assert.Equal(2, graph.Clusters.Count);
        AssertCluster(graph.Clusters[0], 0, [0], null, 1f);
        AssertCluster(graph.Clusters[1], 1, [2], null, 1f);
        Assert.Empty(graph.NodeScores);
        Assert.DoesNotContain(graph.Clusters, c => c.Members.Contains(1) || c.Members.Contains(3));
    }

    [Theory]
    [InlineData(DescentEngine.Managed)]
    [InlineData(DescentEngine.Tensor)]
    public void The_topopool_layer_read_back_gives_the_clusters_peaks_and_weights_of_the_specification(DescentEngine engine)
    {
        using var scope = NewDisposeScope();
        using var layer = new TopoPooling(1, engine: engine);
        using (no_grad())
        {
            // e = x: the raw score of each node is its one feature.
            layer.named_parameters().Single(p => p.name == "score.weight").parameter.fill_(1f);
            layer.named_parameters().Single(p => p.name == "score.bias").parameter.fill_(0f);
        }

        // Graph 0: nodes 0-4, edges 0-1, 1-2, 1-3, 1-4, raw scores 3, 2, 4, 1, 1. Peaks: 0 (3 >= 2) and 2 (4 >= 2).
        // Level 1: node 1 descends from both (2 <= 3, 2 <= 4) and joins both clusters; level 2: nodes 3 and 4
        // descend from node 1 (1 <= 2) and join every cluster node 1 carries. So {0,1,3,4} and {1,2,3,4}.
        // Graph 1: path 5-6-7 with scores 1, 5, 2: one peak, 6, and one cluster of all three.
        // Graph 2: node 8 alone: a peak of its own.
        float[] raw = [3, 2, 4, 1, 1, 1, 5, 2, 0];
        long[] nodeBatch = [0, 0, 0, 0, 0, 1, 1, 1, 2];
        var x = tensor(raw).reshape(9, 1);
        var edges = tensor(new long[] { 0, 1, 1, 1, 5, 6, 1, 2, 3, 4, 6, 7 }).reshape(2, 6);
        var batch = tensor(nodeBatch);

        using var noGrad = no_grad();
        var result = layer.call(x, edges, batch, 3);
        var graphs = PoolResultReader.PerGraph(result, batch, 3);

        // s = the softmax of e within each graph; σ = the softmax of the peaks' s over the clusters of a graph.
        double[] s = new double[raw.Length];
        for (int i = 0; i < raw.Length; i++)
            s[i] = Math.Exp(raw[i]) / Enumerable.Range(0, raw.Length).Where(j => nodeBatch[j] == nodeBatch[i]).Sum(j => Math.Exp(raw[j]));
        double sigma0 = Math.Exp(s[0]) / (Math.Exp(s[0]) + Math.Exp(s[2]));
        double sigma1 = Math.Exp(s[2]) / (Math.Exp(s[0]) + Math.Exp(s[2]));

        Assert.Equal(3, graphs.Count);
        Assert.Equal(2, graphs[0].Clusters.Count);
        AssertCluster(graphs[0].Clusters[0], 0, [0, 1, 3, 4], 0, (float)sigma0);
        AssertCluster(graphs[0].Clusters[1], 1, [1, 2, 3, 4], 2, (float)sigma1);
        Assert.Same(graphs[0].Clusters[1], graphs[0].Strongest);
        AssertCluster(Assert.Single(graphs[1].Clusters), 0, [0, 1, 2], 1, 1f);
        AssertCluster(Assert.Single(graphs[2].Clusters), 0, [0], 0, 1f);

        var scores = graphs.SelectMany(g => g.NodeScores).ToArray();
        Assert.Equal(raw.Length, scores.Length);
        for (int i = 0; i < raw.Length; i++) Assert.Equal(s[i], scores[i], 1e-6);
    }
}
