using TopoPool.Torch.Tensors;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace TopoPool.Torch.Pooling;

/// <summary>
/// What every pooling layer shares: a batch in, a <see cref="PoolResult"/> out, so that a model swaps pools without
/// special cases. The feature width is checked once; <c>x</c> (N × d, floating point), the edge index (int64 2 × E)
/// and <c>batch</c> (int64 N) are checked on every call, on one device; the work runs in a dispose scope whose result
/// alone is moved out.
/// </summary>
public abstract class GraphPooling : Module<Tensor, Tensor, Tensor, long, PoolResult>
{
    /// <param name="name">The module's name.</param>
    /// <param name="inChannels">The feature width d.</param>
    protected GraphPooling(string name, long inChannels) : base(name)
    {
        if (inChannels < 1) throw new ArgumentOutOfRangeException(nameof(inChannels), $"{name} needs at least one input channel");
        InChannels = inChannels;
    }

    /// <summary>The feature width d.</summary>
    public long InChannels { get; }

    /// <summary>Pools a batch: <paramref name="x"/> (N × d), <paramref name="edgeIndex"/> (int64 2 × E),
    /// <paramref name="batch"/> (int64 N, each node's graph) of <paramref name="numGraphs"/> graphs (passed, never
    /// inferred, so empty graphs count).</summary>
    public sealed override PoolResult forward(Tensor x, Tensor edgeIndex, Tensor batch, long numGraphs)
    {
        GraphTensorArguments.Check(x, InChannels, edgeIndex);
        GraphTensorArguments.CheckBatch(batch, x.shape[0], numGraphs, x.device);
        using var scope = NewDisposeScope();
        return Pool(x, edgeIndex, batch, numGraphs).MoveToOuterDisposeScope();
    }

    /// <summary>The pooling on checked inputs; temporaries go to the caller's scope.</summary>
    protected abstract PoolResult Pool(Tensor x, Tensor edgeIndex, Tensor batch, long numGraphs);
}
