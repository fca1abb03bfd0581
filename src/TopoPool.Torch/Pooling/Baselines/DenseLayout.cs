using TopoPool.Torch.Scatter;
using TorchSharp;
using static TorchSharp.torch;

namespace TopoPool.Torch.Pooling.Baselines;

/// <summary>
/// Where each node sits in a padded dense batch (PyG's <c>to_dense_batch</c>/<c>to_dense_adj</c>, written with index
/// operations): node <c>i</c> of graph <c>g</c> goes to slot <c>(g, p)</c>, <c>p</c> its rank among its graph's nodes
/// by node index; <see cref="MaxNodes"/> is the largest graph's size. The batch need not be sorted.
/// </summary>
public sealed record DenseLayout
{
    /// <summary>The slot of each node in its graph (int64, N).</summary>
    public required Tensor Position { get; init; }
    /// <summary><c>graph · MaxNodes + Position</c> of each node (int64, N).</summary>
    public required Tensor Slot { get; init; }
    /// <summary>Each node's graph (int64, N).</summary>
    public required Tensor Batch { get; init; }
    public required long NumGraphs { get; init; }
    public required long MaxNodes { get; init; }

    /// <summary>The layout of a batch; its tensors belong to the caller's dispose scope.</summary>
    public static DenseLayout Of(Tensor batch, long numGraphs)
    {
        using var scope = NewDisposeScope();
        var device = batch.device;
        long n = batch.shape[0];
        var counts = ScatterReduce.Count(batch, numGraphs);
        long maxNodes = counts.numel() == 0 ? 0 : counts.max().item<long>();
        var (sortedGraph, order) = batch.sort(stable: true);
        var start = counts.cumsum(0) - counts;
        var position = empty(n, ScalarType.Int64, device)
            .index_copy(0, order, arange(n, ScalarType.Int64, device) - start.index_select(0, sortedGraph));
        var slot = batch * maxNodes + position;
        return new DenseLayout
        {
            Position = position.MoveToOuterDisposeScope(),
            Slot = slot.MoveToOuterDisposeScope(),
            Batch = batch.alias().MoveToOuterDisposeScope(),
            NumGraphs = numGraphs,
            MaxNodes = maxNodes,
        };
    }

    /// <summary>Node rows (N × F) as a padded batch (graphs × MaxNodes × F), zeros in the padding; differentiable.</summary>
    public Tensor ToDense(Tensor values)
    {
        using var scope = NewDisposeScope();
        var rows = ScatterReduce.Sum(values, Slot, NumGraphs * MaxNodes);
        var shape = new[] { NumGraphs, MaxNodes }.Concat(values.shape.Skip(1)).ToArray();
        return rows.reshape(shape).MoveToOuterDisposeScope();
    }

    /// <summary>True at the slots that hold a node (graphs × MaxNodes).</summary>
    public Tensor Mask()
    {
        using var scope = NewDisposeScope();
        return zeros(NumGraphs * MaxNodes, ScalarType.Bool, Slot.device).index_fill(0, Slot, true)
            .reshape(NumGraphs, MaxNodes).MoveToOuterDisposeScope();
    }

    /// <summary>The dense adjacency (graphs × MaxNodes × MaxNodes, type <paramref name="dtype"/>): entry
    /// <c>(g, p, q)</c> counts the edges from slot p to slot q of graph g (duplicates add up, as in PyG).</summary>
    public Tensor Adjacency(Tensor edgeIndex, ScalarType dtype)
    {
        using var scope = NewDisposeScope();
        var source = edgeIndex[0];
        var target = edgeIndex[1];
        var key = Slot.index_select(0, source) * MaxNodes + Position.index_select(0, target);
        var counts = ScatterReduce.Sum(ones(key.shape[0], dtype, key.device), key, NumGraphs * MaxNodes * MaxNodes);
        return counts.reshape(NumGraphs, MaxNodes, MaxNodes).MoveToOuterDisposeScope();
    }
}
