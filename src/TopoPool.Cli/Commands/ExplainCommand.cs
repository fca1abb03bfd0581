using System.CommandLine;
using TopoPool.Chemistry;
using TopoPool.Chemistry.Featurization;
using TopoPool.Chemistry.Proteins;
using TopoPool.Chemistry.Smiles;
using TopoPool.Chemistry.Tables;
using TopoPool.Cli.Output;
using TopoPool.Training.Explanations;
using TopoPool.Training.Reports;

namespace TopoPool.Cli.Commands;

/// <summary>
/// <c>topopool explain [--model FILE] (--smiles S | --input FILE | --pdb FILE...) [--svg FILE]</c>: each molecule's or
/// protein's clusters as one JSON line (members with element or residue, peak, weight, node scores) and, with
/// <c>--svg</c>, a drawing (one file per input when there are several: <c>name.1.svg</c>, <c>name.2.svg</c>, …).
/// Without <c>--model</c> a seeded, untrained GCN + TopoPool model shows the mechanics. An input it cannot read — a bad
/// record of <c>--input</c>, a PDB file that is missing or has no residue — is reported on standard error (records also
/// get an error line on standard output) and the others are explained: exit code 3. Nothing readable at all: exit 2.
/// </summary>
public static class ExplainCommand
{
    public static Command Create()
    {
        var model = new Option<string?>("--model") { Description = "a model folder (`topopool train --data ... --out DIR`, with model.json; lines then carry the prediction) or a benchmark run folder (`topopool train --out`: a seedN.weights file or its folder)" };
        var smiles = new Option<string?>("--smiles") { Description = "one SMILES string" };
        var input = MoleculeInputs.InputOption("; a .pdb file is read as --pdb");
        var smilesColumn = MoleculeInputs.SmilesColumnOption();
        var pdb = new Option<FileInfo[]>("--pdb") { Description = "one or more PDB files (residue graphs)", AllowMultipleArgumentsPerToken = true };
        var svg = new Option<string?>("--svg") { Description = "draw each input's clusters into this SVG file" };
        var html = new Option<string?>("--html") { Description = "write a report page into this HTML file: a sortable, filterable table of the inputs with their pictures, and the summary" };
        var summary = new Option<bool>("--summary") { Description = "end with the substructures that most often form the highest-weighted cluster" };
        var device = new Option<string>("--device") { Description = "cpu or cuda", DefaultValueFactory = _ => "cpu" };
        var command = new Command("explain", "Show the clusters a TopoPool model finds in molecules or proteins, as JSON and SVG")
        {
            model, smiles, input, smilesColumn, pdb, svg, html, summary, device,
        };
        command.SetAction(result =>
        {
            var one = result.GetValue(smiles);
            var path = result.GetValue(input);
            var pdbs = (result.GetValue(pdb) ?? []).Select(f => f.FullName).ToList();
            if (path is not null && Path.GetExtension(path).ToLowerInvariant() is ".pdb" or ".ent")
            {
                pdbs.Add(path);
                path = null;
            }

            bool molecules = one is not null || path is not null;
            if (molecules && pdbs.Count > 0) throw new InputException("explain molecules and proteins in separate runs (their models read different features)");
            if (!molecules && pdbs.Count == 0) throw new InputException("give --smiles, --input or --pdb");
            var on = ModelChoices.Device(result.GetValue(device)!);
            using IMoleculeSource? source = path is null ? null : MoleculeInputs.Open(path, result.GetValue(smilesColumn));
            int skipped = 0;
            List<Item> proteins = ReadProteins(pdbs, ref skipped);

            using var explainer = result.GetValue(model) is { } modelPath ? StructureExplainer.Load(modelPath, on)
                : StructureExplainer.Untrained(on, pdbs.Count > 0 ? ResidueFeatures.Width : TdcAtomFeatures.Width);
            var svgPath = result.GetValue(svg);
            var explained = new List<StructureExplanation>();
            var page = result.GetValue(html) is null ? null : new ExplanationPage();
            int index = 0;
            using var items = new Lookahead<Item>(Molecules(one, source).Concat(proteins));
            foreach (var item in items)
            {
                index++;
                StructureExplanation explanation;
                try
                {
                    explanation = item.Protein is { } protein ? explainer.ExplainProtein(protein, item.Name)
                        : item.Molecule is { } molecule ? explainer.ExplainMolecule(molecule, item.Name)
                        : throw new ArgumentException(item.Error);
                }
                catch (ArgumentException e)
                {
                    skipped++;
                    Console.Out.WriteLine(ErrorLine(item, e.Message));
                    MoleculeInputs.ReportSkipped(item.Where, e.Message);
                    continue;
                }

                string? file = null;
                if (svgPath is not null)
                {
                    file = items.IsSingle ? svgPath : NumberedPath(svgPath, index);
                    File.WriteAllText(file, explanation.ToSvg());
                }

                explained.Add(explanation);
                page?.Add(explanation, item.Row ?? index, PredictionText(explanation.Prediction));
                Console.Out.WriteLine(explanation.ToJson(explainer.Model, file));
            }

            if (index == 0)
            {
                throw source is not null ? MoleculeInputs.NoMolecules(source) : new InputException("no protein could be read (see the warnings above)");
            }

            if (page is not null) page.Write(result.GetValue(html)!, $"TopoPool explanations: {path ?? one ?? string.Join(", ", pdbs.Select(Path.GetFileName))}", $"model: {explainer.Model}");
            if (result.GetValue(summary))
                Console.Out.WriteLine(StrongestClusterSummary.ToMarkdown(StrongestClusterSummary.Summarize(explained)));
            return ExitCodes.Done(skipped);
        });
        return command;
    }

