using TopoPool.Training.Statistics;

namespace TopoPool.Training.OwnData;

/// <summary>
/// The mean and standard deviation of each target over one seed's training molecules: regression targets are trained
/// and predicted as <c>(value − mean) / std</c> and reported back in their own units. Classification targets keep
/// mean 0 and std 1. A target whose training values do not vary gets std 1.
/// </summary>
public sealed record TargetScaling(IReadOnlyList<double> Means, IReadOnlyList<double> Stds)
{
    public static TargetScaling Fit(IReadOnlyList<TargetSpec> targets, IReadOnlyList<MoleculeSample> train)
    {
        var means = new double[targets.Count];
        var stds = new double[targets.Count];
        for (int t = 0; t < targets.Count; t++)
        {
            stds[t] = 1;
            if (targets[t].IsClassification) continue;
            var values = train.Select(s => (double)s.Targets[t]).Where(double.IsFinite).ToList();
            if (values.Count == 0) continue;
            means[t] = Spread.Mean(values);
            double std = Spread.PopulationStd(values);
            stds[t] = std > 0 ? std : 1;
        }
        return new TargetScaling(means, stds);
    }

    public float Scale(int target, float value) => (float)((value - Means[target]) / Stds[target]);

    public double Unscale(int target, double value) => value * Stds[target] + Means[target];
}
