using System.Text.Json;
using TopoPool.Training.Experiments;

namespace TopoPool.Training.Reports;

/// <summary>
/// <c>curves.svg</c> in a run's folder: the <see cref="TrainingCurvesChart"/> of every seed of the run, read back from
/// the seeds' <c>seedN.result.json</c> files so that seeds trained now and seeds reused from an earlier run are drawn
/// alike.
/// </summary>
public static class TrainingCurvesFile
{
    public const string FileName = "curves.svg";

    /// <summary>Writes the chart into the run's folder and returns its path.</summary>
    public static string Write(ExperimentSummary summary) =>
        Write(summary.Folder, $"{summary.Dataset} {summary.Gnn} + {summary.Pool}", summary.Metric, summary.Runs.Select(r => r.Seed));

    /// <summary>Writes the chart of <paramref name="seeds"/>' result files in <paramref name="folder"/> (benchmark and own-data
    /// runs alike) and returns its path.</summary>
    public static string Write(string folder, string title, string metric, IEnumerable<int> seeds)
    {
        var results = seeds
            .Select(seed => JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(folder, $"seed{seed}.result.json")), TrainingJson.Default.SeedResult)
                ?? throw new InvalidOperationException($"seed {seed}: its result file is empty"))
            .ToList();
        var path = Path.Combine(folder, FileName);
        RunFolder.WriteAtomically(path, TrainingCurvesChart.Svg(title, metric, results));
        return path;
    }
}
