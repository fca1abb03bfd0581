using TopoPool.Core.Pipelines;
using TopoPool.Training.Experiments;
using Xunit;

namespace TopoPool.Training.Tests.Experiments;

public class ModelPresetsTests
{
    [Fact]
    public void Connect_conv_turns_Connect_on_and_adds_a_block_on_the_pooled_graph()
    {
        var pipeline = ModelPresets.Build(ModelPresets.ConnectConv, ConvolutionKind.Gcn, PoolingKind.TopoPooling, TaskKind.Regression, 39, 1, 32);
        Assert.Null(pipeline.Problem);
        var pool = Assert.Single(pipeline.Stages.OfType<Stage.Pool>());
        Assert.True(((Pooling.TopoPooling)pool.Item).Item.Connect);
        var afterPool = pipeline.Stages.SkipWhile(s => !s.IsPool).ToList();
        Assert.Single(afterPool.OfType<Stage.Convolve>());
        Assert.Contains(afterPool, s => s is Stage.Normalize { Name: "norm4" });
        Assert.Equal(3, pipeline.Stages.Count(s => s.IsReadout));
    }

    [Theory]
    [InlineData(ModelPresets.SingleSoftmax, ClusterWeighting.SingleSoftmax, false)]
    [InlineData(ModelPresets.LearnedTemperature, ClusterWeighting.SoftmaxOfNodeScores, true)]
    [InlineData("", ClusterWeighting.SoftmaxOfNodeScores, false)]
    public void A_variant_changes_only_the_TopoPooling_options(string variant, ClusterWeighting weighting, bool temperature)
    {
        var paper = ModelPresets.Build(ModelPresets.Paper, ConvolutionKind.Gcn, PoolingKind.TopoPooling, TaskKind.Regression, 39, 1, 32);
        var changed = ModelPresets.Build(ModelPresets.Paper, ConvolutionKind.Gcn, PoolingKind.TopoPooling, TaskKind.Regression, 39, 1, 32, variant);
        var options = ((Pooling.TopoPooling)changed.Stages.OfType<Stage.Pool>().Single().Item).Item;
        Assert.Equal(weighting, options.Weighting);
        Assert.Equal(temperature, options.LearnedTemperature);
        Assert.False(options.Connect);
        Assert.Equal(paper.Stages.Length, changed.Stages.Length);
        Assert.Equal(paper.Stages.Where(s => !s.IsPool), changed.Stages.Where(s => !s.IsPool));
    }

    [Theory]
    [InlineData(ModelPresets.Paper, PoolingKind.Global, ModelPresets.SingleSoftmax, "--variant single-softmax changes TopoPooling, but --pool is global")]
    [InlineData(ModelPresets.ConnectConv, PoolingKind.Global, "", "--model connect-conv needs a pooling layer, but --pool is global")]
    [InlineData("nope", PoolingKind.Global, "", "--model nope: unknown model (choose paper, pooled-readout, connect-conv)")]
    [InlineData(ModelPresets.Paper, PoolingKind.TopoPooling, ModelPresets.LearnedTemperature, null)]
    public void Impossible_combinations_are_named(string model, PoolingKind pool, string variant, string? problem) =>
        Assert.Equal(problem, ModelPresets.Problem(model, pool, variant));
}
