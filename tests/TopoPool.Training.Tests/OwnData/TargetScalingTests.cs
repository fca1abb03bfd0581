using TopoPool.Core;
using TopoPool.Core.Pipelines;
using TopoPool.Training.OwnData;
using Xunit;

namespace TopoPool.Training.Tests.OwnData;

public sealed class TargetScalingTests
{
    private static MoleculeSample Sample(params float[] targets) =>
        new(1, "m", Graph.Create(2, [new Edge(0, 1), new Edge(1, 0)], FeatureMatrix.Create(2, 1, new float[2])), null, "", targets);

    [Fact]
    public void Regression_targets_are_scaled_by_their_observed_training_values_and_classes_are_left_alone()
    {
        TargetSpec[] targets = [new("r", TaskKind.Regression, [], 0, 1), new("s", TaskKind.Regression, [], 1, 1), new("k", TaskKind.Regression, [], 2, 1)];
        var scaling = TargetScaling.Fit(targets, [Sample(1, float.NaN, 5), Sample(3, 2, 5), Sample(5, float.NaN, 5)]);

        // r: mean 3, population std sqrt(8/3); s: one value, std 0 -> 1; k: constant -> std 1.
        Assert.Equal([3.0, 2.0, 5.0], scaling.Means);
        Assert.Equal(Math.Sqrt(8.0 / 3), scaling.Stds[0], 12);
        Assert.Equal([1.0, 1.0], scaling.Stds.Skip(1));
        Assert.Equal(0f, scaling.Scale(0, 3));
        Assert.Equal(5.0, scaling.Unscale(0, scaling.Scale(0, 5)), 5);

        var classes = TargetScaling.Fit([new TargetSpec("c", TaskKind.Classification, ["0", "1"], 0, 2)], [Sample(1), Sample(0)]);
        Assert.Equal([0.0], classes.Means);
        Assert.Equal([1.0], classes.Stds);
    }
}
