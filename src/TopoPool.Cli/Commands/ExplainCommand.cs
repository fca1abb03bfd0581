using System.CommandLine;
using TopoPool.Chemistry.Featurization;
using TopoPool.Chemistry.Proteins;
using TopoPool.Chemistry.Smiles;
using TopoPool.Training.Explanations;

namespace TopoPool.Cli.Commands;

/// <summary>
/// <c>topopool explain [--model FILE] (--smiles S | --input FILE | --pdb FILE...) [--svg FILE]</c>: each molecule's or
/// protein's clusters as one JSON line (members with element or residue, peak, weight, node scores) and, with
/// <c>--svg</c>, a drawing (one file per input when there are several: <c>name.1.svg</c>, <c>name.2.svg</c>, …).
/// Without <c>--model</c> a seeded, untrained GCN + TopoPool model shows the mechanics.
/// </summary>
public static class ExplainCommand
{
    public static Command Create()
    {
        var model = new Option<string?>("--model") { Description = "weights written by `topopool train --out` (a seedN.weights file or its folder)" };
        var smiles = new Option<string?>("--smiles") { Description = "one SMILES string" };
        var input = new Option<FileInfo?>("--input") { Description = "SMILES file (one per line, or CSV/TSV with a Drug or smiles column), or a .pdb file" };
        var pdb = new Option<FileInfo[]>("--pdb") { Description = "one or more PDB files (residue graphs)", AllowMultipleArgumentsPerToken = true };
        var svg = new Option<string?>("--svg") { Description = "draw each input's clusters into this SVG file" };
        var summary = new Option<bool>("--summary") { Description = "end with the substructures that most often form the highest-weighted cluster" };
        var device = new Option<string>("--device") { Description = "cpu or cuda", DefaultValueFactory = _ => "cpu" };
        var command = new Command("explain", "Show the clusters a TopoPool model finds in molecules or proteins, as JSON and SVG")
        {
            model, smiles, input, pdb, svg, summary, device,
        };
        command.SetAction(result =>
        {
            var inputs = Inputs(result.GetValue(smiles), result.GetValue(input), result.GetValue(pdb) ?? []);
            var modelPath = result.GetValue(model);
            var on = ModelChoices.Device(result.GetValue(device)!);
            bool proteins = inputs.Any(i => i.Protein is not null);
            if (proteins && inputs.Any(i => i.Protein is null)) throw new InputException("explain molecules and proteins in separate runs (their models read different features)");
            using var explainer = modelPath is not null ? StructureExplainer.Load(modelPath, on)
                : StructureExplainer.Untrained(on, proteins ? ResidueFeatures.Width : TdcAtomFeatures.Width);
            var svgPath = result.GetValue(svg);
            var explained = new List<StructureExplanation>();
            int index = 0;
            foreach (var item in inputs)
            {
                index++;
                StructureExplanation explanation;
                try
                {
                    explanation = item.Protein is { } protein ? explainer.ExplainProtein(protein, item.Name) : explainer.ExplainSmiles(item.Name);
                }
                catch (Exception e) when (e is SmilesException or ArgumentException)
                {
                    Console.Out.WriteLine(ErrorLine(item, e.Message));
                    continue;
                }
                string? file = null;
                if (svgPath is not null)
                {
                    file = inputs.Count == 1 ? svgPath : NumberedPath(svgPath, index);
                    File.WriteAllText(file, explanation.ToSvg());
                }
                explained.Add(explanation);
                Console.Out.WriteLine(explanation.ToJson(explainer.Model, file));
            }
            if (result.GetValue(summary))
                Console.Out.WriteLine(StrongestClusterSummary.ToMarkdown(StrongestClusterSummary.Summarize(explained)));
            return 0;
        });
        return command;
    }

    private sealed record Item(string Name, int? Line, Protein? Protein);

    private static List<Item> Inputs(string? smiles, FileInfo? input, FileInfo[] pdbs)
    {
        var items = new List<Item>();
        if (smiles is not null) items.Add(new Item(smiles, null, null));
        if (input is not null)
        {
            if (input.Extension.ToLowerInvariant() is ".pdb" or ".ent") pdbs = [.. pdbs, input];
            else items.AddRange(SmilesInputs.Read(input).Select(s => new Item(s.Smiles, s.Line, null)));
        }
        foreach (var file in pdbs)
        {
            if (!file.Exists) throw new InputException($"{file.FullName}: no such file");
            var read = PdbReader.ReadFile(file.FullName);
            foreach (var error in read.Errors) Console.Error.WriteLine($"warning: {file.Name} line {error.Line}: {error.Reason}");
            if (read.Protein.Residues.Count == 0) throw new InputException($"{file.Name}: no residue with a C-alpha atom");
            items.Add(new Item(file.Name, null, read.Protein));
        }
        if (items.Count == 0) throw new InputException("give --smiles, --input or --pdb");
        return items;
    }

    private static string ErrorLine(Item item, string message) =>
        System.Text.Json.JsonSerializer.Serialize(item.Line is int line
            ? new Dictionary<string, object> { ["input"] = item.Name, ["line"] = line, ["error"] = message }
            : new Dictionary<string, object> { ["input"] = item.Name, ["error"] = message });

    private static string NumberedPath(string path, int index)
    {
        var extension = Path.GetExtension(path);
        return Path.Combine(Path.GetDirectoryName(path) ?? "", $"{Path.GetFileNameWithoutExtension(path)}.{index}{(extension.Length == 0 ? ".svg" : extension)}");
    }
}
