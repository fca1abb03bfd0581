using TopoPool.Chemistry.Tables;

namespace TopoPool.Chemistry.Tests.Sdf;

/// <summary>Compares one record read by the SDF reader with RDKit's golden reading of it, position by position.</summary>
internal static class SdfComparison
{
    private static readonly string[] Slots =
        ["C", "N", "O", "S", "F", "Si", "P", "Cl", "Br", "Mg", "Na", "Ca", "Fe", "Al", "I", "B", "K", "Se", "Zn", "H", "Cu", "Mn", "?",
         "d0", "d1", "d2", "d3", "d4", "d5", "q-1", "q-2", "q+1", "q+2", "q0", "t0", "t1", "t2", "t3", "ar"];

    /// <summary>The first difference, or null when the record matches RDKit's reading exactly.</summary>
    public static string? Difference(MoleculeRecord record, SdfGoldenRecord golden)
    {
        if (record.Molecule is null)
        {
            return $"not read: {record.Error}";
        }

        var molecule = record.Molecule;
        if (molecule.AtomCount != golden.Atoms.Count)
        {
            return $"{molecule.AtomCount} atoms, RDKit has {golden.Atoms.Count}";
        }

        var differences = new List<string>();
        for (int a = 0; a < molecule.AtomCount; a++)
        {
            var ours = TdcAtomFeatureVector.Of(molecule.Atoms[a]).Select(f => (int)f).ToArray();
            if (!ours.SequenceEqual(golden.Features[a]))
            {
                differences.Add($"atom {a + 1} {molecule.Atoms[a].Symbol}: ours [{Describe(ours)}] RDKit [{Describe(golden.Features[a])}]");
            }
        }

        if (differences.Count > 0)
        {
            return string.Join("; ", differences);
        }

        var ourEdges = molecule.Bonds.SelectMany(b => new[] { (b.Begin, b.End), (b.End, b.Begin) }).OrderBy(e => e).ToList();
        var theirEdges = golden.Edges.OrderBy(e => e).ToList();
        return ourEdges.SequenceEqual(theirEdges) ? null : "bonds differ";
    }

    private static string Describe(int[] features) => string.Join(" ", features.Select((f, i) => f != 0 ? Slots[i] : null).Where(s => s is not null));
}
