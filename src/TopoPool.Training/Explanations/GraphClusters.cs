namespace TopoPool.Training.Explanations;

/// <summary>One graph's clusters as a person reads them: members (local node indices), peak, weight, and node scores.</summary>
public sealed record GraphClusters(IReadOnlyList<ClusterView> Clusters, IReadOnlyList<float> NodeScores)
{
    /// <summary>The cluster with the largest weight, or null when the graph has none.</summary>
    public ClusterView? Strongest => Clusters.Count == 0 ? null : Clusters.MaxBy(c => c.Weight);
}

/// <summary>One cluster: its members (ascending local node indices), its peak node and its weight σ.</summary>
public sealed record ClusterView(int Index, IReadOnlyList<int> Members, int? Peak, float Weight);
