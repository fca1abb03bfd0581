using TopoPool.Core.Pipelines;
using TopoPool.Torch.Convolution;
using TopoPool.Torch.Pooling;
using TorchSharp;
using static TorchSharp.torch;

namespace TopoPool.Torch.Models;

/// <summary>The layer each pipeline stage stands for: one place that maps stage descriptions to modules.</summary>
internal static class PipelineLayers
{
    public static nn.Module<Tensor, Tensor, Tensor> Convolution(ConvolutionStage stage, int inputs) => stage.Kind switch
    {
        ConvolutionKind.Gcn => new GcnConv(inputs, stage.Width),
        _ => throw new NotSupportedException($"convolution {stage.Kind} is not available yet"),
    };

    public static nn.Module Normalization(int width) => nn.LayerNorm(width);

    public static Tensor Normalize(nn.Module norm, Tensor x, Tensor batch, long numGraphs) =>
        ((nn.Module<Tensor, Tensor>)norm).call(x);

    public static nn.Module Pooling(PoolingStage stage, int inputs) => stage.Kind switch
    {
        PoolingKind.TopoPool => new Pooling.TopoPool(inputs, stage.Connect),
        _ => throw new NotSupportedException($"pooling {stage.Kind} is not available yet"),
    };

    public static Tensor? AuxiliaryLoss(PoolResult result) => null;
}
