using FsCheck;
using FsCheck.Fluent;
using TopoPool.Training.Metrics;
using Xunit;

namespace TopoPool.Training.Tests.Metrics;

public sealed class ClassificationMetricsTests
{
    [Fact]
    public void The_scikit_learn_example_as_a_binary_target()
    {
        // y = [0, 0, 1, 1], p = [0.1, 0.4, 0.35, 0.8]: ROC-AUC 3/4 and AP 5/6 (see RocAucTests, AveragePrecisionTests);
        // predicted classes (p > 0.5) 0, 0, 0, 1: three of four right.
        var m = ClassificationMetrics.Compute([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]);
        Assert.Equal(4, m.Count);
        Assert.Equal(0.75, m.Accuracy, 15);
        Assert.Equal(0.75, m.RocAuc, 15);
        Assert.Equal(5.0 / 6, m.PrAuc, 15);
        Assert.Null(m.Problem);
    }

    [Fact]
    public void Missing_targets_are_left_out_and_counted_out()
    {
        var m = ClassificationMetrics.Compute([0.1, 0.9, 0.4, 0.35, 0.2, 0.8], [0, double.NaN, 0, 1, double.NaN, 1]);
        Assert.Equal(4, m.Count);
        Assert.Equal(0.75, m.RocAuc, 15);
        Assert.Equal(5.0 / 6, m.PrAuc, 15);
        Assert.Equal(0.75, m.Accuracy, 15);
    }

    [Fact]
    public void A_probability_of_exactly_one_half_predicts_class_0()
    {
        Assert.Equal(1.0, ClassificationMetrics.Compute([0.5, 0.51], [0, 1]).Accuracy);
    }

