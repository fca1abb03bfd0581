namespace TopoPool.Training.Statistics;

/// <summary>
/// The two-sided Wilcoxon signed-rank test of paired differences against zero. Zero differences are dropped (Wilcoxon's
/// original rule); tied absolute differences get their average rank. The p-value is exact — the share of the
/// 2^n sign assignments whose rank sum is at least as far from its mean as the observed one — for up to 20 nonzero
/// differences, and from the normal approximation with a tie correction above that.
/// </summary>
public static class WilcoxonSignedRank
{
    public const int ExactLimit = 20;

    /// <summary>The two-sided p-value (1 when every difference is zero).</summary>
    public static double TwoSidedP(IReadOnlyList<double> differences)
    {
        var nonzero = differences.Where(d => d != 0).ToArray();
        int n = nonzero.Length;
        if (n == 0) return 1;
        var ranks = AverageRanks(nonzero.Select(Math.Abs).ToArray());
        double positive = 0;
        for (int i = 0; i < n; i++) if (nonzero[i] > 0) positive += ranks[i];
        double mean = ranks.Sum() / 2;
        double observed = Math.Abs(positive - mean);
        if (n <= ExactLimit)
        {
            long extreme = 0, total = 1L << n;
            for (long signs = 0; signs < total; signs++)
            {
                double sum = 0;
                for (int i = 0; i < n; i++) if ((signs & (1L << i)) != 0) sum += ranks[i];
                if (Math.Abs(sum - mean) >= observed - 1e-9) extreme++;
            }
            return (double)extreme / total;
        }
        double variance = ranks.Sum(r => r * r) / 4;
        double z = observed / Math.Sqrt(variance);
        return Math.Min(1, 2 * (1 - NormalCdf(z)));
    }

    /// <summary>1-based ranks of <paramref name="values"/>, ties sharing the mean of their ranks.</summary>
    public static double[] AverageRanks(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Length];
        for (int start = 0; start < order.Length;)
        {
            int end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]]) end++;
            double rank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) ranks[order[k]] = rank;
            start = end + 1;
        }
        return ranks;
    }

    private static double NormalCdf(double z) => 0.5 * (1 + Erf(z / Math.Sqrt(2)));

    // Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7).
    private static double Erf(double x)
    {
        double sign = Math.Sign(x);
        x = Math.Abs(x);
        double t = 1 / (1 + 0.3275911 * x);
        double y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x);
        return sign * y;
    }
}
