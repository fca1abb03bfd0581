using TopoPool.Training.Statistics;
using Xunit;

namespace TopoPool.Training.Tests.Statistics;

public class PairedComparisonTests
{
    [Fact]
    public void The_interval_is_the_t_interval_of_the_differences_of_common_seeds()
    {
        var a = new Dictionary<int, double> { [1] = 0.80, [2] = 0.70, [3] = 0.90, [4] = 0.75, [9] = 0.1 };
        var b = new Dictionary<int, double> { [1] = 0.70, [2] = 0.70, [3] = 0.80, [4] = 0.65 };
        var paired = PairedComparison.Of(a, b)!;
        // differences 0.1, 0, 0.1, 0.1: mean 0.075, sample sd 0.05, t(3) = 3.182, half width 3.182 * 0.05 / 2.
        Assert.Equal(4, paired.Pairs);
        Assert.Equal(0.075, paired.MeanDifference, 12);
        Assert.Equal(0.075 - 3.182 * 0.05 / 2, paired.Low, 9);
        Assert.Equal(0.075 + 3.182 * 0.05 / 2, paired.High, 9);
        Assert.False(paired.IntervalExcludesZero); // 0.075 - 0.0796 < 0
        Assert.Equal(WilcoxonSignedRank.TwoSidedP([0.1, 0, 0.1, 0.1]), paired.WilcoxonP);
    }

    [Fact]
    public void Fewer_than_two_common_seeds_give_no_comparison() =>
        Assert.Null(PairedComparison.Of(new Dictionary<int, double> { [1] = 1 }, new Dictionary<int, double> { [1] = 0, [2] = 0 }));

    [Theory]
    [InlineData(1, 12.706)]
    [InlineData(9, 2.262)]
    [InlineData(30, 2.042)]
    [InlineData(60, 2.000)]
    [InlineData(1000, 1.962)]
    public void Student_t_quantiles_match_the_tables(int degreesOfFreedom, double expected) =>
        Assert.Equal(expected, StudentT.TwoSided95(degreesOfFreedom), 2);
}