    [Fact]
    public void One_class_among_the_actual_values_leaves_both_areas_NaN_with_the_reason()
    {
        var m = ClassificationMetrics.Compute([0.2, 0.7, 0.9], [1, 1, 1]);
        Assert.Equal(3, m.Count);
        Assert.Equal(2.0 / 3, m.Accuracy, 15);
        Assert.True(double.IsNaN(m.RocAuc) && double.IsNaN(m.PrAuc));
        Assert.Equal("only class 1 occurs among the actual values: ROC-AUC and PR-AUC need a positive and a negative", m.Problem);

        var multi = ClassificationMetrics.Compute([0.2, 0.5, 0.3, 0.6, 0.3, 0.1], 3, [1, 1]);
        Assert.Equal(0.5, multi.Accuracy);
        Assert.True(double.IsNaN(multi.RocAuc) && double.IsNaN(multi.PrAuc));
        Assert.Contains("only class 1", multi.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void No_known_target_or_a_NaN_score_makes_every_metric_NaN_without_throwing()
    {
        var none = ClassificationMetrics.Compute([0.2, 0.7], [double.NaN, double.NaN]);
        Assert.Equal(new ClassificationMetrics(0, double.NaN, double.NaN, double.NaN, ClassificationMetrics.NoPairs), none);

        var nanScore = ClassificationMetrics.Compute([0.2, double.NaN, 0.3], [0, 1, 1]);
        Assert.True(double.IsNaN(nanScore.Accuracy) && double.IsNaN(nanScore.RocAuc));
        Assert.Equal("the prediction at position 1 is NaN", nanScore.Problem);

        // A NaN score whose target is missing is left out with its pair.
        Assert.Null(ClassificationMetrics.Compute([0.2, double.NaN, 0.8], [0, double.NaN, 1]).Problem);
    }

    [Fact]
    public void Actual_values_that_are_not_class_indices_are_refused_with_their_position()
    {
        var error = Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute([0.2, 0.7], [0, 0.5]));
        Assert.StartsWith("actual value 0.5 at position 1 is not a class index 0..1 (or NaN for missing)", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute([0.2, 0.7, 0.1, 0.3], 2, [0, 2]));
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute([0.2, 0.7, 0.1], 2, [0, 1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ClassificationMetrics.Compute([0.2], 1, [0]));
    }

    [Fact]
    public void Three_classes_worked_by_hand_macro_averaged_one_vs_rest()
    {
        // rows (scores of classes 0, 1, 2) and actual class:
        //   0.7 0.2  0.1  | 0    argmax 0, right
        //   0.2 0.5  0.3  | 1    argmax 1, right
        //   0.3 0.3  0.4  | 2    argmax 2, right
        //   0.5 0.25 0.25 | 2    argmax 0, wrong        accuracy 3/4
        // class 0 (column 0.7 0.2 0.3 0.5, positive first): the positive tops every negative: AUC 1, AP 1.
        // class 1 (0.2 0.5 0.3 0.25, positive second): the same: AUC 1, AP 1.
        // class 2 (0.1 0.3 0.4 0.25, positives third and fourth): pairs 0.4 > 0.1, 0.4 > 0.3, 0.25 > 0.1, 0.25 < 0.3:
        //   AUC 3/4; from the top 0.4 (+) P 1 R 1/2, 0.3 (-), 0.25 (+) P 2/3 R 1: AP 1/2 + 1/2 · 2/3 = 5/6.
        // Macro: ROC-AUC (1 + 1 + 3/4) / 3 = 11/12, PR-AUC (1 + 1 + 5/6) / 3 = 17/18.
        double[] scores = [0.7, 0.2, 0.1, 0.2, 0.5, 0.3, 0.3, 0.3, 0.4, 0.5, 0.25, 0.25];
        var m = ClassificationMetrics.Compute(scores, 3, [0, 1, 2, 2]);
        Assert.Equal(4, m.Count);
        Assert.Equal(0.75, m.Accuracy, 15);
        Assert.Equal(11.0 / 12, m.RocAuc, 15);
        Assert.Equal(17.0 / 18, m.PrAuc, 15);
        Assert.Null(m.Problem);

        // A fourth class that never is the actual class is left out of the averages; a missing row changes nothing.
        double[] four = [0.7, 0.2, 0.1, 0, 0.2, 0.5, 0.3, 0, 0.1, 0.1, 0.1, 0.7, 0.3, 0.3, 0.4, 0, 0.5, 0.25, 0.25, 0];
        Assert.Equal(m, ClassificationMetrics.Compute(four, 4, [0, 1, double.NaN, 2, 2]));
    }

    [Fact]
    public void The_first_highest_score_wins_an_argmax_tie()
    {
        Assert.Equal(1.0, ClassificationMetrics.Compute([0.4, 0.4, 0.2, 0.1, 0.45, 0.45], 3, [0, 1]).Accuracy);
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Binary_metrics_are_the_ranking_metrics_of_the_known_pairs() =>
        Prop.ForAll(LabelledScores.WithBothClasses, c =>
        {
            double[] p = c.Scores.Select(s => s / 6.0).ToArray();
            var m = ClassificationMetrics.Compute(p, c.Actual);
            double accuracy = (double)p.Zip(c.Positive, (x, positive) => (x > 0.5) == positive).Count(b => b) / c.Count;
            return m.Count == c.Count && m.Problem is null && m.Accuracy == accuracy &&
                m.RocAuc == RocAuc.Of(p, c.Positive) && m.PrAuc == AveragePrecision.Of(p, c.Positive);
        });

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Pairs_with_a_missing_target_change_nothing() =>
        Prop.ForAll(LabelledScores.Arbitrary, Gen.Choose(0, 6).ArrayOf().ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (c, extra, seed) =>
        {
            var random = new Random(seed);
            var pairs = c.Scores.Zip(c.Actual, (s, a) => (Score: s / 6.0, Actual: a)).ToList();
            foreach (int s in extra)
            {
                pairs.Insert(random.Next(pairs.Count + 1), (s / 6.0, double.NaN));
            }

            var with = ClassificationMetrics.Compute(pairs.Select(p => p.Score).ToArray(), pairs.Select(p => p.Actual).ToArray());
            var without = ClassificationMetrics.Compute(c.Scores.Select(s => s / 6.0).ToArray(), c.Actual);
            return (with == without).Label($"{with} vs {without}");
        });

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Two_classes_as_a_score_table_give_the_binary_accuracy_and_ROC_AUC() =>
        Prop.ForAll(LabelledScores.WithBothClasses, c =>
        {
            double[] p = c.Scores.Select(s => s / 6.0).ToArray();
            double[] table = p.SelectMany(x => new[] { 1 - x, x }).ToArray();
            var binary = ClassificationMetrics.Compute(p, c.Actual);
            var multi = ClassificationMetrics.Compute(table, 2, c.Actual);

            // One-vs-rest for class 0 ranks by 1 - p with the labels flipped: the same area as class 1's.
            return (multi.Accuracy == binary.Accuracy && Math.Abs(multi.RocAuc - binary.RocAuc) < 1e-12)
                .Label($"binary {binary}, table {multi}");
        });
}
