using TorchSharp;
using static TorchSharp.torch;

namespace TopoPool.Torch.Pooling;

/// <summary>Any pooling layer applied to one graph: <c>pool.call(x, edgeIndex)</c> with every node in graph 0.</summary>
public static class SingleGraphPooling
{
    public static PoolResult call(this nn.Module<Tensor, Tensor, Tensor, long, PoolResult> pool, Tensor x, Tensor edgeIndex)
    {
        using var scope = NewDisposeScope();
        return pool.call(x, edgeIndex, zeros(x.shape[0], ScalarType.Int64, x.device), 1).MoveToOuterDisposeScope();
    }
}
