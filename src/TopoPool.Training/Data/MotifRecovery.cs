namespace TopoPool.Training.Data;

/// <summary>
/// How well a pooling layer finds the planted motif: per graph, the intersection over union (Jaccard index) of the
/// node set of its highest-weighted cluster and the motif's node set, averaged over graphs.
/// </summary>
/// <example><code>
/// double iou = MotifRecovery.IntersectionOverUnion([1, 2, 3], [2, 3, 4]);   // 2 / 4 = 0.5
/// double mean = MotifRecovery.MeanIntersectionOverUnion(bestClusters, samples.Select(s => (IEnumerable&lt;int&gt;)s.MotifNodes).ToList());
/// </code></example>
public static class MotifRecovery
{
    /// <summary>|A ∩ B| / |A ∪ B| of two node sets (repeated nodes count once); 1 when both are empty.</summary>
    public static double IntersectionOverUnion(IEnumerable<int> predicted, IEnumerable<int> planted)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(planted);
        var a = new HashSet<int>(predicted);
        var b = new HashSet<int>(planted);
        if (a.Count == 0 && b.Count == 0)
        {
            return 1.0;
        }

        int intersection = 0;
        foreach (int node in a)
        {
            if (b.Contains(node))
            {
                intersection++;
            }
        }

        return (double)intersection / (a.Count + b.Count - intersection);
    }

    /// <summary>The mean of <see cref="IntersectionOverUnion"/> over graphs: <paramref name="predicted"/>[g] and
    /// <paramref name="planted"/>[g] are the node sets of graph g. Throws when there are no graphs.</summary>
    public static double MeanIntersectionOverUnion(IReadOnlyList<IEnumerable<int>> predicted, IReadOnlyList<IEnumerable<int>> planted)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(planted);
        if (predicted.Count != planted.Count)
        {
            throw new ArgumentException($"{predicted.Count} predicted node sets for {planted.Count} planted ones", nameof(predicted));
        }

        if (predicted.Count == 0)
        {
            throw new ArgumentException("motif recovery needs at least one graph", nameof(predicted));
        }

        double sum = 0;
        for (int g = 0; g < predicted.Count; g++)
        {
            sum += IntersectionOverUnion(predicted[g], planted[g]);
        }

        return sum / predicted.Count;
    }
}
