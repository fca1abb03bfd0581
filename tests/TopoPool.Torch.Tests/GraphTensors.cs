using TopoPool.Core;
using TopoPool.Testing;
using TopoPool.Torch.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace TopoPool.Torch.Tests;

/// <summary>Core records and test cases as tensors, and tensors back as arrays.</summary>
internal static class GraphTensors
{
    public static Tensor EdgeIndex(IReadOnlyList<Edge> edges) => CoreTensors.EdgeIndex(edges);

    public static Tensor EdgeIndex(params (int Source, int Target)[] edges) =>
        EdgeIndex(edges.Select(e => new Edge(e.Source, e.Target)).ToArray());

    public static Tensor Batch(IEnumerable<int> batch) => CoreTensors.Batch(batch.ToArray());

    public static Tensor Scores(float[] scores) => tensor(scores);

    public static Tensor Features(FeatureMatrix features, ScalarType type = ScalarType.Float32) =>
        type == ScalarType.Float32 ? CoreTensors.Features(features) : CoreTensors.Features(features).to_type(type);

    public static Tensor EdgeIndex(GraphCase c) => EdgeIndex(c.Edges);

    // TensorAccessor.ToArray throws on empty tensors in TorchSharp 0.107.
    public static long[] Longs(Tensor t) => t.numel() == 0 ? [] : t.cpu().to_type(ScalarType.Int64).data<long>().ToArray();

    public static int[] Ints(Tensor t) => Longs(t).Select(v => checked((int)v)).ToArray();

    public static float[] Floats(Tensor t) => t.numel() == 0 ? [] : t.detach().cpu().to_type(ScalarType.Float32).data<float>().ToArray();

    public static double[] Doubles(Tensor t) => t.numel() == 0 ? [] : t.detach().cpu().to_type(ScalarType.Float64).data<double>().ToArray();

    /// <summary>Spec edges (each undirected edge once, smaller cluster first) as both directions sorted by (source, target).</summary>
    public static (long, long)[] BothDirectionsSorted(IEnumerable<Edge> undirected) =>
        undirected.SelectMany(e => new[] { ((long)e.Source, (long)e.Target), ((long)e.Target, (long)e.Source) })
                  .OrderBy(p => p.Item1).ThenBy(p => p.Item2).ToArray();

    public static (long, long)[] Pairs(Tensor edgeIndex)
    {
        var values = Longs(edgeIndex);
        int count = values.Length / 2;
        return Enumerable.Range(0, count).Select(e => (values[e], values[count + e])).ToArray();
    }
}
