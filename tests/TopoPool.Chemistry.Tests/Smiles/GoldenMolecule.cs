using System.Text.Json;
using TopoPool.Testing;

namespace TopoPool.Chemistry.Tests.Smiles;

/// <summary>One line of a golden/*.rdkit.jsonl file: RDKit's reading of one input molecule.</summary>
internal sealed record GoldenMolecule(
    int Line,
    string Smiles,
    string InputUsed,
    IReadOnlyList<int[]> Features,
    IReadOnlyList<(int From, int To)> Edges,
    GraphSummary Summary)
{
    public static IReadOnlyList<GoldenMolecule> Load(string fileName)
    {
        string path = SharedFolder.Path("golden", fileName);
        var result = new List<GoldenMolecule>();
        int line = 0;
        foreach (string text in File.ReadLines(path))
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            var features = root.GetProperty("features").EnumerateArray()
                .Select(row => row.EnumerateArray().Select(v => v.GetInt32()).ToArray())
                .ToList();
            var edges = root.GetProperty("edges").EnumerateArray()
                .Select(e => (e[0].GetInt32(), e[1].GetInt32()))
                .ToList();
            var summary = root.GetProperty("summary");
            var stored = new GraphSummary(
                summary.GetProperty("atom_multiset").EnumerateArray().Select(v => v.GetString()!).ToList(),
                summary.GetProperty("edge_multiset").EnumerateArray().Select(v => v.GetString()!).ToList(),
                summary.GetProperty("wl_hash").GetString()!);
            result.Add(new GoldenMolecule(
                line,
                root.GetProperty("smiles").GetString()!,
                root.GetProperty("input_used").GetString()!,
                features,
                edges,
                stored));
        }

        return result;
    }

    /// <summary>The summary recomputed from the positional features and edges.</summary>
    public GraphSummary Recompute(bool mergeChiralTags) => GraphSummary.Of(Features, Edges, mergeChiralTags);
}
