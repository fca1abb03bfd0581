// Pool the residue graphs of PDB structures with TopoPool and draw their clusters.
// Run from the repository root:  dotnet run --project examples/protein_pdb -c Release [-- PDB_FOLDER [OUTPUT_FOLDER]]
using TopoPool.Chemistry.Featurization;
using TopoPool.Chemistry.Proteins;
using TopoPool.Training.Explanations;
using static TorchSharp.torch;

var folder = args.Length > 0 ? args[0] : Path.Combine("..", "shared", "data", "pdb");
var output = args.Length > 1 ? args[1] : "protein-clusters";
if (!Directory.Exists(folder))
{
    Console.Error.WriteLine($"{Path.GetFullPath(folder)}: no such folder (give the folder of .pdb files as the first argument)");
    return 2;
}
Directory.CreateDirectory(output);

// A seeded, untrained GCN + TopoPool over the residue features (amino acid, hydrophobicity, charge, polarity,
// secondary structure): the clusters show the mechanics — contiguous regions of the C-alpha contact graph (6 Å).
using var explainer = StructureExplainer.Untrained(CPU, ResidueFeatures.Width);
foreach (var path in Directory.GetFiles(folder, "*.pdb").Order())
{
    var read = PdbReader.ReadFile(path);
    foreach (var error in read.Errors) Console.Error.WriteLine($"{Path.GetFileName(path)} line {error.Line}: {error.Reason}");
    var protein = read.Protein;
    var explanation = explainer.ExplainProtein(protein, Path.GetFileName(path));
    var svg = Path.Combine(output, Path.GetFileNameWithoutExtension(path) + ".svg");
    File.WriteAllText(svg, explanation.ToSvg());

    var strongest = explanation.Clusters.Strongest!;
    Console.WriteLine($"{Path.GetFileName(path)}: {protein.Residues.Count} residues, {protein.Edges.Length} contacts, " +
                      $"{explanation.Clusters.Clusters.Count} clusters; strongest σ = {strongest.Weight:F2}: " +
                      $"{string.Join(" ", explanation.StrongestLabels)} → {svg}");
}
return 0;
