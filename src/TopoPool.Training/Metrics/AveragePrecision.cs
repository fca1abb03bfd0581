namespace TopoPool.Training.Metrics;

/// <summary>
/// The area under the precision–recall curve as average precision, scikit-learn's <c>average_precision_score</c>:
/// Σ_k (R_k − R_{k−1})·P_k over the distinct scores taken as thresholds from the highest down (all tied scores pass a
/// threshold together), P_k and R_k the precision and recall of calling every score at or above it positive, R_0 = 0.
/// No interpolation between points.
/// </summary>
public static class AveragePrecision
{
    /// <summary>The average precision, or NaN when there is no positive. Scores must not be NaN.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static double Of(ReadOnlySpan<double> scores, ReadOnlySpan<bool> isPositive)
    {
        if (scores.Length != isPositive.Length)
        {
            throw new ArgumentException($"{scores.Length} scores for {isPositive.Length} labels", nameof(scores));
        }

        int n = scores.Length;
        int positives = 0;
        foreach (bool positive in isPositive) if (positive) positives++;
        if (positives == 0) return double.NaN;

        var descending = new double[n];
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            descending[i] = -scores[i];
            order[i] = i;
        }

        Array.Sort(descending, order);

        double sum = 0;
        int truePositives = 0;
        for (int start = 0; start < n;)
        {
            int end = start, groupPositives = 0;
            while (end + 1 < n && descending[end + 1] == descending[start]) end++;
            for (int k = start; k <= end; k++) if (isPositive[order[k]]) groupPositives++;
            truePositives += groupPositives;
            double precision = (double)truePositives / (end + 1);
            sum += (double)groupPositives / positives * precision;
            start = end + 1;
        }

        return sum;
    }
}
