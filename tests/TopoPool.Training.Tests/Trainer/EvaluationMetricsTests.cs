using TopoPool.Training.Trainer;
using Xunit;

namespace TopoPool.Training.Tests.Trainer;

public class EvaluationMetricsTests
{
    [Fact]
    public void Accuracy_is_the_share_of_correct_classes()
    {
        var m = EvaluationMetrics.Classification(0.5, [1, 0, 2, 2], [1, 1, 2, 0]);
        Assert.Equal(0.5, m.Accuracy);
        Assert.Equal(m.Accuracy, m.Primary);
        Assert.Equal("accuracy", m.PrimaryName);
    }

    [Fact]
    public void Regression_metrics_match_their_definitions()
    {
        // errors -1, 0, 2, 1; targets 1, 2, 3, 6 (mean 3, total sum of squares 4 + 1 + 0 + 9 = 14)
        var m = EvaluationMetrics.Regression(0, [0, 2, 5, 7], [1, 2, 3, 6]);
        Assert.Equal(1.0, m.Mae, 12);
        Assert.Equal(Math.Sqrt(6.0 / 4), m.Rmse, 12);
        Assert.Equal(1 - 6.0 / 14, m.R2, 12);
        Assert.Equal(m.Mae, m.Primary);
    }
}
