using TopoPool.Core.Pipelines;
using System.Collections.Immutable;
using TopoPool.Core;

namespace TopoPool.Training.Data;

/// <summary>
/// The built-in synthetic graph classification set (no files needed; the default of <c>topopool train</c>): random
/// tree-shaped base graphs with one planted motif each; the label is the motif's kind and every sample records the
/// motif's nodes (<see cref="GraphSample.MotifNodes"/>), so <see cref="MotifRecovery"/> can score how well the
/// highest-weighted cluster of a pooling layer matches it.
/// </summary>
/// <remarks>
/// Graph <c>i</c> (0-based) has class <c>i mod 5</c> (<see cref="MotifKind"/>), so the classes are balanced. It is drawn
/// from one <see cref="DeterministicRandom"/> seeded with <see cref="SyntheticMotifOptions.Seed"/>, graph after graph:
/// <list type="number">
/// <item>Base graph: a random tree on b nodes, b uniform in [MinBaseNodes, MaxBaseNodes] (10..25). Nodes are added one
/// at a time, each joined to an earlier node of degree below 3, chosen with probability proportional to its degree
/// plus one (preferential attachment, Barabási–Albert with m = 1, capped). The base has no cycles and no node of
/// degree above 3, so every ring and every high-degree node of a graph belongs to its motif.</item>
/// <item>Motif (<see cref="MotifKind"/>): house (5 nodes), cycle of 5 or 6, grid 2×3 or 3×3, wheel with a rim of 5 or
/// 6, star with 5 or 6 leaves; the variant is drawn uniformly.</item>
/// <item>Attachment: one or two edges (equally likely), each between a random motif node and a random base node
/// (two attachments never repeat a pair).</item>
/// <item>The node ids are shuffled, so a node's index says nothing about its role.</item>
/// </list>
/// Node features (7 columns): a constant 1, then the node's degree one-hot over 0, 1, 2, 3, 4, 5-or-more. They are
/// structural only and the same for every node of the same degree. Some degrees hint at a class (5-or-more occurs at a
/// star centre or a wheel hub, both classes sharing that slot; 4 mostly at a 3×3 grid centre), but none names it, and
/// house, cycle and 2×3 grid nodes have only degrees (2 and 3) that every base tree has too, so a model has to combine
/// neighbourhoods to tell them apart.
/// Edges are listed in both directions, as in the TU sets; there are no self-loops.
/// </remarks>
/// <example><code>
/// GraphDataset data = SyntheticMotifDataset.Generate();                      // 500 graphs, seed 1
/// GraphDataset small = SyntheticMotifDataset.Generate(new SyntheticMotifOptions { GraphCount = 50, Seed = 7 });
/// ImmutableArray&lt;int&gt; motif = data[0].MotifNodes;
/// </code></example>
public static class SyntheticMotifDataset
{
    /// <summary>The dataset's name, as <see cref="DatasetLocator"/> knows it.</summary>
    public const string Name = "synthetic";

    /// <summary>Columns of the node features: constant 1, then degree one-hot 0..4 and 5-or-more.</summary>
    public const int NodeFeatureWidth = 7;

    /// <summary>The largest degree a base-tree node gets from the base alone.</summary>
    public const int MaxBaseDegree = 3;

    private const int MotifKindCount = 5;

    /// <summary>The names of the classes, in class-index order.</summary>
    public static IReadOnlyList<string> ClassNames { get; } = ["house", "cycle", "grid", "wheel", "star"];

    /// <summary>Draws the dataset; the same options always give the same graphs.</summary>
    public static GraphDataset Generate(SyntheticMotifOptions? options = null)
    {
        options ??= new SyntheticMotifOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.GraphCount, nameof(options.GraphCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MinBaseNodes, 1, nameof(options.MinBaseNodes));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBaseNodes, options.MinBaseNodes, nameof(options.MaxBaseNodes));

        var random = new DeterministicRandom(options.Seed);
        var samples = new GraphSample[options.GraphCount];
        for (int i = 0; i < samples.Length; i++)
        {
            var kind = (MotifKind)(i % MotifKindCount);
            samples[i] = DrawGraph(random, kind, options, $"{Name}/{i + 1}-{ClassNames[(int)kind]}");
        }

