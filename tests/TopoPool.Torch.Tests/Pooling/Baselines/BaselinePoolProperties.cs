using FsCheck;
using FsCheck.Fluent;
using TopoPool.Testing;
using TopoPool.Torch.Pooling;
using TopoPool.Torch.Pooling.Baselines;
using TorchSharp;
using Xunit;
using static TopoPool.Torch.Tests.Convolution.GraphFixtures;
using static TorchSharp.torch;

namespace TopoPool.Torch.Tests.Pooling.Baselines;

/// <summary>Invariants every baseline pool keeps, on the shared random graphs (self-loops, duplicate and
/// one-directional edges, isolated nodes, empty graphs, several graphs per batch).</summary>
public class BaselinePoolProperties
{
    private const long D = 4;
    private const int Cases = 80;

    public static TheoryData<string> Kinds => new() { "topk", "sag", "diff", "edge", "edge-tensor", "asa" };

    private static nn.Module<Tensor, Tensor, Tensor, long, PoolResult> Make(string kind)
    {
        nn.Module<Tensor, Tensor, Tensor, long, PoolResult> pool = kind switch
        {
            "topk" => new TopKPooling(D),
            "sag" => new SagPooling(D),
            "diff" => new DiffPool(D, 5, clusters: 3),
            "edge" => new EdgePooling(D, engine: EdgeMatchingEngine.Managed),
            "edge-tensor" => new EdgePooling(D, engine: EdgeMatchingEngine.Tensor),
            "asa" => new AsaPooling(D),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        Randomize(pool, kind.Length * 13 + 1);
        return pool;
    }

    private static void CheckStructure(string kind, PoolResult r, Tensor batch, long numNodes, long numGraphs)
    {
        long k = r.NumClusters, m = r.NodeIndex.shape[0];
        Assert.Equal(numNodes, r.NumNodes);
        Assert.Equal(numGraphs, r.NumGraphs);
        Assert.Equal(new[] { k, D }, r.X.shape);
        AssertFinite(r.X, $"{kind} X");
        Assert.Equal(new[] { k }, r.Batch.shape);
        Assert.Equal(new[] { m }, r.ClusterIndex.shape);
        if (r.AssignmentWeight is not null) Assert.Equal(new[] { m }, r.AssignmentWeight.shape);
        if (r.Weights is not null) Assert.Equal(new[] { k }, r.Weights.shape);
        if (r.Scores is not null) Assert.Equal(new[] { numNodes }, r.Scores.shape);
        if (r.Peaks is not null) Assert.Equal(new[] { k }, r.Peaks.shape);
        var pooledBatch = Longs(r.Batch);
        Assert.True(pooledBatch.Zip(pooledBatch.Skip(1)).All(p => p.First <= p.Second), "clusters are not grouped by graph");
        Assert.All(pooledBatch, g => Assert.InRange(g, 0, numGraphs - 1));
        var nodeGraph = Longs(batch);
        var members = Longs(r.NodeIndex);
        var clusters = Longs(r.ClusterIndex);
        for (int p = 0; p < m; p++) Assert.Equal(nodeGraph[members[p]], pooledBatch[clusters[p]]);
        if (kind != "diff") Assert.Equal(Enumerable.Range(0, (int)k).Select(v => (long)v), clusters.Distinct().Order());
        var edges = Pairs(r.EdgeIndex);
        Assert.All(edges, e => Assert.Equal(pooledBatch[e.Item1], pooledBatch[e.Item2]));
        var weight = r.EdgeWeight;
        if (weight is not null) Assert.Equal(new long[] { edges.Length }, weight.shape);
        var perGraph = Enumerable.Range(0, (int)numGraphs).Select(g => (long)pooledBatch.Count(b => b == g)).ToArray();
        var sizes = Enumerable.Range(0, (int)numGraphs).Select(g => nodeGraph.Count(b => b == g)).ToArray();
        switch (kind)
        {
            case "topk" or "sag" or "asa":
                Assert.Equal(sizes.Select(s => (long)Math.Ceiling(s / 2.0)), perGraph);
                break;
            case "diff":
                Assert.All(perGraph, count => Assert.Equal(3, count));
                break;
            default:
                Assert.All(perGraph.Zip(sizes), p => Assert.InRange(p.First, (p.Second + 1) / 2, p.Second));
                Assert.Equal(Enumerable.Range(0, (int)numNodes).Select(v => (long)v), members.Order());
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Results_are_well_formed_on_random_batches(string kind)
    {
        using var pool = Make(kind);
        Prop.ForAll(GraphArbitraries.GraphCase(), (GraphCase c) =>
        {
            using var scope = NewDisposeScope();
            var (x, edges, batch) = FromCase(c, D, CaseSeed(c));
            CheckStructure(kind, pool.call(x, edges, batch, c.NumGraphs), batch, c.NumNodes, c.NumGraphs);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(Cases));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Relabelling_the_nodes_relabels_the_assignment_and_keeps_the_pooled_graphs(string kind)
    {
        using var pool = Make(kind);
        int tied = 0, untied = 0;
        Prop.ForAll(GraphArbitraries.GraphCase(), (GraphCase c) =>
        {
            using var scope = NewDisposeScope();
            var (x, edges, batch) = FromCase(c, D, CaseSeed(c));
            var perm = WithinGraphPermutation(c, CaseSeed(c) + 5);
            var (relabelledX, relabelledEdges) = Relabel(x, edges, perm);
            var original = pool.call(x, edges, batch, c.NumGraphs);
            var relabelled = pool.call(relabelledX, relabelledEdges, batch, c.NumGraphs);
            Assert.Equal(original.NumClusters, relabelled.NumClusters);
            Assert.Equal(Longs(original.Batch), Longs(relabelled.Batch));
            if (original.Scores is not null)
            {
                AssertClose(original.Scores, relabelled.Scores!.index_select(0, Longs(perm)), 1e-4);
                // Equal scores in one graph (e.g. a saturated sigmoid) are settled by node index, so the selection
                // may legitimately follow the labels; such cases only check the scores.
                var scores = Doubles(original.Scores);
                if (Enumerable.Range(0, c.NumNodes).GroupBy(i => (c.Batch[i], scores[i])).Any(g => g.Count() > 1)) { tied++; return; }
            }
            // Each node gets its clusters' rows back, wherever it is numbered.
            AssertClose(original.Unpool(original.X), relabelled.Unpool(relabelled.X).index_select(0, Longs(perm)), 1e-4);
            // Each graph's pooled rows are the same multiset (their sums agree); pools that order clusters by
            // score or by a fixed slot give the same rows in the same order.
            AssertClose(zeros(c.NumGraphs, D).index_add(0, original.Batch, original.X, 1),
                        zeros(c.NumGraphs, D).index_add(0, relabelled.Batch, relabelled.X, 1), 1e-4);
            if (kind is "topk" or "sag" or "asa" or "diff") AssertClose(original.X, relabelled.X, 1e-4);
            untied++;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(Cases));
        Assert.True(untied * 2 >= tied + untied, $"{kind}: only {untied} of {tied + untied} cases were free of tied scores");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_batch_of_graphs_is_each_graph_alone(string kind) => EachGraphAlone(kind, Config.QuickThrowOnFailure.WithMaxTest(Cases));

    /// <summary>
    /// The case CI found (replayed by its FsCheck seed): a batch whose graphs have nodes with the same in-neighbours,
    /// where EdgePooling's float32 scores of equal edges came out one bit apart in the batch and alone, so the
    /// matching differed. The scores are now rounded from float64. Should the generator change, this replays another
    /// case, which the property covers anyway.
    /// </summary>
    [Fact]
    public void EdgePooling_settles_equal_scores_the_same_in_a_batch_and_alone() =>
        EachGraphAlone("edge", Config.QuickThrowOnFailure.WithReplay(18419657180125431084UL, 11922487609842788621UL, 55).WithMaxTest(1));

    private static void EachGraphAlone(string kind, Config config)
    {
        using var pool = Make(kind);
        Prop.ForAll(GraphArbitraries.GraphCase(), (GraphCase c) =>
        {
            using var scope = NewDisposeScope();
            var (x, edges, batch) = FromCase(c, D, CaseSeed(c));
            var together = pool.call(x, edges, batch, c.NumGraphs);
            var ptr = GraphCaseModule.ptr(c);
            var parts = GraphCaseModule.split(c);
            long clusterOffset = 0;
            var xs = new List<Tensor>();
            var pairs = new List<(long, long)>();
            var nodeIndex = new List<long>();
            var clusterIndex = new List<long>();
            var pooledBatch = new List<long>();
            var assignmentWeights = new List<Tensor>();
            var edgeWeights = new List<Tensor>();
            for (int g = 0; g < parts.Length; g++)
            {
                var (_, partEdges, partBatch) = FromCase(parts[g], D, 0);
                var alone = pool.call(x.narrow(0, ptr[g], parts[g].NumNodes), partEdges, partBatch, 1);
                xs.Add(alone.X);
                pairs.AddRange(Pairs(alone.EdgeIndex).Select(p => (p.Item1 + clusterOffset, p.Item2 + clusterOffset)));
                nodeIndex.AddRange(Longs(alone.NodeIndex).Select(v => v + ptr[g]));
                clusterIndex.AddRange(Longs(alone.ClusterIndex).Select(v => v + clusterOffset));
                pooledBatch.AddRange(Enumerable.Repeat((long)g, (int)alone.NumClusters));
                if (alone.AssignmentWeight is not null) assignmentWeights.Add(alone.AssignmentWeight);
                if (alone.EdgeWeight is { } w) edgeWeights.Add(w);
                clusterOffset += alone.NumClusters;
            }
            Assert.Equal(clusterOffset, together.NumClusters);
            if (xs.Count > 0) AssertClose(cat(xs, 0), together.X, 1e-4);
            Assert.Equal(pooledBatch, Longs(together.Batch));
            Assert.Equal(pairs, Pairs(together.EdgeIndex));
            Assert.Equal(nodeIndex, Longs(together.NodeIndex));
            Assert.Equal(clusterIndex, Longs(together.ClusterIndex));
            if (assignmentWeights.Count > 0) AssertClose(cat(assignmentWeights, 0), together.AssignmentWeight!, 1e-4);
            if (edgeWeights.Count > 0) AssertClose(cat(edgeWeights, 0), together.EdgeWeight!, 1e-4);
        }).Check(config);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Gradients_reach_every_parameter_and_the_features(string kind)
    {
        using var pool = Make(kind);
        var x = RandomMatrix(9, D, 3).requires_grad_(true);
        var edges = Undirected((0, 1), (1, 2), (2, 3), (3, 0), (0, 2), (4, 5), (5, 6), (6, 7), (7, 8));
        var result = pool.call(x, edges, Longs(0, 0, 0, 0, 1, 1, 1, 1, 1), 2);
        (result.X * RandomMatrix(result.NumClusters, D, 4)).sum().backward();
        foreach (var (name, parameter) in pool.named_parameters())
        {
            // EdgePooling normalises its raw edge scores with a softmax over each node's incoming edges, which a constant
            // shift does not change: the gradient of its score bias is exactly zero in exact arithmetic (and rounding
            // noise at most), as in PyG.
            if (kind.StartsWith("edge", StringComparison.Ordinal) && name == "lin.bias")
            {
                Assert.True(parameter.grad is null || parameter.grad.abs().sum().item<float>() < 1e-5, $"{kind}: the softmax-invariant {name} got a gradient");
                continue;
            }
            Assert.True(parameter.grad is not null && parameter.grad.abs().sum().item<float>() > 0, $"{kind}: no gradient reaches {name}");
        }
        Assert.True(x.grad!.abs().sum().item<float>() > 0);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Empty_batches_single_nodes_and_edgeless_graphs_are_handled(string kind)
    {
        using var scope = NewDisposeScope();
        using var pool = Make(kind);
        var cases = new (Tensor X, Tensor Edges, Tensor Batch, long Graphs)[]
        {
            (zeros(0, D), NoEdges(), zeros(0, ScalarType.Int64), 0),
            (zeros(0, D), NoEdges(), zeros(0, ScalarType.Int64), 2),
            (RandomMatrix(1, D, 1), NoEdges(), Longs(0), 1),
            (RandomMatrix(1, D, 2), Edges((0, 0)), Longs(0), 1),
            (RandomMatrix(3, D, 3), NoEdges(), Longs(0, 0, 0), 1),
            (RandomMatrix(3, D, 4), Edges((1, 2), (2, 1)), Longs(0, 2, 2), 3),
        };
        foreach (var (x, edges, batch, graphs) in cases)
        {
            var result = pool.call(x, edges, batch, graphs);
            CheckStructure(kind, result, batch, x.shape[0], graphs);
            if (result.NumClusters > 0) AssertFinite(result.Unpool(result.X), $"{kind} unpool");
            AssertFinite(result.AuxiliaryLoss() ?? zeros(1), $"{kind} auxiliary loss");
            Assert.False(x.IsInvalid || edges.IsInvalid || batch.IsInvalid, "an input was disposed");
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Training_steps_leave_no_live_tensors_behind(string kind)
    {
        const int steps = 300, settle = 50;
        using var outer = NewDisposeScope();
        using var pool = Make(kind);
        var x = RandomMatrix(9, D, 5);
        var edges = Undirected((0, 1), (1, 2), (2, 3), (4, 5), (5, 6), (6, 7), (7, 8));
        var batch = Longs(0, 0, 0, 0, 1, 1, 1, 1, 1);
        long baseline = 0;
        for (int step = 0; step < steps; step++)
        {
            using (NewDisposeScope())
            {
                var features = x.detach().requires_grad_(true);
                var result = pool.call(features, edges, batch, 2);
                var loss = result.X.sum() + result.Unpool(result.X).sum() + (result.AuxiliaryLoss() ?? zeros(1)).sum();
                loss.backward();
                pool.zero_grad();
            }
            if (step == settle) baseline = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        }
        long live = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        Assert.True(live <= baseline, $"{kind}: {live} live tensors after {steps} steps, {baseline} after {settle}");
    }

    [Fact]
    public void Every_pool_is_the_same_module_type_as_topopool()
    {
        var pools = new nn.Module<Tensor, Tensor, Tensor, long, PoolResult>[]
        {
            new TopKPooling(D), new SagPooling(D), new DiffPool(D, D), new EdgePooling(D), new AsaPooling(D), new TopoPooling(D),
        };
        using var scope = NewDisposeScope();
        foreach (var pool in pools)
        {
            var result = pool.call(RandomMatrix(5, D, 9), Undirected((0, 1), (1, 2), (3, 4)), Longs(0, 0, 0, 1, 1), 2);
            Assert.Equal(2, result.NumGraphs);
            Assert.Equal(new[] { result.NumClusters, D }, result.X.shape);
        }
    }
}
