using System.CommandLine;
using TopoPool.Chemistry.Tables;
using TopoPool.Cli.Progress;
using TopoPool.Training.Experiments;
using TopoPool.Training.OwnData;
using TopoPool.Training.Tables;

namespace TopoPool.Cli.Commands;

/// <summary>
/// What <c>predict</c> and <c>embed</c> share: the <c>--input</c>, <c>--out</c>, <c>--batch-size</c>, <c>--shard</c>,
/// <c>--smiles-column</c> and <c>--device</c> options, and the run that streams the input's records through a model into
/// one output row per record (<see cref="RecordTableLayout"/>), in input order. With <c>--shard K/N</c> only the records
/// of the blocks of <c>--batch-size</c> rows that fall to task K are read and written (<see cref="MoleculeBatchEvaluation.ShardOwns"/>), so N processes write disjoint tables whose
/// union, ordered by row, is the unsharded one. Unreadable records keep their row with an error; they are reported on
/// standard error and the exit code is 3.
/// </summary>
public sealed class RecordTableRun
{
    public Option<string?> Model { get; } = new("--model") { Description = "a model folder written by `topopool train --data ... --out DIR`" };
    public Option<string?> Input { get; } = MoleculeInputs.InputOption("; or an SDF file (.sdf, .sd, .mol, .sdf.gz)");
    public Option<string?> Output { get; } = new("--out") { Description = "the output table: FILE.csv (default: CSV on standard output) or FILE.parquet" };
    public Option<int> BatchSize { get; } = Arguments.CommandOptions.WholeNumber("--batch-size", "molecules per batch", 1, 1_000_000, MoleculePredictor.DefaultBatchSize);
    public Option<string?> Shard { get; } = new("--shard") { Description = "K/N: only task K's records (blocks of --batch-size rows dealt out in turn), for job arrays; the N outputs together, ordered by row, are the whole table" };
    public Option<string?> SmilesColumn { get; } = MoleculeInputs.SmilesColumnOption();
    public Option<string> Device { get; } = Arguments.CommandOptions.Choice("--device", "device", ["cpu", "cuda"], "cpu");
    public Option<int> Threads { get; } = Arguments.CommandOptions.WholeNumber("--threads", "torch threads on the CPU", 1, 1024, 1);

    public IEnumerable<Option> All => [Model, Input, Output, BatchSize, Shard, SmilesColumn, Device, Threads];

    /// <summary>Runs <paramref name="compute"/> (which builds the model's outputs for a stream of records and names the
    /// value columns) over the input and writes the table.</summary>
    public int Execute(ParseResult result, string verb, Func<TrainedModel, (IReadOnlyList<string> Columns, Func<IEnumerable<MoleculeRecord>, IEnumerable<RecordOutput>> Run)> compute)
    {
        var modelPath = result.GetValue(Model) ?? throw new InputException($"{verb} needs --model DIR (a folder written by `topopool train --data ... --out DIR`)");
        var inputPath = result.GetValue(Input) ?? throw new InputException($"{verb} needs --input FILE");
        Shard? shard = null;
        if (result.GetValue(Shard) is { } text)
            shard = Training.Experiments.Shard.TryParse(text, out var parsed, out var problem) ? parsed : throw new InputException($"--shard {problem}");
        var outputPath = result.GetValue(Output);
        if (outputPath is not null && Directory.Exists(outputPath)) throw new InputException($"--out {outputPath}: is a folder; give a file name (.csv or .parquet)");
        if (outputPath is not null && Path.GetDirectoryName(Path.GetFullPath(outputPath)) is { } outputFolder && !Directory.Exists(outputFolder))
            throw new InputException($"--out {outputPath}: the folder {outputFolder} does not exist");
        TorchSharp.torch.set_num_threads(result.GetValue(Threads));

        using var model = TrainedModel.Load(modelPath, ModelChoices.Device(result.GetValue(Device)!));
        var (columns, run) = compute(model);
        int batchSize = result.GetValue(BatchSize);
        Func<int, bool>? include = shard is { } s ? row => MoleculeBatchEvaluation.ShardOwns(row, batchSize, s.Index, s.Count) : null;
        using var source = MoleculeInputs.Open(inputPath, result.GetValue(SmilesColumn), include);
        var layout = new RecordTableLayout(source.Columns, columns);
        foreach (var (input, renamedTo) in layout.Renamed)
            Console.Error.WriteLine($"note: {source.Source}'s column '{input}' is written as '{renamedTo}' (the output uses '{input}' for the model's values)");

        int errors = 0;
        var progress = new RecordProgress(Console.Error, verb == "predict" ? "predicted" : "embedded");
        // The table is written beside its final name and renamed when complete: an interrupted or refused run never
        // leaves a file that looks like a finished table, and never replaces one that was there.
        string? partialPath = outputPath is null ? null : PartialPath(outputPath);
        long written;
        try
        {
            written = progress.Run(() =>
            {
                using var writer = RecordTableWriter.Create(partialPath, Console.Out, layout);
                foreach (var output in run(source.Read()))
                {
                    writer.Write(output);
                    progress.Advance(failed: output.Error is not null);
                    if (output.Error is not null)
                    {
                        errors++;
                        if (errors <= 20) Console.Error.WriteLine($"warning: {source.Source} {output.Error}; row kept without values");
                    }
                }
                return writer.Rows;
            });
        }
        catch when (partialPath is not null)
        {
            File.Delete(partialPath);
            throw;
        }

        progress.Done();
        if (errors > 20) Console.Error.WriteLine($"warning: … and {errors - 20} more records without values");
        if (written == 0 && shard is null)
        {
            if (partialPath is not null) File.Delete(partialPath);
            throw MoleculeInputs.NoMolecules(source);
        }

        if (partialPath is not null) File.Move(partialPath, outputPath!, overwrite: true);
        return ExitCodes.Done(errors);
    }

    /// <summary><c>dir/.name.partial.ext</c>: hidden, and with the extension that picks the format.</summary>
    private static string PartialPath(string path) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileNameWithoutExtension(path)}.partial{Path.GetExtension(path)}");
}
