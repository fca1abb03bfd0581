using FsCheck;
using FsCheck.Fluent;
using TopoPool.Training.Metrics;
using Xunit;

namespace TopoPool.Training.Tests.Metrics;

public sealed class RegressionMetricsTests
{
    /// <summary>(predicted, actual) pairs of quarter steps in [-12.5, 12.5]; shrinking drops one pair at a time.</summary>
    private static readonly Arbitrary<(double Predicted, double Actual)[]> Pairs = Arb.From(
        Gen.Sized(size =>
            from n in Gen.Choose(1, Math.Min(1 + size, 40))
            from pairs in (from p in Gen.Choose(-50, 50) from a in Gen.Choose(-50, 50) select (p / 4.0, a / 4.0)).ArrayOf(n)
            select pairs),
        pairs => Enumerable.Range(0, pairs.Length).Where(_ => pairs.Length > 1).Select(i => pairs.Where((_, k) => k != i).ToArray()));

    [Fact]
    public void Worked_by_hand_with_a_missing_target_left_out()
    {
        // Known pairs: errors -1, 0, 2, 1 on targets 1, 2, 3, 6 (mean 3, SStot 4 + 1 + 0 + 9 = 14, SSres 1 + 0 + 4 + 1
        // = 6): MAE 4/4 = 1, RMSE √(6/4), R² 1 - 6/14. The third pair's target is missing.
        var m = RegressionMetrics.Compute([0, 2, 100, 5, 7], [1, 2, double.NaN, 3, 6]);
        Assert.Equal(4, m.Count);
        Assert.Equal(1.0, m.Mae, 14);
        Assert.Equal(Math.Sqrt(6.0 / 4), m.Rmse, 14);
        Assert.Equal(1 - (6.0 / 14), m.R2, 14);
        Assert.Null(m.Problem);
    }

    [Fact]
    public void Equal_actual_values_leave_R2_undefined_as_NaN_and_say_so()
    {
        // SStot = 0. MAE (1 + 0 + 2) / 3 = 1 and RMSE √(5/3) are still given; R² is NaN even for perfect predictions.
        var m = RegressionMetrics.Compute([1, 2, 4], [2, 2, 2]);
        Assert.Equal(3, m.Count);
        Assert.Equal(1.0, m.Mae, 14);
        Assert.Equal(Math.Sqrt(5.0 / 3), m.Rmse, 14);
        Assert.True(double.IsNaN(m.R2));
        Assert.Equal(RegressionMetrics.ConstantActuals, m.Problem);

        var perfect = RegressionMetrics.Compute([0.1, 0.1, 0.1], [0.1, 0.1, 0.1]);
        Assert.Equal(0.0, perfect.Mae);
        Assert.True(double.IsNaN(perfect.R2));
        Assert.Equal(RegressionMetrics.ConstantActuals, perfect.Problem);
    }

    [Fact]
    public void Without_a_known_target_every_metric_is_NaN()
    {
        var m = RegressionMetrics.Compute([1, 2], [double.NaN, double.NaN]);
        Assert.Equal(0, m.Count);
        Assert.True(double.IsNaN(m.Mae) && double.IsNaN(m.Rmse) && double.IsNaN(m.R2));
        Assert.Equal(RegressionMetrics.NoPairs, m.Problem);
        Assert.Equal(0, RegressionMetrics.Compute([], []).Count);
    }

    [Fact]
    public void Spans_of_different_lengths_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => RegressionMetrics.Compute([1, 2], [1]));
        Assert.Contains("2 predictions for 1 actual values", error.Message, StringComparison.Ordinal);
    }

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property Mae_is_at_most_rmse() =>
        Prop.ForAll(Pairs, pairs =>
        {
            var m = Compute(pairs);
            return (m.Mae <= m.Rmse + 1e-12).Label($"MAE {m.Mae}, RMSE {m.Rmse}");
        });

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property The_actual_values_as_predictions_score_R2_1_unless_they_are_all_equal() =>
        Prop.ForAll(Pairs, pairs =>
        {
            double[] actual = pairs.Select(p => p.Actual).ToArray();
            var m = RegressionMetrics.Compute(actual, actual);
            bool constant = actual.Distinct().Count() == 1;
            return (m.Mae == 0 && m.Rmse == 0 && (constant ? double.IsNaN(m.R2) && m.Problem == RegressionMetrics.ConstantActuals : m.R2 == 1))
                .Classify(constant, "all actual values equal");
        });

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Pairs_with_a_missing_target_change_nothing() =>
        Prop.ForAll(Pairs, Gen.Choose(-20, 20).Select(p => (double)p).ArrayOf().ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (pairs, extra, seed) =>
        {
            var random = new Random(seed);
            var mixed = pairs.ToList();
            foreach (double prediction in extra)
            {
                mixed.Insert(random.Next(mixed.Count + 1), (prediction, double.NaN));
            }

            var with = Compute([.. mixed]);
            var without = Compute(pairs);
            return (with == without).Label($"{with} vs {without}");
        });

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property R2_is_1_minus_the_residual_over_the_total_sum_of_squares() =>
        Prop.ForAll(Pairs, pairs =>
        {
            var m = Compute(pairs);
            double mean = pairs.Average(p => p.Actual);
            double total = pairs.Sum(p => (p.Actual - mean) * (p.Actual - mean));
            double residual = pairs.Sum(p => (p.Predicted - p.Actual) * (p.Predicted - p.Actual));
            bool expected = total == 0 ? double.IsNaN(m.R2) : Math.Abs(m.R2 - (1 - (residual / total))) < 1e-9;
            return expected.Label($"R² {m.R2}, SSres {residual}, SStot {total}");
        });

    private static RegressionMetrics Compute((double Predicted, double Actual)[] pairs) =>
        RegressionMetrics.Compute(pairs.Select(p => p.Predicted).ToArray(), pairs.Select(p => p.Actual).ToArray());
}
