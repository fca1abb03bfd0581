using System.Globalization;

namespace TopoPool.Cli.Timing;

/// <summary>Medians of one <see cref="LayerBenchmark"/> run, in milliseconds, with the batch's size and the
/// global max+mean readout timed the same way for comparison.</summary>
public sealed record LayerBenchmarkResult(
    int Nodes, int Edges, int Graphs, long Clusters, int Hidden, int Threads, int Reps, string Engine,
    double ForwardMs, double ForwardBackwardMs, double ReadoutForwardMs, double ReadoutForwardBackwardMs)
{
    /// <summary>Forward+backward time of the layer over that of the readout.</summary>
    public double ForwardBackwardRatioToReadout => ForwardBackwardMs / ReadoutForwardBackwardMs;

    /// <summary>One JSON object: <c>{"nodes", "edges", "graphs", "clusters", "forward_ms", "forward_backward_ms", ...}</c>.</summary>
    public string ToJson()
    {
        static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
        return $"{{\"nodes\": {Nodes}, \"edges\": {Edges}, \"graphs\": {Graphs}, \"clusters\": {Clusters}, " +
               $"\"forward_ms\": {F(ForwardMs)}, \"forward_backward_ms\": {F(ForwardBackwardMs)}, " +
               $"\"readout_forward_ms\": {F(ReadoutForwardMs)}, \"readout_forward_backward_ms\": {F(ReadoutForwardBackwardMs)}, " +
               $"\"hidden\": {Hidden}, \"threads\": {Threads}, \"reps\": {Reps}, \"engine\": \"{Engine}\"}}";
    }
}
