using TopoPool.Core.Pipelines;
using TopoPool.Torch.Models;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace TopoPool.Torch.Tests.Models;

public class PipelineModelTests
{
    private static PipelineModel Paper(ConvolutionKind gnn, PoolingKind pool, long seed = 1) =>
        PipelineModel.Create(Pipeline.Paper(gnn, pool, TaskKind.Classification, 7, 2, 32), CPU, seed);

    private static Dictionary<string, long[]> Shapes(nn.Module model) =>
        model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.shape);

    /// <summary>The paper's model built with the C# fluent builder, stage by stage.</summary>
    private static Pipeline PaperWithBuilder(ConvolutionKind gnn, PoolingKind pool)
    {
        var builder = PipelineBuilder.Create(7);
        for (int block = 1; block <= 3; block++)
        {
            builder = builder.ConcatGlobalMean().Convolution(gnn, 32).Normalize($"norm{block}").LeakyRelu();
            if (block < 3) builder = builder.Readout(ReadoutKind.MaxMean);
        }
        if (pool != PoolingKind.Global) builder = builder.Pool(pool).ReuseNormalization("norm3");
        return builder.Readout(ReadoutKind.MaxMean).Head(TaskKind.Classification, 2, 32, 16);
    }

    public static TheoryData<ConvolutionKind, PoolingKind> Pairs()
    {
        var data = new TheoryData<ConvolutionKind, PoolingKind>();
        foreach (var gnn in new[] { ConvolutionKind.Gcn, ConvolutionKind.Gat, ConvolutionKind.Sage })
            foreach (var pool in Enum.GetValues<PoolingKind>())
                data.Add(gnn, pool);
        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void The_CSharp_builder_and_the_FSharp_preset_give_equal_descriptions_and_modules(ConvolutionKind gnn, PoolingKind pool)
    {
        var fromBuilder = PaperWithBuilder(gnn, pool);
        var fromPreset = Pipeline.Paper(gnn, pool, TaskKind.Classification, 7, 2, 32);
        Assert.Equal(fromPreset, fromBuilder);

        using var a = PipelineModel.Create(fromBuilder, CPU, 3);
        using var b = PipelineModel.Create(fromPreset, CPU, 3);
        Assert.Equal(Shapes(b), Shapes(a));
    }

    [Fact]
    public void The_state_dict_keys_of_the_GCN_TopoPool_preset_are_stable()
    {
        using var model = Paper(ConvolutionKind.Gcn, PoolingKind.TopoPooling);
        var expected = new Dictionary<string, long[]>
        {
            // three GCN blocks: input doubled by the global-mean concatenation (7 → 14, then 32 → 64)
            ["conv1.lin.weight"] = [32, 14], ["conv1.bias"] = [32],
            ["conv2.lin.weight"] = [32, 64], ["conv2.bias"] = [32],
            ["conv3.lin.weight"] = [32, 64], ["conv3.bias"] = [32],
            // graph LayerNorms, per-channel affine; norm3 is reused after pooling, so it appears once
            ["norm1.weight"] = [32], ["norm1.bias"] = [32],
            ["norm2.weight"] = [32], ["norm2.bias"] = [32],
            ["norm3.weight"] = [32], ["norm3.bias"] = [32],
            // TopoPool's scoring layer Linear(32 → 1)
            ["pool1.score.weight"] = [1, 32], ["pool1.score.bias"] = [1],
            // head: Linear(2h → h) → Linear(h → h/2) → Linear(h/2 → classes)
            ["head.0.weight"] = [32, 64], ["head.0.bias"] = [32],
            ["head.1.weight"] = [16, 32], ["head.1.bias"] = [16],
            ["head.2.weight"] = [2, 16], ["head.2.bias"] = [2],
        };
        var actual = Shapes(model);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (key, shape) in expected) Assert.Equal(shape, actual[key]);
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Every_preset_keeps_its_keys_through_save_and_load_and_equal_seeds_give_equal_weights(ConvolutionKind gnn, PoolingKind pool)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("topopool-weights").FullName, "model.weights");
        using var saved = Paper(gnn, pool, seed: 5);
        saved.save(path);
        using var twin = Paper(gnn, pool, seed: 5);
        using var other = Paper(gnn, pool, seed: 6);
        using var loaded = Paper(gnn, pool, seed: 7);
        loaded.load(path);

        var keys = saved.state_dict().Keys.Order().ToList();
        Assert.Equal(keys, loaded.state_dict().Keys.Order());
        foreach (var key in keys)
        {
            Assert.True(saved.state_dict()[key].allclose(twin.state_dict()[key], 0, 0), $"{key} differs between two models with seed 5");
            Assert.True(saved.state_dict()[key].allclose(loaded.state_dict()[key], 0, 0), $"{key} differs after load");
        }
        Assert.Contains(keys, key => !saved.state_dict()[key].allclose(other.state_dict()[key], 0, 0));
    }

    [Fact]
    public void A_forward_pass_gives_log_probabilities_per_graph_and_the_pool_result()
    {
        using var model = Paper(ConvolutionKind.Gcn, PoolingKind.TopoPooling);
        var batch = new GraphBatch(
            randn(5, 7),
            tensor(new long[,] { { 0, 1, 1, 2, 3, 4 }, { 1, 0, 2, 1, 4, 3 } }),
            tensor(new long[] { 0, 0, 0, 1, 1 }),
            2);
        var output = model.call(batch);
        Assert.Equal(new long[] { 2, 2 }, output.Prediction.shape);
        Assert.True(output.Prediction.exp().sum(1).allclose(ones(2), 1e-5, 1e-5));
        Assert.NotNull(output.Pooling);
        Assert.Equal(2, output.Pooling!.NumGraphs);
    }
}
