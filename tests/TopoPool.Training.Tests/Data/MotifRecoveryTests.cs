using FsCheck;
using FsCheck.Fluent;
using TopoPool.Training.Data;
using Xunit;

namespace TopoPool.Training.Tests.Data;

/// <summary>Intersection over union of node sets, per graph and averaged.</summary>
public class MotifRecoveryTests
{
    [Fact]
    public void Identical_sets_score_one_and_disjoint_sets_zero()
    {
        Assert.Equal(1.0, MotifRecovery.IntersectionOverUnion([3, 1, 2], [1, 2, 3]));
        Assert.Equal(0.0, MotifRecovery.IntersectionOverUnion([1, 2], [3, 4, 5]));
        Assert.Equal(0.0, MotifRecovery.IntersectionOverUnion([], [3, 4, 5]));
        Assert.Equal(1.0, MotifRecovery.IntersectionOverUnion([], []));
    }

    [Fact]
    public void Partial_overlap_and_repeated_nodes()
    {
        Assert.Equal(0.5, MotifRecovery.IntersectionOverUnion([1, 2, 3], [2, 3, 4]));
        Assert.Equal(0.5, MotifRecovery.IntersectionOverUnion([1, 1, 2, 2], [2]));
    }

    [Fact]
    public void The_mean_is_over_graphs()
    {
        double mean = MotifRecovery.MeanIntersectionOverUnion(
            [new[] { 1, 2 }, new[] { 5 }, new[] { 1, 2, 3 }],
            [new[] { 1, 2 }, new[] { 6 }, new[] { 2, 3, 4 }]);

        Assert.Equal((1.0 + 0.0 + 0.5) / 3, mean, 12);
    }

    [Fact]
    public void The_mean_needs_matching_non_empty_lists()
    {
        Assert.Throws<ArgumentException>(() => MotifRecovery.MeanIntersectionOverUnion([], []));
        Assert.Throws<ArgumentException>(() => MotifRecovery.MeanIntersectionOverUnion([new[] { 1 }], []));
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Iou_is_symmetric_between_zero_and_one_and_one_only_for_equal_sets() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Choose(0, 12)).ToArbitrary(), Gen.ArrayOf(Gen.Choose(0, 12)).ToArbitrary(), (a, b) =>
        {
            double ab = MotifRecovery.IntersectionOverUnion(a, b);
            double ba = MotifRecovery.IntersectionOverUnion(b, a);
            bool sameSet = a.ToHashSet().SetEquals(b);
            return ab == ba && ab >= 0 && ab <= 1 && (ab == 1) == sameSet;
        });
}
