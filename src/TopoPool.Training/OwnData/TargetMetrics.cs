using TopoPool.Training.Metrics;

namespace TopoPool.Training.OwnData;

/// <summary>
/// The metrics of one target over the molecules that have a value for it: MAE, RMSE and R² in the target's own units
/// (regression); accuracy, ROC-AUC and PR-AUC (average precision) for classification — binary from the second class's
/// probability, multi-class macro one-vs-rest (<see cref="ClassificationMetrics"/>). NaN where a metric is
/// not defined (no molecule with a value; one class only).
/// </summary>
public sealed record TargetMetrics(string Name, string Kind, int Count, double Mae, double Rmse, double R2, double Accuracy, double RocAuc, double PrAuc)
{
    /// <summary>Per target, from decoded predictions (<see cref="OwnDataOutputs.Decode"/>) and actual values in their own
    /// units (class indices for classification targets; NaN where missing).</summary>
    public static IReadOnlyList<TargetMetrics> Compute(IReadOnlyList<TargetSpec> targets, IReadOnlyList<double[]> predicted, IReadOnlyList<float[]> actual)
    {
        var metrics = new List<TargetMetrics>(targets.Count);
        for (int t = 0; t < targets.Count; t++)
        {
            var target = targets[t];
            var rows = Enumerable.Range(0, actual.Count).Where(i => !float.IsNaN(actual[i][t])).ToList();
            var actualValues = rows.Select(i => (double)actual[i][t]).ToArray();
            if (target.IsClassification)
            {
                var c = target.Width == 2
                    ? ClassificationMetrics.Compute(rows.Select(i => predicted[i][target.Offset + 1]).ToArray(), actualValues)
                    : ClassificationMetrics.Compute(rows.SelectMany(i => predicted[i].AsSpan(target.Offset, target.Width).ToArray()).ToArray(), target.Width, actualValues);
                metrics.Add(new TargetMetrics(target.Name, "classification", c.Count, double.NaN, double.NaN, double.NaN, c.Accuracy, c.RocAuc, c.PrAuc));
            }
            else
            {
                var r = RegressionMetrics.Compute(rows.Select(i => predicted[i][target.Offset]).ToArray(), actualValues);
                metrics.Add(new TargetMetrics(target.Name, "regression", r.Count, r.Mae, r.Rmse, r.R2, double.NaN, double.NaN, double.NaN));
            }
        }
        return metrics;
    }
}
