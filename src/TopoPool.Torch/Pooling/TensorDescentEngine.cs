using TopoPool.Torch.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace TopoPool.Torch.Pooling;

/// <summary>
/// The device-generic engine: level-synchronous max-region descent as batched tensor operations on the input's
/// device, one fixed set of operations per level and every graph of the batch at once. The frontier is a list of
/// (node, cluster) pairs; a level expands each pair over the downhill edges of its node (CSR by source), keeps
/// the targets not yet assigned, and deduplicates the new pairs with <c>unique</c>, which gives shared nodes the
/// union of their labels. Each level synchronises once with the host (to size the expansion).
/// </summary>
public sealed class TensorDescentEngine : IDescentEngine
{
    /// <summary>The engine (stateless).</summary>
    public static TensorDescentEngine Instance { get; } = new();

    private TensorDescentEngine() { }

    /// <inheritdoc />
    public ClusterAssignment Select(Tensor scores, Tensor edgeIndex, Tensor batch, long numGraphs)
    {
        SelectInput.CheckShapes(scores, edgeIndex, batch, numGraphs);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var device = scores.device;
        long n = scores.shape[0];
        var s = scores.detach();
        Validate(s, edgeIndex, batch, numGraphs);

        var (from, to) = Undirected(edgeIndex);
        var targetHigher = s.index_select(0, to) > s.index_select(0, from);

        // Peaks: nodes without a strictly higher neighbour, ascending, which is (graph, node) order.
        var higherNeighbours = bincount(from.masked_select(targetHigher), null, n);
        var peaks = (higherNeighbours == 0).nonzero().reshape(-1);
        long k = peaks.shape[0];

        // Downhill edges (target score <= source score), grouped by source.
        var downhill = targetHigher.logical_not();
        var downFrom = from.masked_select(downhill);
        var downTo = to.masked_select(downhill);
        var bySource = downFrom.argsort();
        downTo = downTo.index_select(0, bySource);
        var degree = bincount(downFrom, null, n);
        var rowStart = degree.cumsum(0) - degree;

        var levels = full(n, ScalarCache.MinusOne, ScalarType.Int64, device);
        levels.index_fill_(0, peaks, 0);
        var nodes = peaks;
        var clusters = arange(k, ScalarType.Int64, device);
        var nodeParts = new List<Tensor> { nodes };
        var clusterParts = new List<Tensor> { clusters };
        for (long level = 1; k > 0; level++)
        {
            var (pair, offset) = Expand(degree.index_select(0, nodes), device);
            if (pair.shape[0] == 0) break;
            var edge = rowStart.index_select(0, nodes).index_select(0, pair) + offset;
            var reached = downTo.index_select(0, edge);
            var fresh = levels.index_select(0, reached) == -1;
            var key = (reached.masked_select(fresh) * k + clusters.index_select(0, pair).masked_select(fresh)).unique().Item1;
            if (key.shape[0] == 0) break;
            nodes = key.div(k, RoundingMode.floor);
            clusters = key.remainder(k);
            levels.index_fill_(0, nodes, level);
            nodeParts.Add(nodes);
            clusterParts.Add(clusters);
        }

        var order = (cat(clusterParts, 0) * n + cat(nodeParts, 0)).sort().Values;
        return new ClusterAssignment
        {
            NumNodes = n,
            NumGraphs = numGraphs,
            NumClusters = k,
            Peaks = peaks,
            ClusterBatch = batch.index_select(0, peaks),
            NodeIndex = n == 0 ? order : order.remainder(n),
            ClusterIndex = n == 0 ? order : order.div(n, RoundingMode.floor),
            Levels = levels,
        }.MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public Tensor Connect(Tensor edgeIndex, ClusterAssignment assignment)
    {
        GraphTensorArguments.CheckEdgeIndex(edgeIndex);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var device = assignment.NodeIndex.device;
        long n = assignment.NumNodes, k = assignment.NumClusters;
        if (k == 0 || edgeIndex.shape[1] == 0) return zeros(new long[] { 2, 0 }, ScalarType.Int64, device).MoveToOuterDisposeScope();
        var keep = edgeIndex[0] != edgeIndex[1];
        var source = edgeIndex[0].masked_select(keep);
        var target = edgeIndex[1].masked_select(keep);

        // Clusters of each node, ascending (a stable sort of the pairs, which are sorted by cluster, by node).
        var byNode = assignment.NodeIndex.sort(stable: true).Indices;
        var clustersByNode = assignment.ClusterIndex.index_select(0, byNode);
        var perNode = bincount(assignment.NodeIndex, null, n);
        var nodeStart = perNode.cumsum(0) - perNode;

        // Every edge (a, b) paired with every cluster of a, then with every cluster of b.
        var (edgeOfFirst, firstOffset) = Expand(perNode.index_select(0, source), device);
        var first = clustersByNode.index_select(0, nodeStart.index_select(0, source).index_select(0, edgeOfFirst) + firstOffset);
        var other = target.index_select(0, edgeOfFirst);
        var (pairOfSecond, secondOffset) = Expand(perNode.index_select(0, other), device);
        var second = clustersByNode.index_select(0, nodeStart.index_select(0, other).index_select(0, pairOfSecond) + secondOffset);
        first = first.index_select(0, pairOfSecond);

        var different = first != second;
        first = first.masked_select(different);
        second = second.masked_select(different);
        var keys = cat(new[] { first * k + second, second * k + first }, 0).unique().Item1;
        return stack(new[] { keys.div(k, RoundingMode.floor), keys.remainder(k) }, 0).MoveToOuterDisposeScope();
    }

    /// <summary>Both directions of every edge that is not a self-loop.</summary>
    private static (Tensor From, Tensor To) Undirected(Tensor edgeIndex)
    {
        var keep = edgeIndex[0] != edgeIndex[1];
        var a = edgeIndex[0].masked_select(keep);
        var b = edgeIndex[1].masked_select(keep);
        return (cat(new[] { a, b }, 0), cat(new[] { b, a }, 0));
    }

    /// <summary>For counts <c>c</c>: the owner <c>i</c> of each of the <c>Σ c</c> expanded items and its offset
    /// <c>0 .. c[i]-1</c> within its owner.</summary>
    private static (Tensor Owner, Tensor Offset) Expand(Tensor counts, Device device)
    {
        long total = counts.numel() == 0 ? 0 : counts.sum().item<long>();
        var owner = arange(counts.shape[0], ScalarType.Int64, device).repeat_interleave(counts, 0, total);
        var start = counts.cumsum(0) - counts;
        var offset = arange(total, ScalarType.Int64, device) - start.index_select(0, owner);
        return (owner, offset);
    }

    private static void Validate(Tensor scores, Tensor edgeIndex, Tensor batch, long numGraphs)
    {
        long n = scores.shape[0];
        if (n > 0)
        {
            var notFinite = scores.isfinite().logical_not();
            if (notFinite.any().item<bool>())
            {
                long i = notFinite.nonzero()[0, 0].item<long>();
                throw new ArgumentException($"the score of node {i} is {scores[i].to_type(ScalarType.Float64).item<double>()}, not a finite number", "scores");
            }
            var outOfRange = (batch < 0).logical_or(batch >= numGraphs);
            if (outOfRange.any().item<bool>())
            {
                long i = outOfRange.nonzero()[0, 0].item<long>();
                throw new ArgumentException($"node {i} is in graph {batch[i].item<long>()}, out of range for {numGraphs} graphs", "batch");
            }
            if (n > 1)
            {
                var decreases = batch[1..] < batch[..^1];
                if (decreases.any().item<bool>())
                    throw new ArgumentException($"the batch vector decreases at node {decreases.nonzero()[0, 0].item<long>() + 1} (graphs must be contiguous and in order)", "batch");
            }
        }
        if (edgeIndex.shape[1] == 0) return;
        var badEndpoint = ((edgeIndex < 0).logical_or(edgeIndex >= n)).any(0);
        if (badEndpoint.any().item<bool>())
        {
            long e = badEndpoint.nonzero()[0, 0].item<long>();
            throw new ArgumentException($"entry {e} has an endpoint out of range for {n} nodes ({edgeIndex[0, e].item<long>()}, {edgeIndex[1, e].item<long>()})", "edgeIndex");
        }
        var sourceGraph = batch.index_select(0, edgeIndex[0]);
        var targetGraph = batch.index_select(0, edgeIndex[1]);
        var crossing = sourceGraph != targetGraph;
        if (crossing.any().item<bool>())
        {
            long e = crossing.nonzero()[0, 0].item<long>();
            throw new ArgumentException(SelectInput.EdgeJoinsGraphs(e, edgeIndex[0, e].item<long>(), edgeIndex[1, e].item<long>(),
                sourceGraph[e].item<long>(), targetGraph[e].item<long>()), "edgeIndex");
        }
    }
}
