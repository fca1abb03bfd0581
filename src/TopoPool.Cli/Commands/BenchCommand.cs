using System.CommandLine;
using System.Text.Json;
using TopoPool.Cli.Output;
using TopoPool.Cli.Requests;
using TopoPool.Cli.Timing;

namespace TopoPool.Cli.Commands;

/// <summary>
/// <c>topopool bench layer --input FILE [--hidden 32] [--reps 50] [--threads 1]</c>: medians of the TopoPool layer's
/// forward (inference, no gradient) and forward+backward (training) after warm-up, beside a plain global max+mean
/// readout on the same batch, as a sentence or (<c>--json</c>) one JSON line.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var input = new Option<FileInfo>("--input") { Description = "a batch in the cluster JSON format, optionally with a features matrix", Required = true };
        var hidden = new Option<int>("--hidden") { Description = "feature width (random features from a fixed seed when the file has none)", DefaultValueFactory = _ => LayerBenchmark.DefaultHidden };
        var reps = new Option<int>("--reps") { Description = "timed repetitions", DefaultValueFactory = _ => LayerBenchmark.DefaultReps };
        var threads = new Option<int>("--threads") { Description = "torch threads", DefaultValueFactory = _ => LayerBenchmark.DefaultThreads };
        var json = new Option<bool>("--json") { Description = "print the medians as one JSON line instead of a sentence" };
        var layer = new Command("layer", "Time the TopoPool layer's forward and forward+backward") { input, hidden, reps, threads, json };
        layer.SetAction(result =>
        {
            var file = result.GetValue(input)!;
            if (!file.Exists) throw new InputException($"{file.FullName}: no such file");
            var measured = LayerBenchmark.Run(file.FullName, result.GetValue(hidden), result.GetValue(reps), result.GetValue(threads));
            Console.Out.WriteLine(result.GetValue(json) ? JsonSerializer.Serialize(measured, CliJson.Readable.LayerBenchmarkResult) : measured.ToText());
            return 0;
        });
        return new Command("bench", "Speed measurements") { layer };
    }
}