        return new GraphDataset(Name, TaskKind.Classification, MotifKindCount, NodeFeatureWidth, samples, ClassNames);
    }

    /// <summary>The undirected edges (each once) of a motif of <paramref name="kind"/> on nodes 0..size-1; the second value is the size.</summary>
    private static (List<(int A, int B)> Edges, int Size) MotifEdges(MotifKind kind, DeterministicRandom random)
    {
        var edges = new List<(int, int)>();
        switch (kind)
        {
            case MotifKind.House:
                edges.AddRange([(0, 1), (1, 2), (2, 3), (3, 0), (4, 0), (4, 1)]);
                return (edges, 5);
            case MotifKind.Cycle:
            {
                int n = random.NextInt(5, 6);
                for (int v = 0; v < n; v++)
                {
                    edges.Add((v, (v + 1) % n));
                }

                return (edges, n);
            }

            case MotifKind.Grid:
            {
                int rows = random.NextInt(2, 3), columns = 3;
                for (int r = 0; r < rows; r++)
                {
                    for (int c = 0; c < columns; c++)
                    {
                        int v = r * columns + c;
                        if (c + 1 < columns)
                        {
                            edges.Add((v, v + 1));
                        }

                        if (r + 1 < rows)
                        {
                            edges.Add((v, v + columns));
                        }
                    }
                }

                return (edges, rows * columns);
            }

            case MotifKind.Wheel:
            {
                int rim = random.NextInt(5, 6);
                for (int v = 1; v <= rim; v++)
                {
                    edges.Add((0, v));
                    edges.Add((v, v % rim + 1));
                }

                return (edges, rim + 1);
            }

            case MotifKind.Star:
            {
                int leaves = random.NextInt(5, 6);
                for (int v = 1; v <= leaves; v++)
                {
                    edges.Add((0, v));
                }

                return (edges, leaves + 1);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a motif kind");
        }
    }

    private static GraphSample DrawGraph(DeterministicRandom random, MotifKind kind, SyntheticMotifOptions options, string id)
    {
        int baseSize = random.NextInt(options.MinBaseNodes, options.MaxBaseNodes);
        var edges = new List<(int A, int B)>();
        int[] degree = new int[baseSize];
        int[] weights = new int[baseSize];
        for (int v = 1; v < baseSize; v++)
        {
            int total = 0;
            for (int u = 0; u < v; u++)
            {
                weights[u] = degree[u] < MaxBaseDegree ? degree[u] + 1 : 0;
                total += weights[u];
            }

            int pick = random.NextInt(total), parent = 0;
            while (pick >= weights[parent])
            {
                pick -= weights[parent];
                parent++;
            }

            edges.Add((parent, v));
            degree[parent]++;
            degree[v]++;
        }

        (List<(int A, int B)> motifEdges, int motifSize) = MotifEdges(kind, random);
        foreach ((int a, int b) in motifEdges)
        {
            edges.Add((baseSize + a, baseSize + b));
        }

        int attachments = random.NextInt(1, 2);
        var attached = new List<(int, int)>();
        while (attached.Count < attachments)
        {
            var pair = (baseSize + random.NextInt(motifSize), random.NextInt(baseSize));
            if (!attached.Contains(pair))
            {
                attached.Add(pair);
            }
        }

        edges.AddRange(attached);

        int nodeCount = baseSize + motifSize;
        int[] newId = random.Permutation(nodeCount);
        int[] finalDegree = new int[nodeCount];
        var graphEdges = new Edge[2 * edges.Count];
        for (int k = 0; k < edges.Count; k++)
        {
            int a = newId[edges[k].A], b = newId[edges[k].B];
            graphEdges[2 * k] = new Edge(a, b);
            graphEdges[2 * k + 1] = new Edge(b, a);
            finalDegree[a]++;
            finalDegree[b]++;
        }

        float[] features = new float[nodeCount * NodeFeatureWidth];
        for (int v = 0; v < nodeCount; v++)
        {
            features[v * NodeFeatureWidth] = 1f;
            features[v * NodeFeatureWidth + 1 + Math.Min(finalDegree[v], NodeFeatureWidth - 2)] = 1f;
        }

        var motifNodes = new int[motifSize];
        for (int m = 0; m < motifSize; m++)
        {
            motifNodes[m] = newId[baseSize + m];
        }

        Array.Sort(motifNodes);
        var graph = Graph.Create(nodeCount, graphEdges, FeatureMatrix.Create(nodeCount, NodeFeatureWidth, features));
        return GraphSample.ForClass(graph, id, (int)kind, ImmutableArray.Create(motifNodes));
    }
}
