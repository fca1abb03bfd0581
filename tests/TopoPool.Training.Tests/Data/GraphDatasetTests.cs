using TopoPool.Core.Pipelines;
using TopoPool.Core;
using TopoPool.Training.Data;
using Xunit;

namespace TopoPool.Training.Tests.Data;

/// <summary>The dataset model's checks and views.</summary>
public class GraphDatasetTests
{
    private static Graph TwoNodes(int width) =>
        Graph.Create(2, [new Edge(0, 1), new Edge(1, 0)], FeatureMatrix.Create(2, width, new float[2 * width]));

    [Fact]
    public void Samples_must_match_the_task_width_and_classes()
    {
        GraphSample classified = GraphSample.ForClass(TwoNodes(3), "a", 2);
        GraphSample measured = GraphSample.ForTarget(TwoNodes(3), "b", 1.5);

        Assert.Throws<ArgumentException>(() => new GraphDataset("x", TaskKind.Classification, 2, 3, [classified]));
        Assert.Throws<ArgumentException>(() => new GraphDataset("x", TaskKind.Classification, 3, 4, [classified]));
        Assert.Throws<ArgumentException>(() => new GraphDataset("x", TaskKind.Classification, 3, 3, [measured]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GraphDataset("x", TaskKind.Regression, 2, 3, [measured]));
        Assert.Equal(3, new GraphDataset("x", TaskKind.Classification, 3, 3, [classified]).NumClasses);
    }

    [Fact]
    public void A_sample_gives_only_the_label_of_its_task()
    {
        GraphSample classified = GraphSample.ForClass(TwoNodes(1), "a", 1);
        GraphSample measured = GraphSample.ForTarget(TwoNodes(1), "b", -2.5, "CC", "", 3);

        Assert.Equal(1, classified.ClassIndex);
        Assert.Equal(1.0, classified.LabelValue);
        Assert.Throws<InvalidOperationException>(() => classified.Target);
        Assert.Equal(-2.5, measured.Target);
        Assert.Equal(-2.5, measured.LabelValue);
        Assert.Equal(3, measured.SourceRowCount);
        Assert.Throws<InvalidOperationException>(() => measured.ClassIndex);
        Assert.Throws<ArgumentOutOfRangeException>(() => GraphSample.ForTarget(TwoNodes(1), "c", double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => GraphSample.ForClass(TwoNodes(1), "d", 0, [0, 2]));
    }

    [Fact]
    public void Subset_keeps_the_order_asked_for_and_the_dataset_kind()
    {
        GraphDataset data = SyntheticMotifDataset.Generate(new SyntheticMotifOptions { GraphCount = 10 });
        GraphDataset subset = data.Subset([7, 2, 2], "picked");

        Assert.Equal("picked", subset.Name);
        Assert.Equal([data[7].Id, data[2].Id, data[2].Id], subset.Samples.Select(s => s.Id));
        Assert.Equal(data.ClassNames, subset.ClassNames);
        Assert.Equal(data.NodeFeatureWidth, subset.NodeFeatureWidth);
    }
}
