using System.Text;

namespace TopoPool.Training.Explanations;

/// <summary>
/// Which substructures most often form the highest-weighted cluster across a set of molecules, as element patterns:
/// the cluster's atoms counted by element, aromatic atoms in lower case (<c>c6</c> is a benzene ring,
/// <c>C1O2</c> a carboxyl carbon with its oxygens), most frequent first — what the model relies on.
/// </summary>
public static class StrongestClusterSummary
{
    public sealed record PatternCount(string Pattern, int Count, double Share, string Example);

    public static IReadOnlyList<PatternCount> Summarize(IReadOnlyList<StructureExplanation> explanations, int top = 15)
    {
        var counts = new Dictionary<string, (int Count, string Example)>();
        int total = 0;
        foreach (var e in explanations)
        {
            if (e.Clusters.Strongest is not { } strongest) continue;
            total++;
            var pattern = Pattern(strongest.Members.Select(m => e.Molecule?.Atoms[m] is { } atom ? (atom.IsAromatic ? atom.Symbol.ToLowerInvariant() : atom.Symbol) : e.NodeLabels[m]));
            counts[pattern] = counts.TryGetValue(pattern, out var c) ? (c.Count + 1, c.Example) : (1, e.Input);
        }
        return counts.OrderByDescending(kv => kv.Value.Count).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(top)
            .Select(kv => new PatternCount(kv.Key, kv.Value.Count, total == 0 ? 0 : (double)kv.Value.Count / total, kv.Value.Example)).ToList();
    }

    /// <summary>Element counts in Hill order (C, then H, then alphabetical), aromatic (lower-case) after aliphatic.</summary>
    public static string Pattern(IEnumerable<string> symbols)
    {
        var counts = symbols.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        static int Rank(string s) => s.ToUpperInvariant() switch { "C" => 0, "H" => 1, _ => 2 };
        var text = new StringBuilder();
        foreach (var (symbol, count) in counts.OrderBy(kv => char.IsLower(kv.Key[0]) ? 1 : 0).ThenBy(kv => Rank(kv.Key)).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value)))
            text.Append(symbol).Append(count);
        return text.ToString();
    }

    public static string ToMarkdown(IReadOnlyList<PatternCount> patterns)
    {
        var text = new StringBuilder("| highest-weighted cluster (elements; aromatic in lower case) | molecules | share | example |\n| --- | --- | --- | --- |\n");
        foreach (var p in patterns) text.AppendLine($"| {p.Pattern} | {p.Count} | {p.Share:P1} | `{p.Example}` |");
        return text.ToString();
    }
}
