using TopoPool.Torch.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace TopoPool.Torch.Convolution;

/// <summary>
/// Self-loop handling as PyG's <c>torch_geometric.utils</c> does it, on any device, without loops over edges.
/// Edge order is kept: the remaining edges come first, in their input order, then one loop per node <c>0..N-1</c>.
/// </summary>
public static class SelfLoops
{
    /// <summary>PyG's <c>remove_self_loops</c>: the edges with source ≠ target (and their weights).</summary>
    public static (Tensor EdgeIndex, Tensor? EdgeWeight) Remove(Tensor edgeIndex, Tensor? edgeWeight = null)
    {
        GraphTensorArguments.CheckEdgeIndex(edgeIndex, edgeIndex.device);
        GraphTensorArguments.CheckEdgeWeight(edgeWeight, edgeIndex);
        using var scope = NewDisposeScope();
        var keep = edgeIndex[0].ne(edgeIndex[1]).nonzero().squeeze(1);
        var edges = edgeIndex.index_select(1, keep).MoveToOuterDisposeScope();
        var weights = edgeWeight?.index_select(0, keep).MoveToOuterDisposeScope();
        return (edges, weights);
    }

    /// <summary>PyG's <c>add_self_loops</c>: appends <c>(i, i)</c> for every node, weight <paramref name="fill"/>
    /// (existing loops are kept; call <see cref="Remove"/> first to replace them, as GATConv does).</summary>
    public static (Tensor EdgeIndex, Tensor? EdgeWeight) Add(Tensor edgeIndex, Tensor? edgeWeight, long numNodes, double fill = 1.0)
    {
        GraphTensorArguments.CheckEdgeIndex(edgeIndex, edgeIndex.device);
        GraphTensorArguments.CheckEdgeWeight(edgeWeight, edgeIndex);
        using var scope = NewDisposeScope();
        var loops = arange(numNodes, ScalarType.Int64, edgeIndex.device).unsqueeze(0).expand(2, numNodes);
        var edges = cat(new[] { edgeIndex, loops }, 1).MoveToOuterDisposeScope();
        var weights = edgeWeight is null
            ? null
            : cat(new[] { edgeWeight, full(numNodes, fill, edgeWeight.dtype, edgeWeight.device) }, 0).MoveToOuterDisposeScope();
        return (edges, weights);
    }

    /// <summary>
    /// PyG's <c>add_remaining_self_loops</c> (what GCNConv and ASAPooling use): existing loops are removed and one loop
    /// per node is appended. A node that had a loop keeps that loop's weight (the last one if it had several);
    /// the others get <paramref name="fill"/>. Without <paramref name="edgeWeight"/> every weight is 1 and the loops
    /// get <paramref name="fill"/>. The weights have type <paramref name="dtype"/> (the features' type) when
    /// <paramref name="edgeWeight"/> is null.
    /// </summary>
    public static (Tensor EdgeIndex, Tensor EdgeWeight) AddRemaining(Tensor edgeIndex, Tensor? edgeWeight, long numNodes,
                                                                     double fill = 1.0, ScalarType dtype = ScalarType.Float32)
    {
        GraphTensorArguments.CheckEdgeIndex(edgeIndex, edgeIndex.device);
        GraphTensorArguments.CheckEdgeWeight(edgeWeight, edgeIndex);
        using var scope = NewDisposeScope();
        var device = edgeIndex.device;
        var weights = edgeWeight ?? ones(edgeIndex.shape[1], dtype, device);
        var isLoop = edgeIndex[0].eq(edgeIndex[1]);
        var keep = isLoop.logical_not().nonzero().squeeze(1);
        var loopWeight = full(numNodes, fill, weights.dtype, device);
        if (edgeWeight is not null)
        {
            var loopPositions = isLoop.nonzero().squeeze(1);
            long loopCount = loopPositions.shape[0];
            if (loopCount > 0)
            {
                // The last loop of each node wins, as PyG's sequential assignment does; sort the loops by node
                // (stably) and take the last of each run, so the copy below has distinct indices.
                var loopNodes = edgeIndex[0].index_select(0, loopPositions);
                var (sortedNodes, order) = loopNodes.sort(stable: true);
                var last = cat(new[] { sortedNodes.narrow(0, 1, loopCount - 1).ne(sortedNodes.narrow(0, 0, loopCount - 1)),
                                       ones(1, ScalarType.Bool, device) }, 0);
                var chosen = order.masked_select(last);
                loopWeight = loopWeight.index_copy(0, loopNodes.index_select(0, chosen),
                                                   weights.index_select(0, loopPositions.index_select(0, chosen)));
            }
        }
        var loops = arange(numNodes, ScalarType.Int64, device).unsqueeze(0).expand(2, numNodes);
        var edges = cat(new[] { edgeIndex.index_select(1, keep), loops }, 1);
        var allWeights = cat(new[] { weights.index_select(0, keep), loopWeight }, 0);
        return (edges.MoveToOuterDisposeScope(), allWeights.MoveToOuterDisposeScope());
    }
}
