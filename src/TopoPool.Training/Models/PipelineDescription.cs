using TopoPool.Core.Pipelines;

namespace TopoPool.Training.Models;

/// <summary>
/// A <see cref="Pipeline"/> as JSON data (the <c>pipeline</c> block of <c>model.json</c>): the input width, each stage as
/// an object with a <c>stage</c> name and exactly its options, and the head. <see cref="From"/> and <see cref="ToPipeline"/>
/// are inverses for every valid pipeline, custom ones included; <see cref="ToPipeline"/> names the first field it cannot
/// read (<c>stages[3]: unknown pooling 'foo'</c>).
/// </summary>
public sealed record PipelineDescription(int InputWidth, IReadOnlyList<StageDescription> Stages, HeadDescription Head)
{
    public static PipelineDescription From(Pipeline pipeline) =>
        new(pipeline.InputWidth, pipeline.Stages.Select(StageDescription.From).ToList(), HeadDescription.From(pipeline.Head));

    /// <summary>The pipeline, or throws <see cref="FormatException"/> naming the field that cannot be read.</summary>
    public Pipeline ToPipeline()
    {
        if (Stages is null) throw new FormatException("no stages");
        if (Head is null) throw new FormatException("no head");
        var stages = Stages.Select((s, i) => s?.ToStage(i) ?? throw new FormatException($"stages[{i}] is empty")).ToList();
        var pipeline = new Pipeline(InputWidth, Microsoft.FSharp.Collections.ListModule.OfSeq(stages), Head.ToHead());
        if (pipeline.Problem is { } problem) throw new FormatException($"the pipeline is not valid: {problem}");
        return pipeline;
    }
}

