using TopoPool.Torch.Tensors;
using TopoPool.Torch.Scatter;
using static TorchSharp.torch;

namespace TopoPool.Torch.Pooling;

/// <summary>
/// What every hierarchical pooling layer of the project returns: the pooled graph, how it came from the input
/// (a sparse assignment in COO form, PyG's <c>SelectOutput</c>), and a way back to the input's nodes.
/// Cluster <c>k</c> is row <c>k</c> of <see cref="X"/>; pair <c>p</c> says node <c>NodeIndex[p]</c> belongs to cluster
/// <c>ClusterIndex[p]</c>, and a node may appear in several pairs (TopoPool's shared nodes) or in none (a node
/// dropped by a top-k pool). Tensors are on the input's device, in the caller's dispose scope.
/// </summary>
public sealed record PoolResult
{
    /// <summary>Pooled features, one row per cluster (K × d).</summary>
    public required Tensor X { get; init; }
    /// <summary>Pooled edges, int64 2 × E' with both directions; empty (2 × 0) when the layer does not connect.</summary>
    public required Tensor EdgeIndex { get; init; }
    /// <summary>The graph of each cluster (int64, K): the pooled batch vector.</summary>
    public required Tensor Batch { get; init; }
    /// <summary>Number of graphs (unchanged by pooling; graphs without clusters stay in the count).</summary>
    public required long NumGraphs { get; init; }
    /// <summary>Number of input nodes (rows of <see cref="Unpool(Tensor)"/>'s result).</summary>
    public required long NumNodes { get; init; }
    /// <summary>Number of clusters K.</summary>
    public required long NumClusters { get; init; }
    /// <summary>The node of each assignment pair (int64, M).</summary>
    public required Tensor NodeIndex { get; init; }
    /// <summary>The cluster of each assignment pair (int64, M).</summary>
    public required Tensor ClusterIndex { get; init; }
    /// <summary>A weight per assignment pair (M), or null when membership is unweighted (TopoPool).</summary>
    public Tensor? AssignmentWeight { get; init; }
    /// <summary>The node each cluster is built around (K): TopoPool's peaks; null for layers without one.</summary>
    public Tensor? Peaks { get; init; }
    /// <summary>The layer's per-node scores (N): TopoPool's per-graph softmax <c>s</c>; null for layers without scores.</summary>
    public Tensor? Scores { get; init; }
    /// <summary>The per-cluster weights the pooled rows were multiplied by (K): TopoPool's <c>σ</c>; null if none.</summary>
    public Tensor? Weights { get; init; }

    /// <summary>What some layers return beside the common fields: pooled edge weights (ASAPool), DiffPool's
    /// auxiliary losses and dense adjacency, EdgePooling's edge scores; null when the layer has none.</summary>
    public PoolExtras? Extras { get; init; }

    /// <summary>A weight per pooled edge (E'), or null when pooled edges are unweighted.</summary>
    public Tensor? EdgeWeight => Extras?.EdgeWeight;

    /// <summary>The layer's auxiliary loss (DiffPool: link-prediction plus entropy), or null when it has none.</summary>
    public Tensor? AuxiliaryLoss()
    {
        if (Extras?.LinkLoss is null && Extras?.EntropyLoss is null) return null;
        if (Extras.LinkLoss is null) return Extras.EntropyLoss!.alias();
        if (Extras.EntropyLoss is null) return Extras.LinkLoss.alias();
        return Extras.LinkLoss + Extras.EntropyLoss;
    }

    /// <summary>Pooled rows back on the input nodes (N × d): a node gets the sum of its clusters' rows, zeros if it
    /// is in no cluster.</summary>
    public Tensor Unpool(Tensor pooled) => Unpool(pooled, UnpoolReduction.Sum);

    /// <summary>Pooled rows back on the input nodes, combining a shared node's clusters as <paramref name="reduction"/> says.</summary>
    public Tensor Unpool(Tensor pooled, UnpoolReduction reduction)
    {
        if (pooled.dim() < 1 || pooled.shape[0] != NumClusters)
            throw new ArgumentException($"the pooled tensor must have one row per cluster ({NumClusters}); got shape {GraphTensorArguments.Shape(pooled)}", nameof(pooled));
        using var scope = NewDisposeScope();
        if (reduction == UnpoolReduction.Max)
            return ScatterReduce.GatherMaxValues(pooled, ClusterIndex, NodeIndex, NumNodes).MoveToOuterDisposeScope();
        var rows = pooled.index_select(0, ClusterIndex);
        if (AssignmentWeight is not null)
        {
            var weight = AssignmentWeight;
            while (weight.dim() < rows.dim()) weight = weight.unsqueeze(-1);
            rows = rows * weight;
        }
        var result = reduction switch
        {
            UnpoolReduction.Sum => ScatterReduce.Sum(rows, NodeIndex, NumNodes),
            UnpoolReduction.Mean => ScatterReduce.Mean(rows, NodeIndex, NumNodes),
            _ => throw new ArgumentOutOfRangeException(nameof(reduction), reduction, "unknown unpool reduction"),
        };
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>Moves every tensor to the enclosing dispose scope (library code returns results this way).</summary>
    public PoolResult MoveToOuterDisposeScope()
    {
        foreach (var t in new[] { X, EdgeIndex, Batch, NodeIndex, ClusterIndex, AssignmentWeight, Peaks, Scores, Weights })
            t?.MoveToOuterDisposeScope();
        Extras?.MoveToOuterDisposeScope();
        return this;
    }
}
