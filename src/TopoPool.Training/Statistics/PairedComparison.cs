namespace TopoPool.Training.Statistics;

/// <summary>
/// The paired difference <c>a − b</c> over the seeds both have (the same seed means the same split): its mean, a 95%
/// confidence interval from Student's t, and the two-sided Wilcoxon signed-rank p-value.
/// </summary>
public sealed record PairedComparison(int Pairs, double MeanDifference, double Low, double High, double WilcoxonP)
{
    /// <summary>Compares <paramref name="a"/> with <paramref name="b"/>, each a value per seed; null with fewer than two common seeds.</summary>
    public static PairedComparison? Of(IReadOnlyDictionary<int, double> a, IReadOnlyDictionary<int, double> b)
    {
        var differences = a.Keys.Where(b.ContainsKey).Order().Select(seed => a[seed] - b[seed]).ToList();
        int n = differences.Count;
        if (n < 2) return null;
        double mean = differences.Average();
        double sd = Math.Sqrt(differences.Sum(d => (d - mean) * (d - mean)) / (n - 1));
        double half = StudentT.TwoSided95(n - 1) * sd / Math.Sqrt(n);
        return new PairedComparison(n, mean, mean - half, mean + half, WilcoxonSignedRank.TwoSidedP(differences));
    }

    /// <summary>True when the interval excludes zero.</summary>
    public bool IntervalExcludesZero => Low > 0 || High < 0;
}
