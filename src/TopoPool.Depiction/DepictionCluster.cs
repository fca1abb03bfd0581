namespace TopoPool.Depiction;

/// <summary>
/// One cluster to draw: its member nodes, its peak (the node the cluster grew from) and its weight (the score
/// that scales the pooled features; the picture's colour strength follows it).
/// </summary>
public sealed record DepictionCluster(IReadOnlyList<int> Members, int Peak, double Weight);
