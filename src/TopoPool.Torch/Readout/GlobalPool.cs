using TopoPool.Torch.Scatter;
using static TorchSharp.torch;

namespace TopoPool.Torch.Readout;

/// <summary>
/// Graph-level readouts: one row per graph from the node features <c>x</c> (N × d) and the graph of each node
/// <c>batch</c> (int64, N). <c>numGraphs</c> is always passed, so empty graphs get a row of zeros.
/// </summary>
public static class GlobalPool
{
    /// <summary>Feature-wise maximum over the nodes of each graph (gradient to the first node holding it).</summary>
    public static Tensor Max(Tensor x, Tensor batch, long numGraphs) => ScatterReduce.MaxValues(x, batch, numGraphs);

    /// <summary>Mean over the nodes of each graph.</summary>
    public static Tensor Mean(Tensor x, Tensor batch, long numGraphs) => ScatterReduce.Mean(x, batch, numGraphs);

    /// <summary>Sum over the nodes of each graph.</summary>
    public static Tensor Sum(Tensor x, Tensor batch, long numGraphs) => ScatterReduce.Sum(x, batch, numGraphs);

    /// <summary>The mean over the nodes of each graph, with the node counts of <paramref name="structure"/> (computed once per batch).</summary>
    public static Tensor Mean(Tensor x, Models.GraphStructure structure)
    {
        using var scope = NewDisposeScope();
        var count = structure.NodesPerGraph.to_type(x.dtype);
        for (int d = 1; d < x.dim(); d++) count = count.unsqueeze(-1);
        return (ScatterReduce.Sum(x, structure.Batch, structure.NumGraphs) / count).MoveToOuterDisposeScope();
    }

    /// <summary><c>[max ‖ mean]</c> per graph with the node counts of <paramref name="structure"/>.</summary>
    public static Tensor MaxMean(Tensor x, Models.GraphStructure structure)
    {
        using var scope = NewDisposeScope();
        return cat(new[] { Max(x, structure.Batch, structure.NumGraphs), Mean(x, structure) }, 1).MoveToOuterDisposeScope();
    }

    /// <summary><c>[max ‖ mean]</c> per graph (numGraphs × 2d), the readout the paper's model uses after pooling.</summary>
    public static Tensor MaxMean(Tensor x, Tensor batch, long numGraphs)
    {
        using var scope = NewDisposeScope();
        return cat(new[] { Max(x, batch, numGraphs), Mean(x, batch, numGraphs) }, 1).MoveToOuterDisposeScope();
    }
}
