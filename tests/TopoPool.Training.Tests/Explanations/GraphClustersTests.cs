using TopoPool.Training.Explanations;
using Xunit;

namespace TopoPool.Training.Tests.Explanations;

/// <summary>The strongest cluster of a graph: the one with the largest weight σ, wherever it is listed.</summary>
public class GraphClustersTests
{
    [Fact]
    public void The_strongest_cluster_is_the_one_with_the_largest_weight_even_when_listed_last()
    {
        var clusters = new GraphClusters(
            [new ClusterView(0, [0, 1], 0, 0.2f), new ClusterView(1, [2], 2, 0.3f), new ClusterView(2, [3, 4], 4, 0.5f)],
            [0.1f, 0.1f, 0.3f, 0.2f, 0.3f]);

        Assert.Equal(2, clusters.Strongest?.Index);
    }

    [Fact]
    public void The_strongest_cluster_is_the_one_with_the_largest_weight_when_listed_first()
    {
        var clusters = new GraphClusters([new ClusterView(0, [0], 0, 0.9f), new ClusterView(1, [1], 1, 0.1f)], []);

        Assert.Equal(0, clusters.Strongest?.Index);
    }

    [Fact]
    public void A_graph_without_clusters_has_no_strongest_one()
    {
        Assert.Null(new GraphClusters([], []).Strongest);
    }

    [Fact]
    public void The_strongest_labels_are_the_labels_of_the_strongest_clusters_members_in_member_order()
    {
        var explanation = new StructureExplanation(
            "OC(=O)C",
            "molecule",
            ["O", "C", "O", "C"],
            new GraphClusters([new ClusterView(0, [1, 3], 3, 0.4f), new ClusterView(1, [0, 1, 2], 0, 0.6f)], []));

        Assert.Equal(["O", "C", "O"], explanation.StrongestLabels);
        Assert.Empty(new StructureExplanation("x", "molecule", ["C"], new GraphClusters([], [])).StrongestLabels);
    }
}
