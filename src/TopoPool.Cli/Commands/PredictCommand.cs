using System.CommandLine;
using TopoPool.Training.OwnData;

namespace TopoPool.Cli.Commands;

/// <summary>
/// <c>topopool predict --model DIR --input FILE [--out FILE.csv|FILE.parquet] [--batch-size N] [--shard K/N]</c>: one row
/// per input record, in input order — <c>row</c>, the input's columns, then per target the ensemble mean and
/// <c>&lt;target&gt;_std</c> (classification: <c>&lt;target&gt;_&lt;class&gt;</c> probabilities), and <c>error</c>
/// (<see cref="RecordTableRun"/>).
/// </summary>
public static class PredictCommand
{
    public static Command Create()
    {
        var run = new RecordTableRun();
        var command = new Command("predict", "Score a molecule file with a model folder (the ensemble mean and spread per target), one row per record");
        foreach (var option in run.All) command.Options.Add(option);
        command.SetAction(result => run.Execute(result, "predict", model =>
        {
            var predictor = new MoleculePredictor(model, result.GetValue(run.BatchSize));
            return (predictor.Columns, predictor.Predict);
        }));
        return command;
    }
}
