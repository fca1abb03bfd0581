using FsCheck;
using FsCheck.Fluent;
using TopoPool.Testing;
using TopoPool.Torch.Pooling.Baselines;
using Xunit;
using static TopoPool.Torch.Tests.Convolution.GraphFixtures;
using static TorchSharp.torch;

namespace TopoPool.Torch.Tests.Pooling.Baselines;

public class EdgeMatchingTests
{
    public static TheoryData<EdgeMatchingEngine> Engines => new() { EdgeMatchingEngine.Managed, EdgeMatchingEngine.Tensor };

    /// <summary>The definition, one edge at a time: descending score, ties by position, take an edge when both
    /// endpoints are free.</summary>
    private static long[] SequentialGreedy(float[] score, (long Source, long Target)[] edges, int numNodes)
    {
        var matched = new bool[numNodes];
        var taken = new List<long>();
        foreach (int e in Enumerable.Range(0, edges.Length).OrderByDescending(e => score[e]).ThenBy(e => e))
        {
            var (s, t) = edges[e];
            if (matched[s] || matched[t]) continue;
            matched[s] = matched[t] = true;
            taken.Add(e);
        }
        return taken.ToArray();
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Hand_worked_matchings(EdgeMatchingEngine engine)
    {
        using var scope = NewDisposeScope();
        // A path 0-1-2-3 whose middle edge is best: only it is taken.
        Assert.Equal(new long[] { 1 }, Longs(EdgeMatching.Greedy(tensor(new float[] { 1, 3, 2 }), Edges((0, 1), (1, 2), (2, 3)), 4, engine)));
        // A loop taken first blocks its node; ties go to the lower position.
        Assert.Equal(new long[] { 0, 2 }, Longs(EdgeMatching.Greedy(tensor(new float[] { 5, 4, 1 }), Edges((0, 0), (0, 1), (1, 2)), 3, engine)));
        Assert.Equal(new long[] { 1, 3 }, Longs(EdgeMatching.Greedy(tensor(new float[] { 1, 2, 2, 2 }), Edges((0, 1), (1, 2), (2, 3), (3, 4)), 5, engine)));
        // Scores rising along a path: the locally dominant rounds take one edge per round, from the far end.
        var rising = tensor(Enumerable.Range(0, 9).Select(i => (float)i).ToArray());
        var path = Edges(Enumerable.Range(0, 9).Select(i => ((long)i, (long)i + 1)).ToArray());
        Assert.Equal(new long[] { 8, 6, 4, 2, 0 }, Longs(EdgeMatching.Greedy(rising, path, 10, engine)));
        Assert.Empty(Longs(EdgeMatching.Greedy(zeros(0), NoEdges(), 3, engine)));
    }

    [Fact]
    public void Both_engines_equal_the_sequential_greedy_on_random_graphs_with_many_ties()
    {
        int total = 0, withTies = 0;
        Prop.ForAll(GraphArbitraries.GraphCase(), (GraphCase c) =>
        {
            using var scope = NewDisposeScope();
            // Edge scores from the case's integer node scores: ties are the rule, not the exception.
            var edges = c.Edges.Select(e => ((long)e.Source, (long)e.Target)).ToArray();
            var score = c.Edges.Select(e => c.Scores[e.Source] * 3 + c.Scores[e.Target]).ToArray();
            var expected = SequentialGreedy(score, edges, c.NumNodes);
            var scoreTensor = tensor(score);
            var edgeIndex = Edges(edges);
            Assert.Equal(expected, Longs(EdgeMatching.Greedy(scoreTensor, edgeIndex, c.NumNodes, EdgeMatchingEngine.Managed)));
            Assert.Equal(expected, Longs(EdgeMatching.Greedy(scoreTensor, edgeIndex, c.NumNodes, EdgeMatchingEngine.Tensor)));
            total++;
            if (score.Distinct().Count() < score.Length) withTies++;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(400));
        Assert.True(withTies * 3 >= total, $"only {withTies} of {total} cases had tied edge scores");
    }

    [Fact]
    public void A_taken_set_is_a_maximal_matching()
    {
        Prop.ForAll(GraphArbitraries.GraphCase(), (GraphCase c) =>
        {
            using var scope = NewDisposeScope();
            var edges = c.Edges.Select(e => ((long)e.Source, (long)e.Target)).ToArray();
            var score = RandomMatrix(edges.Length, 1, CaseSeed(c)).squeeze(1);
            var taken = Longs(EdgeMatching.Greedy(score, Edges(edges), c.NumNodes, EdgeMatchingEngine.Tensor));
            var used = new HashSet<long>();
            foreach (long e in taken)
            {
                Assert.True(used.Add(edges[e].Item1), "a node is matched twice");
                if (edges[e].Item2 != edges[e].Item1) Assert.True(used.Add(edges[e].Item2), "a node is matched twice");
            }
            Assert.All(edges, e => Assert.True(used.Contains(e.Item1) || used.Contains(e.Item2), $"edge {e} could still be taken"));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(200));
    }
}
