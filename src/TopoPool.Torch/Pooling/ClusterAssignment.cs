using System.Collections.Immutable;
using TopoPool.Core;
using TopoPool.Torch.Tensors;
using static TorchSharp.torch;

namespace TopoPool.Torch.Pooling;

/// <summary>
/// The result of TopoPool's Select on tensors (design/TOPOPOOL.md): clusters numbered <c>0..NumClusters-1</c>
/// by (graph, peak node), and the membership as a sparse assignment in COO form, sorted by cluster then node.
/// A node shared by several clusters appears once per cluster. Every tensor is int64 on the input's device.
/// </summary>
public sealed record ClusterAssignment
{
    /// <summary>Number of input nodes.</summary>
    public required long NumNodes { get; init; }
    /// <summary>Number of graphs in the batch (empty graphs included).</summary>
    public required long NumGraphs { get; init; }
    /// <summary>Number of clusters K (one per peak).</summary>
    public required long NumClusters { get; init; }
    /// <summary>The peak node of each cluster (K).</summary>
    public required Tensor Peaks { get; init; }
    /// <summary>The graph of each cluster (K): the pooled batch vector.</summary>
    public required Tensor ClusterBatch { get; init; }
    /// <summary>The node of each membership pair (M ≥ N).</summary>
    public required Tensor NodeIndex { get; init; }
    /// <summary>The cluster of each membership pair (M), non-decreasing.</summary>
    public required Tensor ClusterIndex { get; init; }
    /// <summary>The descent level at which each node was reached, 0 for peaks (N).</summary>
    public required Tensor Levels { get; init; }

    /// <summary>The same assignment as the Core record (copies to the host), e.g. to inspect or print clusters.</summary>
    public Clustering ToClustering()
    {
        using var scope = NewDisposeScope();
        ImmutableArray<int> Read(Tensor t) =>
            ImmutableArray.Create(HostTensors.Span<long>(HostTensors.OnHost(t, TorchSharp.torch.ScalarType.Int64)).ToArray().Select(v => checked((int)v)).ToArray());
        return Clustering.Create(checked((int)NumNodes), checked((int)NumGraphs), Read(Peaks), Read(ClusterBatch),
                              Read(NodeIndex), Read(ClusterIndex), Read(Levels));
    }

    /// <summary>Moves every tensor to the enclosing dispose scope (library code returns results this way).</summary>
    public ClusterAssignment MoveToOuterDisposeScope()
    {
        Peaks.MoveToOuterDisposeScope();
        ClusterBatch.MoveToOuterDisposeScope();
        NodeIndex.MoveToOuterDisposeScope();
        ClusterIndex.MoveToOuterDisposeScope();
        Levels.MoveToOuterDisposeScope();
        return this;
    }
}
