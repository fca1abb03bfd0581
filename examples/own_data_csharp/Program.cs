// Your own molecule table with the library, in C#: read a table with two targets (one with missing values), train a
// two-seed ensemble, save the model folder, load it back, predict and embed molecules, and write the predictions.
// Run from the repository root:  dotnet run --project examples/own_data_csharp -c Release [-- DATA_DIR [EPOCHS [WORK_DIR]]]
using System.Globalization;
using TopoPool.Chemistry.Tables;
using TopoPool.Training.Data;
using TopoPool.Training.OwnData;
using TopoPool.Training.Tables;
using static TorchSharp.torch;

var roots = args.Length > 0 ? [args[0]] : DatasetLocator.DefaultRoots();   // default: ./data, $TOPOPOOL_DATA_DIR or ../shared/data
int epochs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var work = args.Length > 2 ? Directory.CreateDirectory(args[2]).FullName : Directory.CreateTempSubdirectory("topopool-own-data-").FullName;
var caco2 = roots.Select(r => Path.Combine(r, "tdc", "caco2_wang.csv")).FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"tdc/caco2_wang.csv is not under {string.Join(" or ", roots)}");
set_num_threads(1);   // one intra-op thread is fastest for molecule-sized graphs

// 1. A table of your own: the first 200 Caco-2 molecules with Y (log Papp) and Papp in 1e-6 cm/s, missing on every
//    fourth row; the next 50 molecules are held out. Any CSV/TSV with a SMILES column, SMILES file or SDF will do.
List<string[]> rows;
using (var source = MoleculeSources.Open(caco2))
    rows = source.Read().Take(250).Select(r => r.Values.ToArray()).ToList();   // Drug_ID, Drug, Y
string Field(string text) => text.Contains(',') || text.Contains('"') ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
string Line(string[] r, int i) =>
    $"{Field(r[0])},{r[1]},{r[2]},{(i % 4 == 3 ? "" : (Math.Pow(10, double.Parse(r[2], CultureInfo.InvariantCulture)) * 1e6).ToString("R", CultureInfo.InvariantCulture))}";
var trainPath = Path.Combine(work, "train.csv");
var heldOutPath = Path.Combine(work, "heldout.csv");
File.WriteAllLines(trainPath, ["name,smiles,Y,Papp", .. rows.Take(200).Select(Line)]);
File.WriteAllLines(heldOutPath, ["name,smiles,Y,Papp", .. rows.Skip(200).Select((r, i) => Line(r, 200 + i))]);

// 2. Read it: molecules, targets (task inferred), missing values as NaN.
var table = MoleculeTable.Read(trainPath, new MoleculeTableOptions(["Y", "Papp"]));
Console.WriteLine($"table: {table.Samples.Count} molecules of {table.Records} records, {table.Skipped} skipped; {table.TaskInference}");
foreach (var (target, t) in table.Targets.Select((target, t) => (target, t)))
    Console.WriteLine($"target {target.Name}: {table.Samples.Count(s => !float.IsNaN(s.Targets[t]))} values, {table.Samples.Count(s => float.IsNaN(s.Targets[t]))} missing");

// 3. Train a two-seed ensemble and write the model folder.
var modelFolder = Path.Combine(work, "model");
var settings = new OwnDataSettings(trainPath, new MoleculeTableOptions(["Y", "Papp"]), modelFolder, CPU) { Epochs = epochs, Seeds = [1, 2] };
var summary = OwnDataRunner.Run(table, null, settings,
    seedFinished: s => Console.WriteLine($"seed {s.Run.Seed}: {s.Run.Epochs} epochs (best {s.Run.BestEpoch}); {s.TrainCount} train, {s.ValidationCount} validation, {s.TestCount} test"));
foreach (var byTarget in summary.MeanMetrics().GroupBy(m => m.Target))   // mean (std) over the seeds
    Console.WriteLine($"test {byTarget.Key}: {string.Join(" · ", byTarget.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Metric} {m.Mean:F3} ({m.Std:F3})")))}");
Console.WriteLine($"model folder: {string.Join(", ", Directory.GetFiles(summary.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal))}");

// 4. Load the folder back (checked against this library) and predict the held-out molecules as a stream.
using var model = TrainedModel.Load(modelFolder);
var predictor = new MoleculePredictor(model);
Console.WriteLine($"loaded: {model.File.Task}, targets {string.Join(", ", model.Targets.Select(t => t.Name))}, seeds {string.Join(",", model.Members.Select(m => m.Seed))}; columns {string.Join(",", predictor.Columns)}");
using (var heldOut = MoleculeSources.Open(heldOutPath))
{
    foreach (var output in predictor.Predict(heldOut.Read()).Take(5))   // values: Y, Y_std, Papp, Papp_std
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"row {output.Record.Row}: Y {output.Values![0]:F4} ± {output.Values[1]:F4} (measured {double.Parse(output.Record.Values[2], CultureInfo.InvariantCulture):F4}), Papp {output.Values[2]:F4} ± {output.Values[3]:F4}"));
}

// 5. Write every prediction as a table (what `topopool predict --out` writes; a .parquet name writes Parquet).
var predictionsPath = Path.Combine(work, "predictions.csv");
using (var heldOut = MoleculeSources.Open(heldOutPath))
using (var writer = RecordTableWriter.Create(predictionsPath, Console.Out, new RecordTableLayout(heldOut.Columns, predictor.Columns)))
    foreach (var output in predictor.Predict(heldOut.Read())) writer.Write(output);
Console.WriteLine($"predictions: {predictionsPath}");

// 6. One molecule's graph embedding under seed 1's model: the vector its head reads.
using (var heldOut = MoleculeSources.Open(heldOutPath))
{
    var embedded = new MoleculeEmbedder(model, seed: 1).Embed(heldOut.Read().Take(1)).Single();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"embedding of row {embedded.Record.Row} ({embedded.Values!.Length} values): {string.Join(" ", embedded.Values.Take(4).Select(v => v.ToString("F4", CultureInfo.InvariantCulture)))} …"));
}
Console.WriteLine($"work folder: {work}");
