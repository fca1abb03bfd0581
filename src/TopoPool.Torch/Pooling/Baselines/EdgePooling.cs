using TopoPool.Torch.Tensors;
using TopoPool.Torch.Convolution;
using TopoPool.Torch.Scatter;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace TopoPool.Torch.Pooling.Baselines;

/// <summary>
/// Edge contraction pooling (Diehl 2019; PyG's <c>EdgePooling</c> with its defaults): each edge <c>j→i</c> gets the raw
/// score <c>Linear(2d→1)([x_j ; x_i])</c>, normalised by a softmax over the incoming edges of <c>i</c>, plus 0.5
/// (dropout on the raw score while training, default 0). Edges are then contracted greedily by descending score
/// when both endpoints are still free (<see cref="EdgeMatching"/>, no per-edge tensor calls); a self-loop taken this
/// way keeps its node alone with the loop's score, and nodes left over stay alone with score 1. A cluster's row is
/// <c>(Σ members' x) · score</c>; the pooled edges are the input edges mapped to clusters, coalesced and sorted by
/// (source, target), self-loops of merged clusters included (as PyG's <c>coalesce</c> leaves them).
/// <para>The result: clusters grouped by graph, within a graph the contracted edges in the order they were taken,
/// then the nodes left alone by index (PyG numbers all contracted edges of the batch first);
/// every node in exactly one cluster (pairs sorted by cluster, then node); <see cref="PoolResult.Weights"/> = the
/// cluster scores; the edge scores in <see cref="PoolExtras.EdgeScore"/>. <see cref="PoolResult.Unpool(Tensor)"/>
/// copies a cluster's row to its members (PyG's <c>unpool</c> also divides by the score).
/// State-dict keys: <c>lin.weight</c>, <c>lin.bias</c>.</para>
/// </summary>
public sealed class EdgePooling : GraphPooling
{
    private readonly Linear lin;

    /// <param name="inChannels">Feature width d.</param>
    /// <param name="dropout">Dropout probability on the raw edge scores while training (PyG default 0).</param>
    /// <param name="addToEdgeScore">Added to every normalised score (PyG default 0.5).</param>
    /// <param name="engine">How the greedy matching is resolved; every engine gives the same result.</param>
    public EdgePooling(long inChannels, double dropout = 0.0, double addToEdgeScore = 0.5,
                    EdgeMatchingEngine engine = EdgeMatchingEngine.Auto) : base(nameof(EdgePooling), inChannels)
    {
        if (dropout is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(dropout), "dropout must lie in [0, 1)");
        Dropout = dropout;
        AddToEdgeScore = addToEdgeScore;
        Engine = engine;
        lin = Linear(2 * inChannels, 1);
        RegisterComponents();
    }

    public double Dropout { get; }
    public double AddToEdgeScore { get; }
    public EdgeMatchingEngine Engine { get; set; }

    protected override PoolResult Pool(Tensor x, Tensor edgeIndex, Tensor batch, long numGraphs)
    {
        var device = x.device;
        long n = x.shape[0];
        var source = edgeIndex[0];
        var target = edgeIndex[1];

        // The scores are computed in float64 and rounded once to x's type. The softmax over the edges into a node makes
        // two nodes with the same in-neighbours score their edges equally in exact arithmetic; in float32 the last bit
        // would depend on where an edge sits in the batch (BLAS blocking, vector and scalar tails of exp), and the
        // matching would settle such ties differently in a batch and alone. Rounded from float64 they are equal, and
        // the matching settles them by edge position, the same in any batch.
        var pairs = cat(new[] { x.index_select(0, source), x.index_select(0, target) }, 1).to_type(ScalarType.Float64);
        var raw = functional.linear(pairs, lin.weight!.to_type(ScalarType.Float64), lin.bias?.to_type(ScalarType.Float64)).squeeze(1);
        raw = functional.dropout(raw, Dropout, training && Dropout > 0);
        var edgeScore = (ScatterReduce.Softmax(raw, target, n) + AddToEdgeScore).to_type(x.dtype);

        // Select: the greedy matching, contracted edges numbered in the order taken, then the free nodes by index.
        var taken = EdgeMatching.Greedy(edgeScore, edgeIndex, n, Engine);
        long matchedCount = taken.shape[0];
        var takenIds = arange(matchedCount, ScalarType.Int64, device);
        var cluster = full(n, ScalarCache.MinusOne, ScalarType.Int64, device)
            .index_copy(0, source.index_select(0, taken), takenIds)
            .index_copy(0, target.index_select(0, taken), takenIds);
        var free = cluster.lt(ScalarCache.Zero).nonzero().squeeze(1);
        long freeCount = free.shape[0];
        long k = matchedCount + freeCount;
        cluster = cluster.index_copy(0, free, arange(matchedCount, k, ScalarType.Int64, device));
        var clusterScore = cat(new[] { edgeScore.index_select(0, taken), ones(freeCount, edgeScore.dtype, device) }, 0);

        // Group the clusters by graph (stable, so each graph keeps the order above).
        var clusterGraph = zeros(k, ScalarType.Int64, device).index_copy(0, cluster, batch);
        var (pooledBatch, byGraph) = clusterGraph.sort(stable: true);
        var renumber = empty(k, ScalarType.Int64, device).index_copy(0, byGraph, arange(k, ScalarType.Int64, device));
        cluster = renumber.index_select(0, cluster);
        clusterScore = clusterScore.index_select(0, byGraph);

        // Reduce and Connect.
        var pooled = ScatterReduce.Sum(x, cluster, k) * clusterScore.unsqueeze(1);
        var key = cluster.index_select(0, source) * k + cluster.index_select(0, target);
        var (distinct, _, _) = key.unique(sorted: true);
        var edges = stack(new[] { distinct.div(Math.Max(k, 1), RoundingMode.floor), distinct.remainder(Math.Max(k, 1)) });
        var (clusterIndex, nodeIndex) = cluster.sort(stable: true);

        return new PoolResult
        {
            X = pooled,
            EdgeIndex = edges,
            Batch = pooledBatch,
            NumGraphs = numGraphs,
            NumNodes = n,
            NumClusters = k,
            NodeIndex = nodeIndex,
            ClusterIndex = clusterIndex,
            Weights = clusterScore,
            Extras = new PoolExtras { EdgeScore = edgeScore },
        };
    }
}
