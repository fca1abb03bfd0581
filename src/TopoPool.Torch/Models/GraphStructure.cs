using TopoPool.Torch.Convolution;
using TopoPool.Torch.Scatter;
using TopoPool.Torch.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace TopoPool.Torch.Models;

/// <summary>
/// What the layers of a model derive from a batch's edges and batch vector alone, computed once on first use and then
/// shared by every layer that needs it: GCN's normalised edges with self-loops, GAT's edges with one loop per node,
/// each node's in-degree (GraphSAGE's mean), each graph's node count (LayerNorm, mean readouts). None of it depends on
/// the weights, so a <see cref="GraphBatch"/> keeps its structure for as long as it lives: with the training batches
/// collated once per run, it is computed once per run instead of once per layer and epoch. The values are the same
/// tensors the layers would compute themselves, so results do not change.
/// </summary>
public sealed class GraphStructure : IDisposable
{
    private (Tensor EdgeIndex, Tensor Norm)? gcn;
    private Tensor? gatEdges;
    private Tensor? inDegree;
    private Tensor? nodesPerGraph;

    /// <param name="edgeIndex">int64 2 × E.</param>
    /// <param name="batch">int64 N, each node's graph.</param>
    /// <param name="numNodes">N.</param>
    /// <param name="numGraphs">The graph count.</param>
    /// <remarks>The tensors computed here belong to this object, whatever dispose scope is current when they are
    /// computed, and are freed by <see cref="Dispose"/>; the inputs are not.</remarks>
    public GraphStructure(Tensor edgeIndex, Tensor batch, long numNodes, long numGraphs)
    {
        EdgeIndex = edgeIndex;
        Batch = batch;
        NumNodes = numNodes;
        NumGraphs = numGraphs;
    }

    public Tensor EdgeIndex { get; }
    public Tensor Batch { get; }
    public long NumNodes { get; }
    public long NumGraphs { get; }

    /// <summary><see cref="GcnConv.Normalize"/> of the edges without edge weights (float32).</summary>
    public (Tensor EdgeIndex, Tensor Norm) Gcn => gcn ??= Compute(() =>
    {
        var (edges, norm) = GcnConv.Normalize(EdgeIndex, null, NumNodes, ScalarType.Float32);
        return (Keep(edges), Keep(norm));
    });

    /// <summary>The edges without self-loops, then one loop per node (what GAT attends over).</summary>
    public Tensor GatEdges => gatEdges ??= Compute(() =>
    {
        var (withoutLoops, _) = SelfLoops.Remove(EdgeIndex);
        var (edges, _) = SelfLoops.Add(withoutLoops, null, NumNodes);
        return Keep(edges);
    });

    /// <summary>Each node's number of incoming edges, at least 1, as float32 N × 1 (the divisor of a mean aggregation).</summary>
    public Tensor InDegree => inDegree ??= Compute(() => Keep(ScatterReduce.Count(EdgeIndex[1], NumNodes).clamp_min(ScalarCache.One).to_type(ScalarType.Float32).unsqueeze(-1)));

    /// <summary>Each graph's node count, at least 1, as int64 (G).</summary>
    public Tensor NodesPerGraph => nodesPerGraph ??= Compute(() => Keep(ScatterReduce.Count(Batch, NumGraphs).clamp_min(ScalarCache.One)));

    public void Dispose()
    {
        gcn?.EdgeIndex.Dispose();
        gcn?.Norm.Dispose();
        gatEdges?.Dispose();
        inDegree?.Dispose();
        nodesPerGraph?.Dispose();
    }

    private T Compute<T>(Func<T> compute)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        return compute();
    }

    private static Tensor Keep(Tensor t) => t.DetachFromDisposeScope();
}
