using TopoPool.Torch.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace TopoPool.Torch.Pooling.Baselines;

/// <summary>PyG's <c>FilterEdges</c> connect as a free function: the edges whose two endpoints were both kept,
/// renumbered to the kept nodes' positions, in their input order.</summary>
public static class FilterEdges
{
    /// <summary>The filtered edges (int64 2 × E') and the input position of each (int64 E'), to carry edge weights
    /// along. <paramref name="kept"/> lists the kept nodes (distinct), in pooled order.</summary>
    public static (Tensor EdgeIndex, Tensor EdgePosition) Run(Tensor edgeIndex, Tensor kept, long numNodes)
    {
        using var scope = NewDisposeScope();
        var device = edgeIndex.device;
        var newIndex = full(numNodes, ScalarCache.MinusOne, ScalarType.Int64, device)
            .index_copy(0, kept, arange(kept.shape[0], ScalarType.Int64, device));
        var source = newIndex.index_select(0, edgeIndex[0]);
        var target = newIndex.index_select(0, edgeIndex[1]);
        var position = source.ge(ScalarCache.Zero).logical_and(target.ge(ScalarCache.Zero)).nonzero().squeeze(1);
        var edges = stack(new[] { source.index_select(0, position), target.index_select(0, position) });
        return (edges.MoveToOuterDisposeScope(), position.MoveToOuterDisposeScope());
    }
}
