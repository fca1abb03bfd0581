using FsCheck;
using FsCheck.Fluent;
using TopoPool.Training.Metrics;
using Xunit;

namespace TopoPool.Training.Tests.Metrics;

public sealed class AveragePrecisionTests
{
    [Fact]
    public void The_scikit_learn_example_gives_five_sixths()
    {
        // y = [0, 0, 1, 1], scores [0.1, 0.4, 0.35, 0.8], thresholds from the top:
        // 0.8: P = 1/1, R = 1/2; 0.4: P = 1/2, R = 1/2; 0.35: P = 2/3, R = 1; 0.1: P = 2/4, R = 1.
        // AP = (1/2 - 0)·1 + 0·(1/2) + (1 - 1/2)·(2/3) + 0·(1/2) = 1/2 + 1/3 = 0.8333…
        Assert.Equal(5.0 / 6, AveragePrecision.Of([0.1, 0.4, 0.35, 0.8], [false, false, true, true]), 15);
    }

    [Fact]
    public void Tied_scores_pass_a_threshold_together()
    {
        // y = [0, 1, 0, 1], scores [0.5, 0.5, 0.2, 0.9]: 0.9: P = 1, R = 1/2; 0.5 takes both tied pairs at once:
        // P = 2/3, R = 1; 0.2: recall unchanged. AP = 1/2·1 + 1/2·2/3 = 5/6. Taking the tied pair one at a time
        // (negative first) would give 1/2 + 1/2·2/3 as well, but positive first 1/2 + 1/2·1 = 1: grouping matters.
        Assert.Equal(5.0 / 6, AveragePrecision.Of([0.5, 0.5, 0.2, 0.9], [false, true, false, true]), 15);

        // All tied: one threshold, P = 2/4, R = 1.
        Assert.Equal(0.5, AveragePrecision.Of([0.3, 0.3, 0.3, 0.3], [true, false, true, false]), 15);
    }

    [Fact]
    public void Without_positives_it_is_NaN_and_with_only_positives_1()
    {
        Assert.True(double.IsNaN(AveragePrecision.Of([0.1, 0.2], [false, false])));
        Assert.Equal(1.0, AveragePrecision.Of([0.1, 0.2], [true, true]));
    }

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property Equals_the_mean_over_positives_of_the_precision_at_their_score() =>
        Prop.ForAll(LabelledScores.Arbitrary.Filter(c => c.Positives > 0), c =>
        {
            double brute = BruteForce(c);
            double ap = AveragePrecision.Of(c.ScoresAsDoubles, c.Positive);
            return (Math.Abs(ap - brute) < 1e-12).Label($"average precision {ap}, brute force {brute}").Classify(c.HasTies, "with ties");
        });

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Is_1_when_every_positive_outscores_every_negative() =>
        Prop.ForAll(LabelledScores.Arbitrary.Filter(c => c.Positives > 0), c =>
        {
            double[] separated = c.Scores.Zip(c.Positive, (s, p) => p ? 10.0 + s : s).ToArray();
            return Math.Abs(AveragePrecision.Of(separated, c.Positive) - 1) < 1e-12;
        });

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Does_not_change_under_strictly_increasing_transforms_of_the_scores() =>
        Prop.ForAll(LabelledScores.Arbitrary.Filter(c => c.Positives > 0), c =>
        {
            double ap = AveragePrecision.Of(c.ScoresAsDoubles, c.Positive);
            return AveragePrecision.Of(c.Scores.Select(s => Math.Exp(s) - 3).ToArray(), c.Positive) == ap;
        });

    /// <summary>
    /// Another reading of the same definition: for each positive, the precision of calling every score at or above
    /// its own positive (tied scores included), averaged over the positives.
    /// </summary>
    private static double BruteForce(LabelledScores c)
    {
        double sum = 0;
        for (int i = 0; i < c.Count; i++)
        {
            if (!c.Positive[i])
            {
                continue;
            }

            int called = 0, right = 0;
            for (int j = 0; j < c.Count; j++)
            {
                if (c.Scores[j] >= c.Scores[i])
                {
                    called++;
                    if (c.Positive[j])
                    {
                        right++;
                    }
                }
            }

            sum += (double)right / called;
        }

        return sum / c.Positives;
    }
}
