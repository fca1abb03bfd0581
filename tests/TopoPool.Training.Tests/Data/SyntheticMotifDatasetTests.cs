using TopoPool.Core;
using TopoPool.Training.Data;
using Xunit;

namespace TopoPool.Training.Tests.Data;

/// <summary>The built-in motif set: deterministic, balanced, with valid connected motifs.</summary>
public class SyntheticMotifDatasetTests
{
    private static readonly GraphDataset Default = SyntheticMotifDataset.Generate();

    [Fact]
    public void The_default_set_has_500_balanced_graphs_of_5_classes()
    {
        Assert.Equal(500, Default.Count);
        Assert.Equal(5, Default.NumClasses);
        Assert.Equal(["house", "cycle", "grid", "wheel", "star"], Default.ClassNames);
        Assert.Equal(7, Default.NodeFeatureWidth);
        Assert.Equal(EvaluationMetric.Accuracy, Default.Metric);
        Assert.All(Enumerable.Range(0, 5), c => Assert.Equal(100, Default.Samples.Count(s => s.ClassIndex == c)));
    }

    [Fact]
    public void The_same_options_give_the_same_graphs_and_another_seed_other_graphs()
    {
        GraphDataset again = SyntheticMotifDataset.Generate();
        GraphDataset other = SyntheticMotifDataset.Generate(new SyntheticMotifOptions { Seed = 2 });

        for (int i = 0; i < Default.Count; i++)
        {
            Assert.Equal(Default[i].Graph, again[i].Graph);
            Assert.Equal(Default[i].MotifNodes.ToArray(), again[i].MotifNodes.ToArray());
            Assert.Equal(Default[i].Id, again[i].Id);
        }

        Assert.True(Enumerable.Range(0, Default.Count).Count(i => !Default[i].Graph.Equals(other[i].Graph)) > 400);
    }

    [Fact]
    public void Sizes_stay_within_the_base_range_plus_the_motif()
    {
        Assert.All(Default.Samples, s =>
        {
            int motif = s.MotifNodes.Length;
            Assert.InRange(s.Graph.NumNodes - motif, 10, 25);
            Assert.InRange(motif, 5, 9);
        });
    }

    [Fact]
    public void Motif_nodes_are_valid_distinct_sorted_and_connected()
    {
        Assert.All(Default.Samples, s =>
        {
            Assert.True(s.HasMotif);
            Assert.All(s.MotifNodes, v => Assert.InRange(v, 0, s.Graph.NumNodes - 1));
            Assert.Equal(s.MotifNodes.Order().ToArray(), s.MotifNodes.ToArray());
            Assert.Equal(s.MotifNodes.Length, s.MotifNodes.Distinct().Count());
            Assert.True(InducedSubgraphIsConnected(s.Graph, s.MotifNodes), $"{s.Id}: motif not connected");
        });
    }

    [Fact]
    public void Whole_graphs_are_connected_undirected_without_self_loops()
    {
        Assert.All(Default.Samples, s =>
        {
            Graph g = s.Graph;
            Assert.True(InducedSubgraphIsConnected(g, Enumerable.Range(0, g.NumNodes)), $"{s.Id} is not connected");
            Assert.DoesNotContain(g.Edges, e => e.IsSelfLoop);
            var edges = g.Edges.ToHashSet();
            Assert.All(g.Edges, e => Assert.Contains(e.Reversed, edges));
        });
    }

    [Theory]
    [InlineData(MotifKind.House, new[] { 5 }, 6)]
    [InlineData(MotifKind.Cycle, new[] { 5, 6 }, -1)]
    [InlineData(MotifKind.Grid, new[] { 6, 9 }, -1)]
    [InlineData(MotifKind.Wheel, new[] { 6, 7 }, -1)]
    [InlineData(MotifKind.Star, new[] { 6, 7 }, -1)]
    public void Each_class_plants_its_motif(MotifKind kind, int[] sizes, int houseEdges)
    {
        foreach (GraphSample s in Default.Samples.Where(s => s.ClassIndex == (int)kind))
        {
            Assert.Contains(s.MotifNodes.Length, sizes);
            int[] internalDegrees = s.MotifNodes.Select(v => InternalDegree(s.Graph, s.MotifNodes, v)).Order().ToArray();
            int n = s.MotifNodes.Length;
            int[] expected = kind switch
            {
                MotifKind.House => [2, 2, 2, 3, 3],
                MotifKind.Cycle => Enumerable.Repeat(2, n).ToArray(),
                MotifKind.Grid when n == 6 => [2, 2, 2, 2, 3, 3],
                MotifKind.Grid => [2, 2, 2, 2, 3, 3, 3, 3, 4],
                MotifKind.Wheel => [.. Enumerable.Repeat(3, n - 1), n - 1],
                _ => [.. Enumerable.Repeat(1, n - 1), n - 1],
            };
            Assert.Equal(expected, internalDegrees);
            if (houseEdges > 0)
            {
                Assert.Equal(houseEdges, internalDegrees.Sum() / 2);
            }
        }
    }

    [Fact]
    public void Features_are_a_constant_and_a_degree_one_hot()
    {
        Assert.All(Default.Samples, s =>
        {
            Graph g = s.Graph;
            for (int v = 0; v < g.NumNodes; v++)
            {
                int degree = g.Edges.Count(e => e.Source == v);
                Assert.Equal(1f, g.Features[v, 0]);
                for (int c = 1; c < 7; c++)
                {
                    Assert.Equal(c - 1 == Math.Min(degree, 5) ? 1f : 0f, g.Features[v, c]);
                }
            }
        });
    }

    [Fact]
    public void Base_tree_nodes_have_small_degree()
    {
        // Outside the motif, a node has at most 3 base edges plus the (at most two) attachment edges.
        Assert.All(Default.Samples, s =>
        {
            var motif = s.MotifNodes.ToHashSet();
            for (int v = 0; v < s.Graph.NumNodes; v++)
            {
                if (!motif.Contains(v))
                {
                    Assert.InRange(s.Graph.Edges.Count(e => e.Source == v), 1, 5);
                }
            }
        });
    }

    [Fact]
    public void Generating_the_default_set_is_quick()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        SyntheticMotifDataset.Generate();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    private static int InternalDegree(Graph graph, IEnumerable<int> nodes, int v)
    {
        var set = nodes.ToHashSet();
        return graph.Edges.Where(e => e.Source == v && set.Contains(e.Target)).Select(e => e.Target).Distinct().Count();
    }

    private static bool InducedSubgraphIsConnected(Graph graph, IEnumerable<int> nodes)
    {
        var set = nodes.ToHashSet();
        if (set.Count == 0)
        {
            return true;
        }

        var seen = new HashSet<int> { set.First() };
        var stack = new Stack<int>(seen);
        while (stack.Count > 0)
        {
            int v = stack.Pop();
            foreach (Edge e in graph.Edges)
            {
                if (e.Source == v && set.Contains(e.Target) && seen.Add(e.Target))
                {
                    stack.Push(e.Target);
                }
            }
        }

        return seen.Count == set.Count;
    }
}
