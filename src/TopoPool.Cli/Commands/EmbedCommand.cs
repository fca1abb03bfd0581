using System.CommandLine;
using TopoPool.Training.OwnData;

namespace TopoPool.Cli.Commands;

/// <summary>
/// <c>topopool embed --model DIR --input FILE [--out FILE] [--seed S]</c>: each record's graph embedding — the vector the
/// model's head reads — as columns <c>e0</c>… after <c>row</c> and the input's columns (<see cref="RecordTableRun"/>);
/// seed 1's model (or the folder's first) unless <c>--seed</c> names another.
/// </summary>
public static class EmbedCommand
{
    public static Command Create()
    {
        var run = new RecordTableRun();
        var seed = Arguments.CommandOptions.WholeNumber("--seed", "which ensemble member's embedding (default: seed 1, or the folder's first seed)", 0, int.MaxValue);
        var command = new Command("embed", "Write each molecule's graph embedding (the vector the model's head reads), one row per record") { seed };
        foreach (var option in run.All) command.Options.Add(option);
        command.SetAction(result => run.Execute(result, "embed", model =>
        {
            int chosen = result.GetValue(seed) ?? (model.Members.Any(m => m.Seed == 1) ? 1 : model.Members[0].Seed);
            var embedder = new MoleculeEmbedder(model, chosen, result.GetValue(run.BatchSize));
            return (embedder.Columns, embedder.Embed);
        }));
        return command;
    }
}
