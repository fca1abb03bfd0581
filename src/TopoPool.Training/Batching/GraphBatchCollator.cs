using TopoPool.Core.Pipelines;
using System.Runtime.CompilerServices;
using TopoPool.Core;
using TopoPool.Torch.Models;
using TopoPool.Training.Data;
using static TorchSharp.torch;

namespace TopoPool.Training.Batching;

/// <summary>
/// Collates samples into one <see cref="GraphBatch"/> on the CPU, as PyG's DataLoader does: node features stacked,
/// node indices offset per graph, the batch vector, and the targets (int64 classes or float32 values).
/// Core graphs are undirected; the models pass messages along directed edges, so every edge is emitted in both
/// directions (once each, duplicates dropped) and self-loops once.
/// </summary>
public static class GraphBatchCollator
{
    private static readonly ConditionalWeakTable<Graph, long[]> DirectedEdgeCache = new();

    public static GraphBatch Collate(IReadOnlyList<GraphSample> samples)
    {
        int nodes = 0, edges = 0, columns = samples.Count == 0 ? 0 : samples[0].Graph.Features.Columns;
        foreach (var s in samples)
        {
            if (s.Graph.Features.Columns != columns)
                throw new ArgumentException($"sample {s.Id} has {s.Graph.Features.Columns} features, the first sample has {columns}");
            nodes += s.Graph.NumNodes;
            edges += DirectedEdges(s.Graph).Length / 2;
        }

        var x = new float[nodes * columns];
        var batch = new long[nodes];
        var edgeIndex = new long[2 * edges];
        int nodeOffset = 0, edgeOffset = 0;
        for (int g = 0; g < samples.Count; g++)
        {
            var graph = samples[g].Graph;
            graph.Features.Data.AsSpan().CopyTo(x.AsSpan(nodeOffset * columns));
            batch.AsSpan(nodeOffset, graph.NumNodes).Fill(g);
            var directed = DirectedEdges(graph);
            int count = directed.Length / 2;
            for (int e = 0; e < count; e++)
            {
                edgeIndex[edgeOffset + e] = directed[e] + nodeOffset;
                edgeIndex[edges + edgeOffset + e] = directed[count + e] + nodeOffset;
            }
            nodeOffset += graph.NumNodes;
            edgeOffset += count;
        }

        var task = samples.Count == 0 ? TaskKind.Classification : samples[0].Task;
        Tensor y = task == TaskKind.Classification
            ? tensor(samples.Select(s => (long)s.ClassIndex).ToArray())
            : tensor(samples.Select(s => (float)s.Target).ToArray());
        return new GraphBatch(tensor(x).reshape(nodes, columns), tensor(edgeIndex).reshape(2, edges), tensor(batch), samples.Count, y);
    }

    /// <summary>The graph's edges as [sources..., targets...], both directions, no duplicates, self-loops once.</summary>
    public static long[] DirectedEdges(Graph graph) => DirectedEdgeCache.GetValue(graph, static g =>
    {
        var seen = new HashSet<(int, int)>();
        var sources = new List<long>();
        var targets = new List<long>();
        foreach (var e in g.Edges)
        {
            if (seen.Add((e.Source, e.Target))) { sources.Add(e.Source); targets.Add(e.Target); }
            if (!e.IsSelfLoop && seen.Add((e.Target, e.Source))) { sources.Add(e.Target); targets.Add(e.Source); }
        }
        return [.. sources, .. targets];
    });
}
