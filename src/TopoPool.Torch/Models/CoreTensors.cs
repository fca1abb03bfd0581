using System.Runtime.CompilerServices;
using TopoPool.Core;
using TorchSharp;
using static TorchSharp.torch;

namespace TopoPool.Torch.Models;

/// <summary>
/// The one bridge from the Core records to tensors: edge lists, batch vectors and feature matrices as the layers take
/// them, and whole graphs collated into a <see cref="GraphBatch"/> (<see cref="GraphBatch.From"/>).
/// </summary>
public static class CoreTensors
{
    private static readonly ConditionalWeakTable<Graph, long[]> DirectedEdgeCache = new();

    /// <summary>The edges as listed (int64 2 × E, row 0 the sources), on <paramref name="device"/> (CPU when null).</summary>
    public static Tensor EdgeIndex(IReadOnlyList<Edge> edges, Device? device = null)
    {
        var values = new long[2 * edges.Count];
        for (int e = 0; e < edges.Count; e++)
        {
            values[e] = edges[e].Source;
            values[edges.Count + e] = edges[e].Target;
        }
        return Placed(tensor(values, new long[] { 2, edges.Count }), device);
    }

    /// <summary>A batch vector (int64 N).</summary>
    public static Tensor Batch(IReadOnlyList<int> batch, Device? device = null)
    {
        var values = new long[batch.Count];
        for (int i = 0; i < values.Length; i++) values[i] = batch[i];
        return Placed(tensor(values), device);
    }

    /// <summary>A feature matrix (float32 rows × columns).</summary>
    public static Tensor Features(FeatureMatrix features, Device? device = null) =>
        Placed(tensor(features.Data.ToArray(), new long[] { features.Rows, features.Columns }), device);

    /// <summary>
    /// The graph's undirected edges as the message-passing layers take them: every edge in both directions (once each,
    /// duplicates dropped), self-loops once, in the order the edges are listed. Cached per graph; a copy is returned.
    /// </summary>
    public static (long[] Sources, long[] Targets) DirectedEdges(Graph graph)
    {
        var both = DirectedEdgesShared(graph);
        int count = both.Length / 2;
        return (both.AsSpan(0, count).ToArray(), both.AsSpan(count).ToArray());
    }

    /// <summary>The cached [sources..., targets...] of <see cref="DirectedEdges"/>; read it, never write it.</summary>
    internal static long[] DirectedEdgesShared(Graph graph) => DirectedEdgeCache.GetValue(graph, static g =>
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

    private static Tensor Placed(Tensor t, Device? device) => device is null || device.type == DeviceType.CPU ? t : t.to(device);
}
