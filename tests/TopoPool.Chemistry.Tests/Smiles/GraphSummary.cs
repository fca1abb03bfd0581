using System.Security.Cryptography;
using System.Text;

namespace TopoPool.Chemistry.Tests.Smiles;

/// <summary>
/// The atom-order-independent summary of golden/README.md: the sorted multiset of atom feature strings, the
/// sorted multiset of directed edges as "fi>fj", and the 3-round Weisfeiler–Lehman SHA-1 hash. Chiral tags 1 and
/// 2 can be merged first (features 35 and 36 become one), because RDKit canonicalises before featurizing.
/// </summary>
internal sealed record GraphSummary(IReadOnlyList<string> AtomMultiset, IReadOnlyList<string> EdgeMultiset, string WlHash)
{
    public static GraphSummary Of(IReadOnlyList<int[]> features, IReadOnlyList<(int From, int To)> directedEdges, bool mergeChiralTags)
    {
        var labels = new string[features.Count];
        for (int i = 0; i < features.Count; i++)
        {
            labels[i] = FeatureString(features[i], mergeChiralTags);
        }

        var atoms = labels.OrderBy(s => s, StringComparer.Ordinal).ToList();
        var edges = directedEdges.Select(e => labels[e.From] + ">" + labels[e.To]).OrderBy(s => s, StringComparer.Ordinal).ToList();
        var neighbours = new List<int>[features.Count];
        for (int i = 0; i < neighbours.Length; i++)
        {
            neighbours[i] = new List<int>();
        }

        foreach (var (from, to) in directedEdges)
        {
            neighbours[from].Add(to);
        }

        var rounds = new List<string>();
        string[] current = labels;
        rounds.Add(string.Join(",", current.OrderBy(s => s, StringComparer.Ordinal)));
        for (int r = 1; r <= 3; r++)
        {
            var next = new string[current.Length];
            for (int v = 0; v < current.Length; v++)
            {
                var around = neighbours[v].Select(u => current[u]).OrderBy(s => s, StringComparer.Ordinal);
                next[v] = Sha1Hex(current[v] + "(" + string.Join(",", around) + ")");
            }

            current = next;
            rounds.Add(string.Join(",", current.OrderBy(s => s, StringComparer.Ordinal)));
        }

        return new GraphSummary(atoms, edges, Sha1Hex(string.Join("|", rounds)));
    }

    public static GraphSummary Of(Molecule molecule, bool mergeChiralTags)
    {
        var features = new List<int[]>();
        foreach (var atom in molecule.Atoms)
        {
            features.Add(TdcAtomFeatureVector.Of(atom).Select(f => (int)f).ToArray());
        }

        var edges = new List<(int, int)>();
        foreach (var bond in molecule.Bonds)
        {
            edges.Add((bond.Begin, bond.End));
            edges.Add((bond.End, bond.Begin));
        }

        return Of(features, edges, mergeChiralTags);
    }

    /// <summary>The first difference from <paramref name="expected"/>, or null when both summaries agree.</summary>
    public string? DifferenceFrom(GraphSummary expected)
    {
        if (!AtomMultiset.SequenceEqual(expected.AtomMultiset))
        {
            var missing = expected.AtomMultiset.Except(AtomMultiset).Take(3);
            var extra = AtomMultiset.Except(expected.AtomMultiset).Take(3);
            return $"atoms differ ({AtomMultiset.Count} vs {expected.AtomMultiset.Count}); expected but missing: [{string.Join(" ", missing.Select(Describe))}]; unexpected: [{string.Join(" ", extra.Select(Describe))}]";
        }

        if (!EdgeMultiset.SequenceEqual(expected.EdgeMultiset))
        {
            return $"edges differ ({EdgeMultiset.Count} vs {expected.EdgeMultiset.Count})";
        }

        return WlHash == expected.WlHash ? null : "WL hash differs";
    }

    /// <summary>A feature string spelled out: element, degree, charge, chiral tag, aromatic.</summary>
    public static string Describe(string f)
    {
        string[] elements = ["C", "N", "O", "S", "F", "Si", "P", "Cl", "Br", "Mg", "Na", "Ca", "Fe", "Al", "I", "B", "K", "Se", "Zn", "H", "Cu", "Mn", "?"];
        string[] charges = ["-1", "-2", "+1", "+2", "0"];
        return $"{elements[f.IndexOf('1')]}/d{f.Substring(23, 6).IndexOf('1')}/q{charges[f.Substring(29, 5).IndexOf('1')]}/t{f.Substring(34, 4).IndexOf('1')}/{(f[38] == '1' ? "ar" : "al")}";
    }

    private static string FeatureString(int[] features, bool mergeChiralTags)
    {
        var chars = new char[features.Length];
        for (int i = 0; i < features.Length; i++)
        {
            chars[i] = features[i] != 0 ? '1' : '0';
        }

        if (mergeChiralTags && chars[36] == '1')
        {
            chars[36] = '0';
            chars[35] = '1';
        }

        return new string(chars);
    }

    private static string Sha1Hex(string text) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(text)));
}
