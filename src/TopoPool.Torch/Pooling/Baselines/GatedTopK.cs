using TorchSharp;
using static TorchSharp.torch;

namespace TopoPool.Torch.Pooling.Baselines;

/// <summary>Select, Reduce and Connect shared by TopK and SAGPool (PyG's <c>TopKPooling</c>/<c>SAGPooling</c> after
/// the score): keep the top <c>ceil(ratio · n)</c> nodes of each graph (<see cref="TopKSelect"/>), multiply each
/// kept row by its (already gated) score, keep the edges between kept nodes (<see cref="FilterEdges"/>).</summary>
internal static class GatedTopK
{
    public static PoolResult Pool(Tensor x, Tensor edgeIndex, Tensor batch, long numGraphs, Tensor score, double ratio)
    {
        using var scope = NewDisposeScope();
        long n = x.shape[0];
        var kept = TopKSelect.Run(score, ratio, batch, numGraphs);
        long k = kept.shape[0];
        var weights = score.index_select(0, kept);
        var pooled = x.index_select(0, kept) * weights.unsqueeze(1);
        var (edges, _) = FilterEdges.Run(edgeIndex, kept, n);
        return new PoolResult
        {
            X = pooled,
            EdgeIndex = edges,
            Batch = batch.index_select(0, kept),
            NumGraphs = numGraphs,
            NumNodes = n,
            NumClusters = k,
            NodeIndex = kept,
            ClusterIndex = arange(k, ScalarType.Int64, x.device),
            Peaks = kept.alias(),
            Scores = score.alias(),
            Weights = weights,
        }.MoveToOuterDisposeScope();
    }
}
