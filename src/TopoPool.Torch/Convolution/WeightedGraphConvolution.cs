using TopoPool.Torch.Tensors;
using static TorchSharp.torch;

namespace TopoPool.Torch.Convolution;

/// <summary>A <see cref="GraphConvolution"/> that also takes a weight per edge (E, floating point), as the pools that
/// produce weighted graphs (ASAPool, DiffPool) hand them on; without weights every edge weighs 1.</summary>
public abstract class WeightedGraphConvolution : GraphConvolution
{
    /// <inheritdoc cref="GraphConvolution(string, long, long)"/>
    protected WeightedGraphConvolution(string name, long inChannels, long outChannels) : base(name, inChannels, outChannels)
    {
    }

    /// <summary>As <see cref="GraphConvolution.forward(Tensor, Tensor)"/> with edge weights (E).</summary>
    public Tensor forward(Tensor x, Tensor edgeIndex, Tensor? edgeWeight)
    {
        GraphTensorArguments.Check(x, InChannels, edgeIndex);
        GraphTensorArguments.CheckEdgeWeight(edgeWeight, edgeIndex);
        using var scope = NewDisposeScope();
        return Convolve(x, edgeIndex, edgeWeight).MoveToOuterDisposeScope();
    }

    /// <summary>Calls the module (hooks included) without edge weights, or <see cref="forward(Tensor, Tensor, Tensor?)"/> with them.</summary>
    public Tensor call(Tensor x, Tensor edgeIndex, Tensor? edgeWeight) =>
        edgeWeight is null ? call(x, edgeIndex) : forward(x, edgeIndex, edgeWeight);

    protected sealed override Tensor Convolve(Tensor x, Tensor edgeIndex) => Convolve(x, edgeIndex, null);

    /// <summary>The convolution on checked inputs, <paramref name="edgeWeight"/> null for unweighted edges.</summary>
    protected abstract Tensor Convolve(Tensor x, Tensor edgeIndex, Tensor? edgeWeight);
}
