using TopoPool.Torch.Tensors;
using TopoPool.Torch.Scatter;
using static TorchSharp.torch;

namespace TopoPool.Torch.Pooling;

/// <summary>TopoPool's Reduce as a free function (design/TOPOPOOL.md): the feature-wise maximum over each cluster's
/// members times the softmax of the peak scores over the clusters of the same graph. Differentiable in
/// <c>x</c> (through the maximum: the gradient of each maximum goes to the lowest-numbered member holding it)
/// and in the scores (through σ).</summary>
public static class TopoPoolReduce
{
    /// <summary>Pooled features and cluster weights for node features <paramref name="x"/> (N × d) and the node
    /// scores <paramref name="scores"/> (N) whose values at the peaks are weighed: the node scores <c>s</c> (the
    /// authors' weighting), the raw scores (the paper's single softmax), either divided by a temperature.</summary>
    public static ReducedClusters Run(Tensor x, Tensor scores, ClusterAssignment assignment)
    {
        if (x.dim() != 2 || x.shape[0] != assignment.NumNodes)
            throw new ArgumentException($"x must have one row per node ({assignment.NumNodes}); got shape {GraphTensorArguments.Shape(x)}", nameof(x));
        if (scores.dim() != 1 || scores.shape[0] != assignment.NumNodes)
            throw new ArgumentException($"scores must have one entry per node ({assignment.NumNodes}); got shape {GraphTensorArguments.Shape(scores)}", nameof(scores));
        using var scope = NewDisposeScope();
        var clusterMax = ScatterReduce.GatherMaxValues(x, assignment.NodeIndex, assignment.ClusterIndex, assignment.NumClusters);
        var weights = ScatterReduce.Softmax(scores.index_select(0, assignment.Peaks), assignment.ClusterBatch, assignment.NumGraphs);
        var pooled = clusterMax * weights.unsqueeze(1);
        return new ReducedClusters(pooled.MoveToOuterDisposeScope(), weights.MoveToOuterDisposeScope());
    }
}
