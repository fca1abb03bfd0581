// Declare an atom featurizer with attributes; the generator writes its code at compile time.
// Run from the repository root:  dotnet run --project examples/custom_featurizer -c Release [-- SMILES]
using CustomFeaturizer;
using TopoPool.Chemistry.Smiles;

var smiles = args.Length > 0 ? args[0] : "c1ccc(cc1)C(=O)NCCCl";
var molecule = SmilesReader.Parse(smiles);

Console.WriteLine($"{smiles}: {molecule.Atoms.Count} atoms × {HeteroatomFeatures.Width} features");
Console.WriteLine($"slots: {HeteroatomFeatures.Element}, {HeteroatomFeatures.InRing}, {HeteroatomFeatures.Aromatic}, {HeteroatomFeatures.Hydrogens}");
Console.WriteLine(string.Join(" ", HeteroatomFeatures.FeatureNames));

Span<float> row = stackalloc float[HeteroatomFeatures.Width];
foreach (var atom in molecule.Atoms)
{
    HeteroatomFeatures.WriteFeatures(atom, row);
    Console.WriteLine($"{atom.Symbol,-2} {string.Join(" ", row.ToArray().Select(v => v.ToString("0.##")))}");
}

var graph = HeteroatomFeatures.ToGraph(molecule);
Console.WriteLine($"as a graph: {graph}");
