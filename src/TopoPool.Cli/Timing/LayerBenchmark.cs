using System.Diagnostics;
using TopoPool.Torch.Pooling;
using TopoPool.Torch.Readout;
using TorchSharp;
using static TorchSharp.torch;

namespace TopoPool.Cli.Timing;

/// <summary>
/// Times the TopoPool layer on a batch (CPU): forward in inference (evaluation mode, no gradient recording) and
/// forward+backward in training mode (loss = sum of the pooled features; gradients reach x and the scoring
/// layer), medians over <c>reps</c> runs after a warm-up, on a fixed number of torch threads; and the same for a
/// plain global max+mean readout of the same features. The entry behind <c>topopool bench layer</c>.
/// </summary>
public static class LayerBenchmark
{
    /// <summary>Feature width when the input has no features.</summary>
    public const int DefaultHidden = 32;
    /// <summary>Timed repetitions per measurement.</summary>
    public const int DefaultReps = 50;
    /// <summary>Torch intra-op threads.</summary>
    public const int DefaultThreads = 1;
    /// <summary>Seed of the random features (and of the scoring layer's initialisation).</summary>
    public const int Seed = 20231;

    /// <summary>Runs the benchmark on a JSON batch file (see <see cref="BenchmarkBatch"/>).</summary>
    public static LayerBenchmarkResult Run(string path, int hidden = DefaultHidden, int reps = DefaultReps, int threads = DefaultThreads,
                                           DescentEngine engine = DescentEngine.Auto) =>
        Run(BenchmarkBatch.Load(path), hidden, reps, threads, engine);

    /// <summary>Runs the benchmark on a batch. Features from the input are used as they are (their width
    /// replaces <paramref name="hidden"/>); without them, uniform features in [-1, 1) from <see cref="Seed"/>.</summary>
    public static LayerBenchmarkResult Run(BenchmarkBatch input, int hidden = DefaultHidden, int reps = DefaultReps, int threads = DefaultThreads,
                                           DescentEngine engine = DescentEngine.Auto)
    {
        if (reps < 1) throw new ArgumentOutOfRangeException(nameof(reps), "at least one repetition");
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(threads), "at least one thread");
        int previousThreads = get_num_threads();
        set_num_threads(threads);
        try
        {
            using var scope = NewDisposeScope();
            var (x, edgeIndex, batch) = Tensors(input, hidden);
            long graphs = input.NumGraphs;
            random.manual_seed(Seed);
            using var layer = new TopoPool.Torch.Pooling.TopoPooling(x.shape[1], connect: false, engine: engine);
            var trainable = x.detach().requires_grad_(true);

            layer.eval();
            long clusters;
            using (no_grad()) clusters = layer.call(x, edgeIndex, batch, graphs).NumClusters;
            double forward = Median(reps, () => { using (no_grad()) layer.call(x, edgeIndex, batch, graphs); });
            double readoutForward = Median(reps, () => { using (no_grad()) GlobalPool.MaxMean(x, batch, graphs); });

            layer.train();
            double forwardBackward = Median(reps,
                () => layer.call(trainable, edgeIndex, batch, graphs).X.sum().backward(),
                reset: () => { layer.zero_grad(); trainable.grad?.zero_(); });
            double readoutForwardBackward = Median(reps,
                () => GlobalPool.MaxMean(trainable, batch, graphs).sum().backward(),
                reset: () => trainable.grad?.zero_());

            return new LayerBenchmarkResult(input.NumNodes, input.Sources.Count, input.NumGraphs, clusters, (int)x.shape[1], threads, reps,
                TopoPoolSelect.Engine(engine, x.device).GetType().Name, forward, forwardBackward, readoutForward, readoutForwardBackward);
        }
        finally
        {
            set_num_threads(previousThreads);
        }
    }

    /// <summary>The batch as tensors on the CPU: features (N × d, float32), edge index (int64 2 × E) and batch vector.</summary>
    public static (Tensor X, Tensor EdgeIndex, Tensor Batch) Tensors(BenchmarkBatch input, int hidden = DefaultHidden)
    {
        int n = input.NumNodes;
        float[] features;
        int columns;
        if (input.Features is { } given)
        {
            features = given.ToArray();
            columns = input.FeatureColumns;
        }
        else
        {
            var rng = new Random(Seed);
            columns = hidden;
            features = new float[n * columns];
            for (int i = 0; i < features.Length; i++) features[i] = (float)(rng.NextDouble() * 2 - 1);
        }
        var edges = new long[2 * input.Sources.Count];
        for (int e = 0; e < input.Sources.Count; e++)
        {
            edges[e] = input.Sources[e];
            edges[input.Sources.Count + e] = input.Targets[e];
        }
        return (tensor(features, new long[] { n, columns }), tensor(edges, new long[] { 2, input.Sources.Count }), tensor(input.Batch.ToArray()));
    }

    private static double Median(int reps, Action run, Action? reset = null)
    {
        // Warm up until the JIT has settled: at least as many runs as timed ones and at least half a second.
        var warm = Stopwatch.StartNew();
        for (int i = 0; i < Math.Max(reps, 20) || warm.ElapsedMilliseconds < 500; i++)
        {
            reset?.Invoke();
            using var scope = NewDisposeScope();
            run();
        }
        var times = new double[reps];
        for (int i = 0; i < reps; i++)
        {
            reset?.Invoke();
            using var scope = NewDisposeScope();
            long start = Stopwatch.GetTimestamp();
            run();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        return reps % 2 == 1 ? times[reps / 2] : (times[reps / 2 - 1] + times[reps / 2]) / 2;
    }
}
