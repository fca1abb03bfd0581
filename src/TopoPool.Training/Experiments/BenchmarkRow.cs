using System.Globalization;

namespace TopoPool.Training.Experiments;

/// <summary>One finished (dataset, GNN, pool, seed) run: a line of <c>&lt;dataset&gt;_results.csv</c>.</summary>
public sealed record BenchmarkRow(
    string Dataset,
    string Gnn,
    string Pool,
    int Seed,
    string Metric,
    double Value,
    int Epochs,
    int BestEpoch,
    double Seconds,
    double SecondsPerEpoch,
    double Validation,
    double? MotifRecovery)
{
    public const string Header = "dataset,gnn,pool,seed,metric,value,epochs,best_epoch,seconds,seconds_per_epoch,validation,motif_recovery";

    public string ToCsv() => string.Join(",",
        Dataset, Gnn, Pool, Seed.ToString(CultureInfo.InvariantCulture), Metric, Format(Value), Epochs.ToString(CultureInfo.InvariantCulture),
        BestEpoch.ToString(CultureInfo.InvariantCulture), Format(Seconds), Format(SecondsPerEpoch), Format(Validation),
        MotifRecovery is double m ? Format(m) : "");

    /// <summary>Reads a row written by <see cref="ToCsv"/>; <paramref name="where"/> names the file and line in errors.</summary>
    public static BenchmarkRow Parse(string line, string where)
    {
        var f = line.Split(',');
        if (f.Length != 12) throw new InvalidDataException($"{where}: expected 12 comma-separated fields, found {f.Length}");
        try
        {
            return new BenchmarkRow(f[0], f[1], f[2], int.Parse(f[3], CultureInfo.InvariantCulture), f[4],
                double.Parse(f[5], CultureInfo.InvariantCulture), int.Parse(f[6], CultureInfo.InvariantCulture),
                int.Parse(f[7], CultureInfo.InvariantCulture), double.Parse(f[8], CultureInfo.InvariantCulture),
                double.Parse(f[9], CultureInfo.InvariantCulture), double.Parse(f[10], CultureInfo.InvariantCulture),
                f[11].Length == 0 ? null : double.Parse(f[11], CultureInfo.InvariantCulture));
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"{where}: {e.Message}");
        }
    }

    public static BenchmarkRow From(ExperimentSummary experiment, SeedRun run) =>
        new(experiment.Dataset, experiment.Gnn, experiment.Pool, run.Seed, experiment.Metric, run.Value, run.Epochs, run.BestEpoch,
            run.Seconds, run.SecondsPerEpoch, run.ValidationValue, run.MotifRecovery);

    private static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
