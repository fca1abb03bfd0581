using System.Text.Json;
using TopoPool.Testing;

namespace TopoPool.Chemistry.Tests.Sdf;

/// <summary>
/// One line of a golden/caco2_wang.{2d,3d,v3000}.rdkit.jsonl file: RDKit 2022.09's reading of one SDF record
/// (<c>SDMolSupplier</c>, hydrogens removed), atoms in file order, 39 TDC features per atom, bonds in both directions.
/// </summary>
internal sealed record SdfGoldenRecord(int Record, string Smiles, IReadOnlyList<string> Atoms, IReadOnlyList<int[]> Features, IReadOnlyList<(int From, int To)> Edges)
{
    public static IReadOnlyList<SdfGoldenRecord> Load(string fileName)
    {
        var result = new List<SdfGoldenRecord>();
        foreach (string text in File.ReadLines(SharedFolder.Path("golden", fileName)))
        {
            if (text.Length == 0)
            {
                continue;
            }

            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            result.Add(new SdfGoldenRecord(
                root.GetProperty("record").GetInt32(),
                root.GetProperty("smiles").GetString()!,
                root.GetProperty("atoms").EnumerateArray().Select(a => a.GetString()!).ToList(),
                root.GetProperty("features").EnumerateArray().Select(row => row.EnumerateArray().Select(v => v.GetInt32()).ToArray()).ToList(),
                root.GetProperty("edges").EnumerateArray().Select(e => (e[0].GetInt32(), e[1].GetInt32())).ToList()));
        }

        return result;
    }
}
