using FsCheck;
using FsCheck.Fluent;
using TopoPool.Training.Statistics;
using Xunit;

namespace TopoPool.Training.Tests.Statistics;

public class WilcoxonSignedRankTests
{
    [Fact]
    public void Ten_differences_of_one_sign_have_the_exact_p_of_two_in_1024() =>
        Assert.Equal(2.0 / 1024, WilcoxonSignedRank.TwoSidedP([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]), 12);

    [Fact]
    public void Ties_share_their_average_rank_worked_by_hand()
    {
        // |d| = 1, 1, 2 -> ranks 1.5, 1.5, 3; W+ = 4.5 around a mean of 3; 6 of the 8 sign assignments are as far out.
        Assert.Equal(0.75, WilcoxonSignedRank.TwoSidedP([1, -1, 2]), 12);
        Assert.Equal([1.5, 1.5, 3.0], WilcoxonSignedRank.AverageRanks([1, 1, 2]));
    }

    [Fact]
    public void Zero_differences_are_dropped_and_all_zero_gives_one()
    {
        Assert.Equal(1.0, WilcoxonSignedRank.TwoSidedP([0, 0, 0]));
        Assert.Equal(WilcoxonSignedRank.TwoSidedP([1, 2, 3]), WilcoxonSignedRank.TwoSidedP([0, 1, 0, 2, 3]));
    }

    [Fact]
    public void Above_the_exact_limit_the_normal_approximation_is_close_to_the_exact_value()
    {
        var differences = Enumerable.Range(1, 20).Select(i => i % 3 == 0 ? -(double)i : i).ToArray();
        double exact = WilcoxonSignedRank.TwoSidedP(differences);
        double approximate = WilcoxonSignedRank.TwoSidedP([.. differences, 0.5]);
        Assert.InRange(approximate, exact * 0.5, exact * 2);
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property The_p_value_is_a_probability_and_does_not_change_when_every_sign_flips() =>
        Prop.ForAll(Gen.ListOf(Gen.Choose(-5, 5).Select(i => (double)i)).Select(l => l.Take(12).ToArray()).ToArbitrary(), differences =>
        {
            double p = WilcoxonSignedRank.TwoSidedP(differences);
            double flipped = WilcoxonSignedRank.TwoSidedP(differences.Select(d => -d).ToArray());
            return p > 0 && p <= 1 && Math.Abs(p - flipped) < 1e-12;
        });
}
