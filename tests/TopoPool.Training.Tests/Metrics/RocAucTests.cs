using FsCheck;
using FsCheck.Fluent;
using TopoPool.Training.Metrics;
using Xunit;

namespace TopoPool.Training.Tests.Metrics;

public sealed class RocAucTests
{
    [Fact]
    public void The_scikit_learn_example_gives_three_quarters()
    {
        // y = [0, 0, 1, 1], scores [0.1, 0.4, 0.35, 0.8]: of the four (positive, negative) pairs, 0.35 > 0.1,
        // 0.35 < 0.4, 0.8 > 0.1, 0.8 > 0.4 are ordered right: 3 / 4.
        Assert.Equal(0.75, RocAuc.Of([0.1, 0.4, 0.35, 0.8], [false, false, true, true]), 15);
    }

    [Fact]
    public void A_tie_between_a_positive_and_a_negative_counts_half()
    {
        // y = [0, 1, 0, 1], scores [0.5, 0.5, 0.2, 0.9]: positive 0.5 ties negative 0.5 (1/2) and beats 0.2 (1);
        // positive 0.9 beats both (2): 3.5 / 4.
        Assert.Equal(0.875, RocAuc.Of([0.5, 0.5, 0.2, 0.9], [false, true, false, true]), 15);
    }

    [Fact]
    public void With_one_class_it_is_NaN()
    {
        Assert.True(double.IsNaN(RocAuc.Of([0.1, 0.2], [true, true])));
        Assert.True(double.IsNaN(RocAuc.Of([0.1, 0.2], [false, false])));
        Assert.True(double.IsNaN(RocAuc.Of([], [])));
    }

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property Equals_the_share_of_rightly_ordered_positive_negative_pairs_with_ties_as_half() =>
        Prop.ForAll(LabelledScores.WithBothClasses, c =>
        {
            double brute = BruteForce(c);
            double auc = RocAuc.Of(c.ScoresAsDoubles, c.Positive);
            return (Math.Abs(auc - brute) < 1e-12).Label($"rank statistic {auc}, pair count {brute}").Classify(c.HasTies, "with ties");
        });

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Does_not_change_under_strictly_increasing_transforms_of_the_scores() =>
        Prop.ForAll(LabelledScores.WithBothClasses, c =>
        {
            double auc = RocAuc.Of(c.ScoresAsDoubles, c.Positive);
            Func<double, double>[] increasing = [x => (3 * x) - 7, Math.Exp, x => (x * x * x) + x, Math.Atan, x => Math.Log(x + 1)];
            return increasing.All(f => RocAuc.Of(c.Scores.Select(s => f(s)).ToArray(), c.Positive) == auc);
        });

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Is_1_when_every_positive_outscores_every_negative_and_0_when_reversed() =>
        Prop.ForAll(LabelledScores.WithBothClasses, c =>
        {
            double[] separated = c.Scores.Zip(c.Positive, (s, p) => p ? 10.0 + s : s).ToArray();
            double[] reversed = c.Scores.Zip(c.Positive, (s, p) => p ? s : 10.0 + s).ToArray();
            return RocAuc.Of(separated, c.Positive) == 1 && RocAuc.Of(reversed, c.Positive) == 0;
        });

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property The_complementary_probability_gives_the_complementary_area() =>
        Prop.ForAll(LabelledScores.WithBothClasses, c =>
        {
            double[] p = c.Scores.Select(s => s / 6.0).ToArray();
            double auc = RocAuc.Of(p, c.Positive);
            double complement = RocAuc.Of(p.Select(x => 1 - x).ToArray(), c.Positive);
            return (Math.Abs(complement - (1 - auc)) < 1e-12).Label($"AUC(p) {auc}, AUC(1 - p) {complement}");
        });

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Is_NaN_exactly_when_a_class_is_missing() =>
        Prop.ForAll(LabelledScores.Arbitrary, c => double.IsNaN(RocAuc.Of(c.ScoresAsDoubles, c.Positive)) == !c.HasBothClasses);

    /// <summary>Every (positive, negative) pair: 1 when the positive scores higher, ½ on a tie.</summary>
    private static double BruteForce(LabelledScores c)
    {
        double sum = 0;
        long pairs = 0;
        for (int i = 0; i < c.Count; i++)
        {
            for (int j = 0; j < c.Count; j++)
            {
                if (!c.Positive[i] || c.Positive[j])
                {
                    continue;
                }

                pairs++;
                sum += c.Scores[i] > c.Scores[j] ? 1 : c.Scores[i] == c.Scores[j] ? 0.5 : 0;
            }
        }

        return sum / pairs;
    }
}
