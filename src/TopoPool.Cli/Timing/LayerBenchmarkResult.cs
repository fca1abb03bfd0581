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

    /// <summary>One line for a person: the batch, then the layer's medians beside the readout's.</summary>
    public string ToText() => string.Create(CultureInfo.InvariantCulture,
        $"TopoPool layer, {Nodes} nodes, {Edges} edges, {Graphs} graphs, {Clusters} clusters, hidden {Hidden}, {Threads} thread(s), median of {Reps} ({Engine}): " +
        $"forward {ForwardMs:0.###} ms, forward+backward {ForwardBackwardMs:0.###} ms; global max+mean readout {ReadoutForwardMs:0.###} / {ReadoutForwardBackwardMs:0.###} ms " +
        $"(forward+backward {ForwardBackwardRatioToReadout:0.##}x the readout's)");
}
