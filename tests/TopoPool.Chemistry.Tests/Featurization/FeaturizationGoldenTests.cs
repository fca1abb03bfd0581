using System.Text.Json;
using TopoPool.Chemistry.Featurization;
using TopoPool.Chemistry.Smiles;
using TopoPool.Testing;
using Xunit;

namespace TopoPool.Chemistry.Tests.Featurization;

/// <summary>
/// The generated <see cref="TdcAtomFeatures"/> on every Caco2 molecule, in its aromatic and its Kekulé spelling,
/// against RDKit's features in shared/golden. RDKit lists atoms in canonical order, so each molecule is compared
/// as the multiset of its atoms' 39-feature rows, with chiral tags 1 and 2 merged (golden/README.md).
/// </summary>
public class FeaturizationGoldenTests
{
    [Theory]
    [InlineData("caco2_wang.rdkit.jsonl")]
    [InlineData("caco2_wang.kekule.rdkit.jsonl")]
    public void Every_Caco2_molecule_has_RDKits_atom_features(string golden)
    {
        var mismatches = new List<string>();
        int compared = 0;
        foreach (string line in File.ReadLines(SharedFolder.Path("golden", golden)))
        {
            using JsonDocument document = JsonDocument.Parse(line);
            JsonElement root = document.RootElement;
            string smiles = root.GetProperty("input_used").GetString()!;
            List<string> expected = root.GetProperty("features").EnumerateArray()
                .Select(row => RowKey(row.EnumerateArray().Select(v => v.GetSingle()).ToArray()))
                .Order(StringComparer.Ordinal)
                .ToList();

            if (!SmilesReader.TryParse(smiles, out Molecule? molecule, out SmilesError? error))
            {
                mismatches.Add($"{smiles}: {error}");
                continue;
            }

            float[] values = TdcAtomFeatures.Featurize(molecule);
            List<string> actual = Enumerable.Range(0, molecule.Atoms.Count)
                .Select(i => RowKey(values.AsSpan(i * TdcAtomFeatures.Width, TdcAtomFeatures.Width).ToArray()))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (!actual.SequenceEqual(expected))
            {
                mismatches.Add(smiles);
            }

            compared++;
        }

        Assert.Equal(910, compared + mismatches.Count(m => m.Contains(':', StringComparison.Ordinal)));
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} molecules differ from RDKit, e.g. {string.Join(" | ", mismatches.Take(10))}");
    }

    [Fact]
    public void Molecule_graph_carries_the_feature_rows()
    {
        Molecule molecule = SmilesReader.Parse("c1ccccc1O");
        var graph = TdcAtomFeatures.ToGraph(molecule);

        Assert.Equal(7, graph.NumNodes);
        Assert.Equal(7, graph.Edges.Length);
        Assert.Equal(TdcAtomFeatures.Width, graph.Features.Columns);

        // The oxygen: element O (2), degree 1 (23 + 1), charge 0 (33), chiral tag 0 (34), not aromatic.
        var oxygen = new float[TdcAtomFeatures.Width];
        oxygen[2] = oxygen[24] = oxygen[33] = oxygen[34] = 1;
        Assert.Equal(oxygen, graph.Features.RowArray(6));

        // An aromatic carbon bonded to the oxygen: C (0), degree 3 (26), charge 0, tag 0, aromatic (38).
        var carbon = new float[TdcAtomFeatures.Width];
        carbon[0] = carbon[26] = carbon[33] = carbon[34] = carbon[38] = 1;
        Assert.Equal(carbon, graph.Features.RowArray(5));
    }

    [Fact]
    public void Unlisted_values_go_where_TDC_puts_them()
    {
        // [U+3]: an element not listed (unknown column 22) with charge +3 (the last charge column, the "0" one, 33).
        Molecule molecule = SmilesReader.Parse("[U+3]");
        float[] row = TdcAtomFeatures.Featurize(molecule);
        Assert.Equal(1f, row[22]);
        Assert.Equal(1f, row[23]);
        Assert.Equal(1f, row[33]);
        Assert.Equal(4f, row.Sum());
    }

    /// <summary>A row as a 0/1 string with the clockwise and counter-clockwise tag columns (35, 36) merged.</summary>
    private static string RowKey(float[] row)
    {
        char[] text = row.Select(v => v == 0 ? '0' : '1').ToArray();
        if (text[36] == '1')
        {
            (text[35], text[36]) = ('1', '0');
        }

        return new string(text);
    }
}