    /// <summary>One input to explain: a molecule, a protein, or a record that could not be read (<see cref="Error"/>).</summary>
    private sealed record Item(string Name, string Where, int? Row, int? Line, Molecule? Molecule, Protein? Protein, string? Error);

    private static IEnumerable<Item> Molecules(string? smiles, IMoleculeSource? source)
    {
        if (smiles is not null)
        {
            yield return SmilesReader.TryParse(SmilesFragments.Longest(smiles), out var molecule, out var error)
                ? new Item(smiles, $"--smiles '{smiles}'", null, null, molecule, null, null)
                : new Item(smiles, $"--smiles '{smiles}'", null, null, null, null, error.Reason);
        }

        if (source is null)
        {
            yield break;
        }

        foreach (MoleculeRecord record in source.Read())
        {
            string name = record.Smiles ?? $"{source.Source} record {record.Row}";
            yield return new Item(name, $"{source.Source} line {record.Line} (record {record.Row})", record.Row, record.Line, record.Molecule, null, record.Error);
        }
    }

    /// <summary>
    /// Every PDB file that can be read; one that is missing, not a file, unreadable or without a residue is reported on
    /// standard error and skipped. When none can be read, nothing is done: the one error names them all.
    /// </summary>
    private static List<Item> ReadProteins(List<string> paths, ref int skipped)
    {
        var proteins = new List<Item>();
        var problems = new List<string>();
        foreach (var path in paths)
        {
            string name = Path.GetFileName(path);
            string? problem = null;
            if (Directory.Exists(path)) problem = $"{path}: is a folder, not a file";
            else if (!File.Exists(path)) problem = $"{path}: no such file";
            else
            {
                try
                {
                    var read = PdbReader.ReadFile(path);
                    foreach (var error in read.Errors) Console.Error.WriteLine($"warning: {name} line {error.Line}: {error.Reason}");
                    skipped += read.Errors.Count;
                    if (read.Protein.Residues.Count == 0) problem = $"{name}: no residue with a C-alpha atom";
                    else proteins.Add(new Item(name, name, null, null, null, read.Protein, null));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    problem = $"{name}: cannot be read ({e.Message})";
                }
            }

            if (problem is not null) problems.Add(problem);
        }

        if (proteins.Count == 0 && problems.Count > 0) throw new InputException(string.Join("; ", problems));
        foreach (var problem in problems) Console.Error.WriteLine($"warning: {problem}; skipped");
        skipped += problems.Count;
        return proteins;
    }

    /// <summary>The report page's prediction cell: the value alone for one regression target (so the column sorts as
    /// numbers), else each output column with its value.</summary>
    private static string? PredictionText(IReadOnlyDictionary<string, double>? prediction)
    {
        if (prediction is null) return null;
        var keys = prediction.Keys.ToList();
        if (keys.Count == 2 && keys[1] == keys[0] + "_std")
            return prediction[keys[0]].ToString("G5", System.Globalization.CultureInfo.InvariantCulture);
        return string.Join("; ", prediction.Select(p => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{p.Key} {p.Value:G4}")));
    }

    private static string ErrorLine(Item item, string message) =>
        System.Text.Json.JsonSerializer.Serialize(new ExplainErrorJson(item.Name, item.Row, item.Line, message), CliJson.Readable.ExplainErrorJson);

    private static string NumberedPath(string path, int index)
    {
        var extension = Path.GetExtension(path);
        return Path.Combine(Path.GetDirectoryName(path) ?? "", $"{Path.GetFileNameWithoutExtension(path)}.{index}{(extension.Length == 0 ? ".svg" : extension)}");
    }
}
