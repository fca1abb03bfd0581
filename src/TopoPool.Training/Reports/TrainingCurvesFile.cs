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
    public static string Write(ExperimentSummary summary)
    {
        var seeds = summary.Runs
            .Select(run => JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(summary.Folder, $"seed{run.Seed}.result.json")), TrainingJson.Default.SeedResult)
                ?? throw new InvalidOperationException($"seed {run.Seed}: its result file is empty"))
            .ToList();
        var path = Path.Combine(summary.Folder, FileName);
        RunFolder.WriteAtomically(path, TrainingCurvesChart.Svg($"{summary.Dataset} {summary.Gnn} + {summary.Pool}", summary.Metric, seeds));
        return path;
    }
}