/// <summary>One stage of a <see cref="PipelineDescription"/>; only the fields of its <see cref="Stage"/> kind are set.</summary>
public sealed record StageDescription(
    string Stage,
    string? Kind = null,
    int? Width = null,
    int? Heads = null,
    bool? ConcatHeads = null,
    string? Name = null,
    double? NegativeSlope = null,
    double? Probability = null,
    double? Ratio = null,
    int? Clusters = null,
    bool? AuxiliaryLoss = null,
    bool? Connect = null,
    string? Weighting = null,
    bool? LearnedTemperature = null)
{
    public static StageDescription From(Stage stage) => stage switch
    {
        Stage.Convolve c => new("convolution", Kind: Names.Of(c.Item.Kind), Width: c.Item.Width, Heads: c.Item.Heads, ConcatHeads: c.Item.ConcatHeads),
        Stage.Normalize n => new("normalize", Name: n.Name),
        Stage.ReuseNormalization r => new("reuse_normalization", Name: r.Name),
        Stage.Activate a => Activation(a.Item),
        Stage.Dropout d => new("dropout", Probability: d.Probability),
        Stage.Pool p => Pool(p.Item),
        Stage.Readout r => new("readout", Kind: Names.Of(r.Item)),
        _ when stage.IsConcatGlobalMean => new("concat_global_mean"),
        _ => throw new ArgumentException($"unknown stage {stage}", nameof(stage)),
    };

    internal static StageDescription Activation(Activation activation) => activation switch
    {
        Core.Pipelines.Activation.LeakyRelu l => new("activation", Kind: "leaky_relu", NegativeSlope: l.NegativeSlope),
        _ when activation.IsRelu => new("activation", Kind: "relu"),
        _ => new("activation", Kind: "identity"),
    };

    private static StageDescription Pool(Pooling pooling) => pooling switch
    {
        Pooling.TopoPooling t => new("pool", Kind: "topo", Connect: t.Item.Connect, Weighting: Names.Of(t.Item.Weighting), LearnedTemperature: t.Item.LearnedTemperature),
        Pooling.TopKPooling k => new("pool", Kind: "topk", Ratio: k.Ratio),
        Pooling.SagPooling s => new("pool", Kind: "sag", Ratio: s.Ratio),
        Pooling.AsaPooling a => new("pool", Kind: "asa", Ratio: a.Ratio),
        Pooling.DiffPool d => new("pool", Kind: "diff", Clusters: d.Clusters, AuxiliaryLoss: d.AuxiliaryLoss),
        _ => new("pool", Kind: "edge"),
    };

    internal Stage ToStage(int index)
    {
        string where = $"stages[{index}]";
        T Need<T>(T? value, string field) where T : struct => value ?? throw new FormatException($"{where} ({Stage}): no '{field}'");
        string NeedText(string? value, string field) => value ?? throw new FormatException($"{where} ({Stage}): no '{field}'");
        switch (Stage)
        {
            case "concat_global_mean": return Core.Pipelines.Stage.ConcatGlobalMean;
            case "convolution":
                return Core.Pipelines.Stage.NewConvolve(new ConvolutionStage(Names.Convolution(NeedText(Kind, "kind"), where), Need(Width, "width"), Heads ?? 1, ConcatHeads ?? false));
            case "normalize": return Core.Pipelines.Stage.NewNormalize(NeedText(Name, "name"));
            case "reuse_normalization": return Core.Pipelines.Stage.NewReuseNormalization(NeedText(Name, "name"));
            case "activation": return Core.Pipelines.Stage.NewActivate(ToActivation(where));
            case "dropout": return Core.Pipelines.Stage.NewDropout(Need(Probability, "probability"));
            case "readout": return Core.Pipelines.Stage.NewReadout(Names.Readout(NeedText(Kind, "kind"), where));
            case "pool":
                Pooling pooling = NeedText(Kind, "kind") switch
                {
                    "topo" => Pooling.NewTopoPooling(new TopoPoolingOptions(Connect ?? false, Names.Weighting(Weighting ?? "softmax_of_node_scores", where), LearnedTemperature ?? false)),
                    "topk" => Pooling.NewTopKPooling(Need(Ratio, "ratio")),
                    "sag" => Pooling.NewSagPooling(Need(Ratio, "ratio")),
                    "asa" => Pooling.NewAsaPooling(Need(Ratio, "ratio")),
                    "diff" => Pooling.NewDiffPool(Need(Clusters, "clusters"), AuxiliaryLoss ?? false),
                    "edge" => Pooling.EdgePooling,
                    var other => throw new FormatException($"{where}: unknown pooling '{other}'"),
                };
                return Core.Pipelines.Stage.NewPool(pooling);
            default: throw new FormatException($"{where}: unknown stage '{Stage}'");
        }
    }

    internal Activation ToActivation(string where) => Kind switch
    {
        "leaky_relu" => Core.Pipelines.Activation.NewLeakyRelu(NegativeSlope ?? 0.01),
        "relu" => Core.Pipelines.Activation.Relu,
        "identity" => Core.Pipelines.Activation.Identity,
        var other => throw new FormatException($"{where}: unknown activation '{other}'"),
    };
}

/// <summary>The head of a <see cref="PipelineDescription"/>.</summary>
public sealed record HeadDescription(IReadOnlyList<int> HiddenWidths, int OutputWidth, StageDescription Activation, string Task)
{
    public static HeadDescription From(HeadStage head) =>
        new(head.HiddenWidths.ToList(), head.OutputWidth, StageDescription.Activation(head.Activation), head.Task == TaskKind.Classification ? "classification" : "regression");

    internal HeadStage ToHead()
    {
        if (HiddenWidths is null) throw new FormatException("head: no 'hidden_widths'");
        var task = Task switch
        {
            "classification" => TaskKind.Classification,
            "regression" => TaskKind.Regression,
            var other => throw new FormatException($"head: unknown task '{other}'"),
        };
        var activation = Activation?.ToActivation("head") ?? throw new FormatException("head: no 'activation'");
        return new HeadStage(Microsoft.FSharp.Collections.ListModule.OfSeq(HiddenWidths), OutputWidth, activation, task);
    }
}
