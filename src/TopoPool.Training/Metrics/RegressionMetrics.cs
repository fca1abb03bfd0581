namespace TopoPool.Training.Metrics;

/// <summary>
/// Mean absolute error, root mean squared error and the coefficient of determination R² = 1 − SSres/SStot of one
/// regression target, over the pairs whose actual value is known: a pair whose actual value is NaN (a missing target)
/// is left out, and <see cref="Count"/> is the number of pairs used.
/// </summary>
/// <remarks>
/// With no pair left every metric is NaN. When every actual value is the same, SStot is 0 and R² is undefined: it is
/// NaN (not scikit-learn's "1 if the predictions are perfect, else 0", which reads a perfect score into one lucky
/// constant), while MAE and RMSE are still given. <see cref="Problem"/> says why a metric is NaN. A NaN prediction of a
/// known target is kept and makes the metrics NaN: it is the model's output, not a missing target.
/// </remarks>
public sealed record RegressionMetrics(int Count, double Mae, double Rmse, double R2, string? Problem)
{
    public const string NoPairs = "no pair has a known actual value";

    public const string ConstantActuals = "every actual value is the same, so R² (1 − SSres/SStot with SStot = 0) is undefined";

    /// <summary>The metrics of <paramref name="predicted"/> against <paramref name="actual"/> (NaN where missing).</summary>
    /// <exception cref="ArgumentException">The two spans differ in length.</exception>
    public static RegressionMetrics Compute(ReadOnlySpan<double> predicted, ReadOnlySpan<double> actual)
    {
        if (predicted.Length != actual.Length)
        {
            throw new ArgumentException($"{predicted.Length} predictions for {actual.Length} actual values", nameof(predicted));
        }

        int count = 0;
        double mean = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            if (double.IsNaN(actual[i])) continue;
            count++;
            mean += (actual[i] - mean) / count; // running mean: no overflow from a large sum
        }

        if (count == 0) return new RegressionMetrics(0, double.NaN, double.NaN, double.NaN, NoPairs);

        double absolute = 0, squared = 0, total = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            if (double.IsNaN(actual[i])) continue;
            double error = predicted[i] - actual[i];
            double deviation = actual[i] - mean;
            absolute += Math.Abs(error);
            squared += error * error;
            total += deviation * deviation;
        }

        double mae = absolute / count, rmse = Math.Sqrt(squared / count);
        return total == 0
            ? new RegressionMetrics(count, mae, rmse, double.NaN, ConstantActuals)
            : new RegressionMetrics(count, mae, rmse, 1 - squared / total, null);
    }
}
