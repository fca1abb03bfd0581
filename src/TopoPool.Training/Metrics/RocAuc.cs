namespace TopoPool.Training.Metrics;

/// <summary>
/// The area under the ROC curve of binary scores: the Mann–Whitney U statistic of the positives' scores divided by
/// n_pos·n_neg, with tied scores sharing the average of their ranks — the probability that a random positive scores
/// above a random negative, a tie counting ½.
/// </summary>
public static class RocAuc
{
    /// <summary>The ROC-AUC, or NaN when there is no positive or no negative. Scores must not be NaN.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static double Of(ReadOnlySpan<double> scores, ReadOnlySpan<bool> isPositive)
    {
        if (scores.Length != isPositive.Length)
        {
            throw new ArgumentException($"{scores.Length} scores for {isPositive.Length} labels", nameof(scores));
        }

        int n = scores.Length;
        var sorted = scores.ToArray();
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Array.Sort(sorted, order);

        long positives = 0;
        double positiveRankSum = 0;
        for (int start = 0; start < n;)
        {
            int end = start;
            while (end + 1 < n && sorted[end + 1] == sorted[start]) end++;
            double rank = (start + end) / 2.0 + 1; // ranks start..end (0-based) share their mean, 1-based
            for (int k = start; k <= end; k++)
            {
                if (!isPositive[order[k]]) continue;
                positives++;
                positiveRankSum += rank;
            }

            start = end + 1;
        }

        long negatives = n - positives;
        if (positives == 0 || negatives == 0) return double.NaN;
        double u = positiveRankSum - positives * (positives + 1) / 2.0;
        return u / ((double)positives * negatives);
    }
}
