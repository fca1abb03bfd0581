using TopoPool.Core.Pipelines;

namespace TopoPool.Training.Experiments;

/// <summary>
/// The named models a benchmark row can use, each a <see cref="Pipeline"/> preset for any GNN × pool pair:
/// <c>paper</c> (the paper's model, <see cref="Pipeline.Paper(ConvolutionKind, PoolingKind, TaskKind, int, int, int)"/>),
/// <c>pooled-readout</c> (the ablation whose head reads only the pooled nodes, <see cref="Pipeline.PooledReadoutOnly"/>) and
/// <c>connect-conv</c> (the paper's model with TopoPooling's Connect on and one more convolution block on the pooled graph,
/// for pools whose output has edges). A variant changes the TopoPooling layer's options: <c>single-softmax</c> (the
/// paper's Eq. 1 weighting) or <c>learned-temperature</c>; the empty variant is the authors' layer.
/// </summary>
public static class ModelPresets
{
    public const string Paper = "paper";
    public const string PooledReadout = "pooled-readout";
    public const string ConnectConv = "connect-conv";

    public const string SingleSoftmax = "single-softmax";
    public const string LearnedTemperature = "learned-temperature";

    public static IReadOnlyList<string> Names { get; } = [Paper, PooledReadout, ConnectConv];

    public static IReadOnlyList<string> Variants { get; } = ["", SingleSoftmax, LearnedTemperature];

    public static bool IsKnown(string name) => Names.Contains(name);

    /// <summary>Why preset <paramref name="name"/> with <paramref name="pool"/> and <paramref name="variant"/> cannot be built, or null.</summary>
    public static string? Problem(string name, PoolingKind pool, string variant)
    {
        if (!IsKnown(name)) return $"--model {name}: unknown model (choose {string.Join(", ", Names)})";
        if (!Variants.Contains(variant)) return $"--variant {variant}: unknown variant";
        if (variant.Length > 0 && pool != PoolingKind.TopoPooling) return $"--variant {variant} changes TopoPooling, but --pool is {ComponentNames.Of(pool)}";
        if (name == ConnectConv && pool == PoolingKind.Global) return "--model connect-conv needs a pooling layer, but --pool is global";
        return null;
    }

    /// <summary>The pipeline of preset <paramref name="name"/> with TopoPooling variant <paramref name="variant"/>.</summary>
    public static Pipeline Build(string name, ConvolutionKind gnn, PoolingKind pool, TaskKind task, int inputWidth, int outputWidth, int hidden,
                                 string variant = "")
    {
        if (!Variants.Contains(variant)) throw new ArgumentException($"unknown variant '{variant}' (choose {string.Join(", ", Variants.Where(v => v.Length > 0))})", nameof(variant));
        if (variant.Length > 0 && pool != PoolingKind.TopoPooling) throw new ArgumentException($"the variant '{variant}' changes TopoPooling; the pool is {ComponentNames.Of(pool)}", nameof(variant));
        var pipeline = name switch
        {
            Paper => Pipeline.Paper(gnn, pool, task, inputWidth, outputWidth, hidden),
            PooledReadout => Pipeline.PooledReadoutOnly(gnn, pool, task, inputWidth, outputWidth, hidden),
            ConnectConv => ConnectAndConvolve(gnn, pool, task, inputWidth, outputWidth, hidden),
            _ => throw new ArgumentException($"unknown model '{name}' (choose {string.Join(", ", Names)})", nameof(name)),
        };
        return variant.Length == 0 ? pipeline : pipeline.WithStages(pipeline.Stages.Select(s => WithVariant(s, variant)));
    }

    private static Stage WithVariant(Stage stage, string variant) => stage switch
    {
        Stage.Pool { Item: Pooling.TopoPooling t } => Stage.NewPool(Pooling.NewTopoPooling(variant == SingleSoftmax
            ? t.Item.WithWeighting(ClusterWeighting.SingleSoftmax)
            : t.Item.WithLearnedTemperature(true))),
        _ => stage,
    };

    /// <summary>The paper's model with Connect on and a fourth block (global-mean concat, convolution, LayerNorm, leaky ReLU) on
    /// the pooled graph before the last readout.</summary>
    private static Pipeline ConnectAndConvolve(ConvolutionKind gnn, PoolingKind pool, TaskKind task, int inputWidth, int outputWidth, int hidden)
    {
        if (pool == PoolingKind.Global) throw new ArgumentException("connect-conv needs a pooling layer", nameof(pool));
        var pooling = Pipeline.Pooling(pool) switch
        {
            Pooling.TopoPooling t => Pooling.NewTopoPooling(t.Item.WithConnect(true)),
            var other => other,
        };
        if (!pooling.HasEdges) throw new ArgumentException($"{ComponentNames.Of(pool)} gives no edges to convolve over", nameof(pool));
        var paper = Pipeline.Paper(gnn, pooling, task, inputWidth, outputWidth, hidden);
        var stages = paper.Stages.ToList();
        int last = stages.FindLastIndex(s => s.IsReadout);
        stages.InsertRange(last, [Stage.ConcatGlobalMean, Stage.NewConvolve(new ConvolutionStage(gnn, hidden, 1, false)), Stage.NewNormalize("norm4"), Stage.NewActivate(Activation.NewLeakyRelu(0.01))]);
        return Pipeline.Create(paper.InputWidth, stages, paper.Head);
    }
}
