using TopoPool.Torch.Scatter;
using TorchSharp;
using static TorchSharp.torch;

namespace TopoPool.Torch.Pooling.Baselines;

/// <summary>
/// PyG's <c>topk</c> selection as a free function: in each graph keep the <c>ceil(ratio · n_g)</c> nodes of highest
/// score (computed in the score's type, as PyG does). The kept nodes come grouped by graph (graph 0 first), each
/// graph's in descending score; equal scores keep the lower node index first, so the selection is deterministic.
/// The batch need not be sorted; graphs are counted by <c>numGraphs</c>, empty ones included.
/// </summary>
public static class TopKSelect
{
    /// <summary>The kept nodes (int64, K) for per-node <paramref name="score"/> (N).</summary>
    public static Tensor Run(Tensor score, double ratio, Tensor batch, long numGraphs)
    {
        if (score.dim() != 1 || !score.is_floating_point())
            throw new ArgumentException($"the score must be a 1-D floating-point tensor; got {score.dtype} of shape [{string.Join(", ", score.shape)}]", nameof(score));
        CheckRatio(ratio);
        using var scope = NewDisposeScope();
        long n = score.shape[0];
        var device = score.device;
        var counts = ScatterReduce.Count(batch, numGraphs);
        var keep = (counts.to_type(score.dtype) * ratio).ceil().to_type(ScalarType.Int64).minimum(counts);
        var byScore = score.detach().sort(descending: true, stable: true).Indices;
        var (graphOfRank, byGraph) = batch.index_select(0, byScore).sort(stable: true);
        var order = byScore.index_select(0, byGraph);
        var start = counts.cumsum(0) - counts;
        var rankInGraph = arange(n, ScalarType.Int64, device) - start.index_select(0, graphOfRank);
        var kept = order.masked_select(rankInGraph.lt(keep.index_select(0, graphOfRank)));
        return kept.MoveToOuterDisposeScope();
    }

    /// <summary>Throws unless <c>0 &lt; ratio ≤ 1</c>.</summary>
    public static void CheckRatio(double ratio)
    {
        if (!(ratio > 0 && ratio <= 1))
            throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "the pooling ratio must lie in (0, 1]");
    }
}
