using TopoPool.Core.Pipelines;

namespace TopoPool.Training.Trainer;

/// <summary>
/// Metrics over a whole evaluation set: loss (mean over graphs) and accuracy for classification; MAE, RMSE and R²
/// for regression (plain means over the set — the authors' code averaged running MAEs over batches of one, a bug).
/// </summary>
public sealed record EvaluationMetrics(TaskKind Task, int Count, double Loss, double Accuracy, double Mae, double Rmse, double R2)
{
    /// <summary>The protocol's metric: accuracy (higher is better) or MAE (lower is better).</summary>
    public double Primary => Task == TaskKind.Classification ? Accuracy : Mae;

    public string PrimaryName => MetricName(Task);

    public static string MetricName(TaskKind task) => task == TaskKind.Classification ? "accuracy" : "MAE";

    public static EvaluationMetrics Classification(double loss, IReadOnlyList<int> predicted, IReadOnlyList<int> actual)
    {
        if (predicted.Count != actual.Count) throw new ArgumentException("predictions and labels differ in count");
        int correct = 0;
        for (int i = 0; i < actual.Count; i++) if (predicted[i] == actual[i]) correct++;
        double accuracy = actual.Count == 0 ? double.NaN : (double)correct / actual.Count;
        return new EvaluationMetrics(TaskKind.Classification, actual.Count, loss, accuracy, double.NaN, double.NaN, double.NaN);
    }

    public static EvaluationMetrics Regression(double loss, IReadOnlyList<double> predicted, IReadOnlyList<double> actual)
    {
        if (predicted.Count != actual.Count) throw new ArgumentException("predictions and targets differ in count");
        int n = actual.Count;
        if (n == 0) return new EvaluationMetrics(TaskKind.Regression, 0, loss, double.NaN, double.NaN, double.NaN, double.NaN);
        double mean = 0;
        for (int i = 0; i < n; i++) mean += actual[i];
        mean /= n;
        double absolute = 0, squared = 0, total = 0;
        for (int i = 0; i < n; i++)
        {
            double e = predicted[i] - actual[i];
            absolute += Math.Abs(e);
            squared += e * e;
            total += (actual[i] - mean) * (actual[i] - mean);
        }
        double r2 = total == 0 ? double.NaN : 1 - squared / total;
        return new EvaluationMetrics(TaskKind.Regression, n, loss, double.NaN, absolute / n, Math.Sqrt(squared / n), r2);
    }
}
