using TopoPool.Torch.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace TopoPool.Torch.Pooling.Baselines;

/// <summary>
/// EdgePooling's matching as a free function: go through the edges by descending score and take an edge when neither
/// endpoint has been taken yet (a self-loop takes its one node). Equal scores are settled by edge position (the
/// lower position first), so the result is deterministic; PyG's unstable <c>argsort</c> leaves such ties open.
/// <para>
/// No tensor operation runs per edge. The scores are sorted once on their device; then either
/// <see cref="EdgeMatchingEngine.Managed"/>: one pass over the sorted edge list in managed memory (a few
/// nanoseconds per edge), or <see cref="EdgeMatchingEngine.Tensor"/>: rounds of locally dominant edges, each round
/// taking every remaining edge that is the best remaining edge at both of its endpoints, then dropping the edges
/// that touch a taken node. With distinct priorities (score, then position) the two give the same matching: an
/// edge that is locally dominant is taken by the sequential pass too (every better edge at its endpoints has been
/// dropped because it touches a node taken earlier, which the sequential pass also took first), and the best
/// remaining edge overall is always locally dominant, so every round makes progress. Rounds are few on typical
/// graphs and at most one per taken edge (a path whose scores rise along it).
/// </para>
/// </summary>
public static class EdgeMatching
{
    /// <summary>The positions of the taken edges (int64, M), in the order the sequential pass takes them
    /// (descending score, ties by position). <paramref name="score"/> has one entry per edge of
    /// <paramref name="edgeIndex"/> (int64 2 × E) over <paramref name="numNodes"/> nodes.</summary>
    public static Tensor Greedy(Tensor score, Tensor edgeIndex, long numNodes, EdgeMatchingEngine engine = EdgeMatchingEngine.Auto)
    {
        if (score.dim() != 1 || score.shape[0] != edgeIndex.shape[1])
            throw new ArgumentException($"the score must have one entry per edge ({edgeIndex.shape[1]}); got shape [{string.Join(", ", score.shape)}]", nameof(score));
        using var scope = NewDisposeScope();
        var order = score.detach().sort(descending: true, stable: true).Indices;
        if (engine == EdgeMatchingEngine.Auto)
            engine = score.device.type == DeviceType.CPU ? EdgeMatchingEngine.Managed : EdgeMatchingEngine.Tensor;
        var taken = engine switch
        {
            EdgeMatchingEngine.Managed => ManagedPass(order, edgeIndex, numNodes),
            EdgeMatchingEngine.Tensor => LocallyDominantRounds(order, edgeIndex, numNodes),
            _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "unknown matching engine"),
        };
        return taken.MoveToOuterDisposeScope();
    }

    /// <summary>The sequential greedy pass over the sorted edges, on the host.</summary>
    private static Tensor ManagedPass(Tensor order, Tensor edgeIndex, long numNodes)
    {
        var hostOrder = HostTensors.OnHost(order, ScalarType.Int64);
        var hostEdges = HostTensors.OnHost(edgeIndex, ScalarType.Int64);
        var sorted = HostTensors.Span<long>(hostOrder);
        var endpoints = HostTensors.Span<long>(hostEdges);
        int edgeCount = sorted.Length;
        var sources = endpoints[..edgeCount];
        var targets = endpoints[edgeCount..];
        var matched = new bool[checked((int)numNodes)];
        var taken = new long[Math.Min(edgeCount, matched.Length)];
        int count = 0;
        foreach (long edge in sorted)
        {
            long source = sources[(int)edge], target = targets[(int)edge];
            if (matched[source] || matched[target]) continue;
            matched[source] = true;
            matched[target] = true;
            taken[count++] = edge;
        }
        return HostTensors.FromSpan(taken.AsSpan(0, count), order.device);
    }

    /// <summary>Rounds of locally dominant edges, in tensor operations on the edges' device.</summary>
    private static Tensor LocallyDominantRounds(Tensor order, Tensor edgeIndex, long numNodes)
    {
        var device = order.device;
        long edgeCount = order.shape[0];
        var rank = empty(edgeCount, ScalarType.Int64, device).index_copy(0, order, arange(edgeCount, ScalarType.Int64, device));
        var matched = zeros(numNodes, ScalarType.Bool, device);
        var alive = arange(edgeCount, ScalarType.Int64, device);
        var rounds = new List<Tensor>();
        while (alive.shape[0] > 0)
        {
            var source = edgeIndex[0].index_select(0, alive);
            var target = edgeIndex[1].index_select(0, alive);
            var aliveRank = rank.index_select(0, alive);
            // The best (lowest) rank at each node over the remaining edges: sort (node, rank) keys, first of each node.
            var keys = cat(new[] { source * edgeCount + aliveRank, target * edgeCount + aliveRank }, 0).sort().Values;
            var keyNode = keys.div(edgeCount, RoundingMode.floor);
            var first = cat(new[] { ones(1, ScalarType.Bool, device), keyNode.narrow(0, 1, keyNode.shape[0] - 1).ne(keyNode.narrow(0, 0, keyNode.shape[0] - 1)) }, 0);
            var best = full(numNodes, edgeCount, ScalarType.Int64, device)
                .index_copy(0, keyNode.masked_select(first), keys.masked_select(first).remainder(edgeCount));
            var dominant = best.index_select(0, source).eq(aliveRank).logical_and(best.index_select(0, target).eq(aliveRank));
            rounds.Add(alive.masked_select(dominant));
            matched = matched.index_fill(0, source.masked_select(dominant), true).index_fill(0, target.masked_select(dominant), true);
            var survives = matched.index_select(0, source).logical_or(matched.index_select(0, target)).logical_not();
            alive = alive.masked_select(survives);
        }
        if (rounds.Count == 0) return empty(0, ScalarType.Int64, device);
        var taken = cat(rounds, 0);
        return taken.index_select(0, rank.index_select(0, taken).argsort());
    }
}
