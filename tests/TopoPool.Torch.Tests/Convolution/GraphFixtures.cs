using TopoPool.Testing;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace TopoPool.Torch.Tests.Convolution;

/// <summary>Small graphs, tensors from arrays and back, parameter setters and tolerant comparisons for the
/// convolution and baseline-pool tests. Random values come from <see cref="Random"/> with fixed seeds, never from
/// torch's global generator (other test classes run in parallel).</summary>
internal static class GraphFixtures
{
    /// <summary>An int64 2 × E edge index, edges in the given order.</summary>
    public static Tensor Edges(params (long Source, long Target)[] edges) =>
        tensor(edges.Select(e => e.Source).Concat(edges.Select(e => e.Target)).ToArray(), new long[] { 2, edges.Length });

    /// <summary>Both directions of each edge, <c>(a, b)</c> then <c>(b, a)</c>, in the given order.</summary>
    public static Tensor Undirected(params (long A, long B)[] edges) =>
        Edges(edges.SelectMany(e => new[] { (e.A, e.B), (e.B, e.A) }).ToArray());

    public static Tensor NoEdges() => zeros(new long[] { 2, 0 }, ScalarType.Int64);

    public static Tensor Matrix(float[,] values)
    {
        int rows = values.GetLength(0), columns = values.GetLength(1);
        var flat = new float[rows * columns];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
                flat[r * columns + c] = values[r, c];
        return tensor(flat, new long[] { rows, columns });
    }

    public static Tensor Column(params float[] values) => tensor(values, new long[] { values.Length, 1 });

    public static Tensor Longs(params long[] values) => tensor(values, new long[] { values.Length });

    public static long[] Longs(Tensor t) => t.numel() == 0 ? [] : t.cpu().to_type(ScalarType.Int64).contiguous().data<long>().ToArray();

    public static double[] Doubles(Tensor t) => t.numel() == 0 ? [] : t.detach().cpu().to_type(ScalarType.Float64).contiguous().data<double>().ToArray();

    public static (long, long)[] Pairs(Tensor edgeIndex)
    {
        var values = Longs(edgeIndex);
        int count = values.Length / 2;
        return Enumerable.Range(0, count).Select(e => (values[e], values[count + e])).ToArray();
    }

    /// <summary>Uniform values in [-1, 1) from a seeded <see cref="Random"/>.</summary>
    public static Tensor RandomMatrix(long rows, long columns, int seed)
    {
        var rng = new Random(seed);
        var values = new float[rows * columns];
        for (int i = 0; i < values.Length; i++) values[i] = (float)(2 * rng.NextDouble() - 1);
        return tensor(values, new long[] { rows, columns });
    }

    /// <summary>Overwrites the parameter <paramref name="name"/> (a state-dict key) of <paramref name="module"/>.</summary>
    public static void Set(nn.Module module, string name, params float[] values)
    {
        var parameter = module.named_parameters().Single(p => p.name == name).parameter;
        Assert.Equal(parameter.numel(), values.Length);
        using var _ = no_grad();
        parameter.copy_(tensor(values).reshape(parameter.shape));
    }

    /// <summary>Sets every parameter of <paramref name="module"/> to uniform values in [-1, 1) from a seed.</summary>
    public static void Randomize(nn.Module module, int seed)
    {
        var rng = new Random(seed);
        using var _ = no_grad();
        foreach (var (_, parameter) in module.named_parameters())
        {
            var values = Enumerable.Range(0, (int)parameter.numel()).Select(_ => (float)(2 * rng.NextDouble() - 1)).ToArray();
            parameter.copy_(tensor(values).reshape(parameter.shape));
        }
    }

    public static void AssertClose(double[] expected, Tensor actual, double tolerance = 1e-5)
    {
        var values = Doubles(actual);
        Assert.Equal(expected.Length, values.Length);
        for (int i = 0; i < values.Length; i++)
            Assert.True(Math.Abs(expected[i] - values[i]) <= tolerance * Math.Max(1, Math.Abs(expected[i])),
                        $"entry {i}: expected {expected[i]}, got {values[i]}");
    }

    public static void AssertClose(Tensor expected, Tensor actual, double tolerance = 1e-5)
    {
        Assert.Equal(expected.shape, actual.shape);
        AssertClose(Doubles(expected), actual, tolerance);
    }

    /// <summary>The state-dict keys, in any order (TorchSharp lists a module's own parameters before its submodules').</summary>
    public static void AssertKeys(string[] expected, IDictionary<string, Tensor> state) =>
        Assert.Equal(expected.Order(StringComparer.Ordinal), state.Keys.Order(StringComparer.Ordinal));

    public static void AssertFinite(Tensor t, string what) =>
        Assert.True(t.numel() == 0 || t.detach().isfinite().all().item<bool>(), $"{what} has non-finite entries");

    /// <summary>A case's structure as tensors with random features of width <paramref name="channels"/>.</summary>
    public static (Tensor X, Tensor EdgeIndex, Tensor Batch) FromCase(GraphCase c, long channels, int seed)
    {
        var x = RandomMatrix(c.NumNodes, channels, seed);
        var edges = Edges(c.Edges.Select(e => ((long)e.Source, (long)e.Target)).ToArray());
        var batch = Longs(c.Batch.Select(g => (long)g).ToArray());
        return (x, edges, batch);
    }

    /// <summary>A random relabelling that maps each graph's nodes onto themselves (so the batch stays sorted):
    /// node <c>i</c> becomes <c>perm[i]</c>.</summary>
    public static long[] WithinGraphPermutation(GraphCase c, int seed)
    {
        var rng = new Random(seed);
        var perm = new long[c.NumNodes];
        int start = 0;
        while (start < c.NumNodes)
        {
            int end = start;
            while (end < c.NumNodes && c.Batch[end] == c.Batch[start]) end++;
            var block = Enumerable.Range(start, end - start).OrderBy(_ => rng.Next()).ToArray();
            for (int i = start; i < end; i++) perm[i] = block[i - start];
            start = end;
        }
        return perm;
    }

    /// <summary>The same graph with node <c>i</c> renamed <c>perm[i]</c>: rows of <paramref name="x"/> moved, edges kept
    /// in their positions with renamed endpoints.</summary>
    public static (Tensor X, Tensor EdgeIndex) Relabel(Tensor x, Tensor edgeIndex, long[] perm)
    {
        var map = Longs(perm);
        var inverse = new long[perm.Length];
        for (int i = 0; i < perm.Length; i++) inverse[perm[i]] = i;
        var relabelledX = x.index_select(0, Longs(inverse));
        var relabelledEdges = map.index_select(0, edgeIndex.reshape(-1)).reshape(edgeIndex.shape);
        return (relabelledX, relabelledEdges);
    }

    public static int CaseSeed(GraphCase c) =>
        c.NumNodes * 7919 + c.Edges.Length * 104729 + c.Edges.Sum(e => e.Source * 31 + e.Target) + c.NumGraphs;
}
