using TopoPool.Torch.Models;
using TopoPool.Torch.Tensors;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace TopoPool.Torch.Convolution;

/// <summary>
/// What every convolution shares: its widths (checked once), <c>x</c> (N × in, floating point) and the edge index
/// (int64 2 × E, same device) checked on every call, the work done in a dispose scope whose result alone is moved
/// out, and, where a convolution has one, a path over a batch's precomputed <see cref="GraphStructure"/> that gives
/// the same result.
/// </summary>
public abstract class GraphConvolution : Module<Tensor, Tensor, Tensor>
{
    /// <param name="name">The module's name.</param>
    /// <param name="inChannels">Input feature width.</param>
    /// <param name="outChannels">Output feature width (per head for attention).</param>
    protected GraphConvolution(string name, long inChannels, long outChannels) : base(name)
    {
        if (inChannels < 1) throw new ArgumentOutOfRangeException(nameof(inChannels), "at least one input channel");
        if (outChannels < 1) throw new ArgumentOutOfRangeException(nameof(outChannels), "at least one output channel");
        InChannels = inChannels;
        OutChannels = outChannels;
    }

    public long InChannels { get; }
    public long OutChannels { get; }

    /// <summary>Convolves node features <paramref name="x"/> (N × in) over <paramref name="edgeIndex"/> (int64 2 × E).</summary>
    public override Tensor forward(Tensor x, Tensor edgeIndex)
    {
        GraphTensorArguments.Check(x, InChannels, edgeIndex);
        using var scope = NewDisposeScope();
        return Convolve(x, edgeIndex).MoveToOuterDisposeScope();
    }

    /// <summary>As <see cref="forward(Tensor, Tensor)"/> over a batch whose edge-derived tensors were computed once;
    /// the same result.</summary>
    public virtual Tensor forward(Tensor x, GraphStructure structure) => forward(x, structure.EdgeIndex);

    /// <summary>The convolution on checked inputs; temporaries go to the caller's scope.</summary>
    protected abstract Tensor Convolve(Tensor x, Tensor edgeIndex);
}
