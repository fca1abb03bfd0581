using TopoPool.Torch.Scatter;
using static TorchSharp.torch;

namespace TopoPool.Torch.Readout;

/// <summary>
/// Graph-level readouts: one row per graph from the node features <c>x</c> (N × d) and the graph of each node
/// <c>batch</c> (int64, N). <paramref name="numGraphs"/> is always passed, so empty graphs get a row of zeros.
/// </summary>
public static class GlobalPool
{
    /// <summary>Feature-wise maximum over the nodes of each graph (gradient to the first node holding it).</summary>
    public static Tensor Max(Tensor x, Tensor batch, long numGraphs) => ScatterReduce.MaxValues(x, batch, numGraphs);

    /// <summary>Mean over the nodes of each graph.</summary>
    public static Tensor Mean(Tensor x, Tensor batch, long numGraphs) => ScatterReduce.Mean(x, batch, numGraphs);

    /// <summary>Sum over the nodes of each graph.</summary>
    public static Tensor Sum(Tensor x, Tensor batch, long numGraphs) => ScatterReduce.Sum(x, batch, numGraphs);

    /// <summary><c>[max ‖ mean]</c> per graph (numGraphs × 2d), the readout the paper's model uses after pooling.</summary>
    public static Tensor MaxMean(Tensor x, Tensor batch, long numGraphs)
    {
        using var scope = NewDisposeScope();
        return cat(new[] { Max(x, batch, numGraphs), Mean(x, batch, numGraphs) }, 1).MoveToOuterDisposeScope();
    }
}
