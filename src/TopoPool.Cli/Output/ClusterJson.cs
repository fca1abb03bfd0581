namespace TopoPool.Cli.Output;

/// <summary>What <c>cluster</c> prints: the peaks and, per cluster in (graph, peak) order, its members ascending.</summary>
public sealed record ClusterJson(IReadOnlyList<int> Peaks, IReadOnlyList<IReadOnlyList<int>> Clusters);
