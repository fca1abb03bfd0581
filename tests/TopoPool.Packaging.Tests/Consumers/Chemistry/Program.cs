// Featurize a molecule with a featurizer declared in this project.
using System.Globalization;
using Consumer;
using TopoPool.Chemistry.Smiles;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var pyridine = SmilesReader.Parse("c1ccncc1");
var matrix = PolarAtomFeatures.ToFeatureMatrix(pyridine);
Console.WriteLine($"pyridine: {matrix.Rows} atoms x {matrix.Columns} features");
for (int atom = 0; atom < matrix.Rows; atom++)
    Console.WriteLine($"atom {atom} {pyridine.Atoms[atom].Symbol}: {string.Join(" ", Enumerable.Range(0, matrix.Columns).Select(c => matrix.Data[atom * matrix.Columns + c].ToString("0.##")))}");
