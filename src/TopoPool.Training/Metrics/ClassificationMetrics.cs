using System.Globalization;

namespace TopoPool.Training.Metrics;

/// <summary>
/// Accuracy, ROC-AUC and PR-AUC (average precision) of one classification target, over the pairs whose actual class
/// is known: a pair whose actual value is NaN (a missing target) is left out, and <see cref="Count"/> is the number
/// of pairs used. Actual values are class indices (0 or 1 for a binary target).
/// </summary>
/// <remarks>
/// Binary: the scores are the probability of class 1; a pair is predicted 1 when it is above 0.5 (the argmax of
/// (1 − p, p), the first class winning a tie). <see cref="Metrics.RocAuc"/> and <see cref="AveragePrecision"/> give the
/// areas. Multi-class: accuracy of the argmax (the first highest score winning a tie), and both areas macro-averaged
/// one-vs-rest over the classes that occur both as the actual class and as another class of some pair; classes that
/// do not are left out of the average. A metric that is undefined is NaN and <see cref="Problem"/> says why: no pair
/// with a known class (every metric), only one class among the actual values (both areas), a NaN score among the
/// pairs used (every metric). Nothing is thrown for those; only arguments that cannot be read are refused.
/// </remarks>
public sealed record ClassificationMetrics(int Count, double Accuracy, double RocAuc, double PrAuc, string? Problem)
{
    public const string NoPairs = "no pair has a known actual class";

    /// <summary>Binary metrics from the probability of class 1 and actual classes 0, 1 or NaN (missing).</summary>
    /// <exception cref="ArgumentException">The spans differ in length, or an actual value is not 0, 1 or NaN.</exception>
    public static ClassificationMetrics Compute(ReadOnlySpan<double> positiveProbability, ReadOnlySpan<double> actual)
    {
        if (positiveProbability.Length != actual.Length)
        {
            throw new ArgumentException($"{positiveProbability.Length} predictions for {actual.Length} actual values", nameof(positiveProbability));
        }

        int[] used = KnownPairs(actual, 2);
        if (used.Length == 0) return Undefined(0, NoPairs);

        var scores = new double[used.Length];
        var isPositive = new bool[used.Length];
        int correct = 0;
        for (int k = 0; k < used.Length; k++)
        {
            int i = used[k];
            if (double.IsNaN(positiveProbability[i])) return Undefined(used.Length, NaNScore(i));
            scores[k] = positiveProbability[i];
            isPositive[k] = actual[i] == 1;
            if ((scores[k] > 0.5) == isPositive[k]) correct++;
        }

        double accuracy = (double)correct / used.Length;
        int positives = isPositive.Count(p => p);
        if (positives == 0 || positives == used.Length)
        {
            return new ClassificationMetrics(used.Length, accuracy, double.NaN, double.NaN, OneClass(positives == 0 ? 0 : 1));
        }

        return new ClassificationMetrics(used.Length, accuracy, Metrics.RocAuc.Of(scores, isPositive), AveragePrecision.Of(scores, isPositive), null);
    }

    /// <summary>
    /// Multi-class metrics from scores laid out row by row (<paramref name="classCount"/> per pair: row i is
    /// <c>classScores[i * classCount .. (i + 1) * classCount)</c>) and actual classes 0 .. classCount − 1 or NaN.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than two classes, a score table of the wrong size, or an actual
    /// value that is not a class index or NaN.</exception>
    public static ClassificationMetrics Compute(ReadOnlySpan<double> classScores, int classCount, ReadOnlySpan<double> actual)
    {
        if (classCount < 2) throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "a classification target has at least two classes");
        if (classScores.Length != (long)actual.Length * classCount)
        {
            throw new ArgumentException($"{classScores.Length} scores for {actual.Length} actual values of {classCount} classes", nameof(classScores));
        }

        int[] used = KnownPairs(actual, classCount);
        if (used.Length == 0) return Undefined(0, NoPairs);

        int n = used.Length;
        var byClass = new double[classCount][];
        for (int c = 0; c < classCount; c++) byClass[c] = new double[n];
        var label = new int[n];
        var presence = new int[classCount];
        int correct = 0;
        for (int k = 0; k < n; k++)
        {
            int i = used[k];
            ReadOnlySpan<double> row = classScores.Slice(i * classCount, classCount);
            int best = 0;
            for (int c = 0; c < classCount; c++)
            {
                if (double.IsNaN(row[c])) return Undefined(n, NaNScore(i));
                byClass[c][k] = row[c];
                if (row[c] > row[best]) best = c;
            }

            label[k] = (int)actual[i];
            presence[label[k]]++;
            if (best == label[k]) correct++;
        }

        double accuracy = (double)correct / n;
        double rocSum = 0, prSum = 0;
        int averaged = 0;
        var isPositive = new bool[n];
        for (int c = 0; c < classCount; c++)
        {
            if (presence[c] == 0 || presence[c] == n) continue; // not present in both polarities
            for (int k = 0; k < n; k++) isPositive[k] = label[k] == c;
            rocSum += Metrics.RocAuc.Of(byClass[c], isPositive);
            prSum += AveragePrecision.Of(byClass[c], isPositive);
            averaged++;
        }

        if (averaged == 0) return new ClassificationMetrics(n, accuracy, double.NaN, double.NaN, OneClass(label[0]));
        return new ClassificationMetrics(n, accuracy, rocSum / averaged, prSum / averaged, null);
    }

    /// <summary>Positions whose actual value is known, checking that each is a class index below <paramref name="classCount"/>.</summary>
    private static int[] KnownPairs(ReadOnlySpan<double> actual, int classCount)
    {
        var used = new List<int>(actual.Length);
        for (int i = 0; i < actual.Length; i++)
        {
            double value = actual[i];
            if (double.IsNaN(value)) continue;
            if (value < 0 || value >= classCount || value != Math.Floor(value))
            {
                throw new ArgumentException(
                    $"actual value {value.ToString(CultureInfo.InvariantCulture)} at position {i} is not a class index 0..{classCount - 1} (or NaN for missing)",
                    nameof(actual));
            }

            used.Add(i);
        }

        return [.. used];
    }

    private static ClassificationMetrics Undefined(int count, string problem) => new(count, double.NaN, double.NaN, double.NaN, problem);

    private static string NaNScore(int position) => $"the prediction at position {position} is NaN";

    private static string OneClass(int present) =>
        $"only class {present} occurs among the actual values: ROC-AUC and PR-AUC need a positive and a negative";
}
