using TopoPool.Core.Pipelines;
using TopoPool.Torch.Convolution;
using TopoPool.Torch.Normalization;
using TopoPool.Torch.Pooling;
using TopoPool.Torch.Pooling.Baselines;
using TorchSharp;
using static TorchSharp.torch;

namespace TopoPool.Torch.Models;

/// <summary>The layer each pipeline stage stands for: the one place that maps stage descriptions to modules.</summary>
internal static class PipelineLayers
{
    public static nn.Module<Tensor, Tensor, Tensor> Convolution(ConvolutionStage stage, int inputs) => stage.Kind switch
    {
        ConvolutionKind.Gcn => new GcnConv(inputs, stage.Width),
        ConvolutionKind.Gat => new GatConv(inputs, stage.Width, heads: stage.Heads, concat: stage.ConcatHeads),
        ConvolutionKind.Sage => new SageConv(inputs, stage.Width),
        ConvolutionKind.GraphConv => new GraphConv(inputs, stage.Width),
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage.Kind, "unknown convolution"),
    };

    /// <summary>A convolution over the structure's edges, reusing what the structure has computed for the batch.</summary>
    public static Tensor Convolve(nn.Module layer, Tensor x, GraphStructure structure) => layer switch
    {
        GraphConvolution convolution => convolution.forward(x, structure),
        nn.Module<Tensor, Tensor, Tensor> other => other.call(x, structure.EdgeIndex),
        _ => throw new ArgumentException($"{layer.GetType().Name} is not a convolution", nameof(layer)),
    };

    /// <summary>Graph-mode LayerNorm: over all nodes and channels of each graph, per-channel affine.</summary>
    public static GraphLayerNorm Normalization(int width) => new(width);

    public static Tensor Normalize(nn.Module norm, Tensor x, GraphStructure structure) =>
        ((GraphLayerNorm)norm).forward(x, structure);

    public static nn.Module<Tensor, Tensor, Tensor, long, PoolResult> Pooling(Core.Pipelines.Pooling pooling, int inputs) => pooling switch
    {
        Core.Pipelines.Pooling.TopoPooling t => new TopoPooling(inputs, t.Item),
        Core.Pipelines.Pooling.TopKPooling k => new TopKPooling(inputs, k.Ratio),
        Core.Pipelines.Pooling.SagPooling s => new SagPooling(inputs, s.Ratio),
        Core.Pipelines.Pooling.AsaPooling a => new AsaPooling(inputs, a.Ratio),
        Core.Pipelines.Pooling.DiffPool d => new DiffPool(inputs, inputs, d.Clusters),
        _ when pooling.IsEdgePooling => new EdgePooling(inputs),
        _ => throw new ArgumentOutOfRangeException(nameof(pooling), pooling, "unknown pooling"),
    };

    /// <summary>The pool's auxiliary loss (DiffPool's link and entropy losses) when the stage asks for it.</summary>
    public static Tensor? AuxiliaryLoss(Core.Pipelines.Pooling pooling, PoolResult result) =>
        pooling is Core.Pipelines.Pooling.DiffPool { AuxiliaryLoss: true } ? result.AuxiliaryLoss() : null;
}
