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
        GcnConv gcn => gcn.forward(x, structure),
        GatConv gat => gat.forward(x, structure),
        SageConv sage => sage.forward(x, structure),
        nn.Module<Tensor, Tensor, Tensor> other => other.call(x, structure.EdgeIndex),
        _ => throw new ArgumentException($"{layer.GetType().Name} is not a convolution", nameof(layer)),
    };

    /// <summary>Graph-mode LayerNorm: over all nodes and channels of each graph, per-channel affine.</summary>
    public static GraphLayerNorm Normalization(int width) => new(width);

    public static Tensor Normalize(nn.Module norm, Tensor x, GraphStructure structure) =>
        ((GraphLayerNorm)norm).forward(x, structure);

    public static nn.Module<Tensor, Tensor, Tensor, long, PoolResult> Pooling(PoolingStage stage, int inputs) => stage.Kind switch
    {
        PoolingKind.TopoPool => new Pooling.TopoPool(inputs, stage.Connect),
        PoolingKind.TopK => new TopKPool(inputs, stage.Ratio),
        PoolingKind.Sag => new SagPool(inputs, stage.Ratio),
        PoolingKind.DiffPool => new DiffPool(inputs, inputs, stage.Clusters),
        PoolingKind.EdgePool => new EdgePool(inputs),
        PoolingKind.AsaPool => new AsaPool(inputs, stage.Ratio),
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage.Kind, "Global pooling has no layer"),
    };

    /// <summary>The pool's auxiliary loss (DiffPool's link and entropy losses) when the stage asks for it.</summary>
    public static Tensor? AuxiliaryLoss(PoolingStage stage, PoolResult result) => stage.AuxiliaryLoss ? result.AuxiliaryLoss() : null;
}
