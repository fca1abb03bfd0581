namespace TopoPool.Training.Data;

/// <summary>
/// The graphs of a TU dataset that corrupted lines make untrustworthy, and one warning per corrupted line naming the
/// file, the line and the graphs skipped (consecutive lines with the same problem and graphs share one warning).
/// </summary>
internal sealed class TuDatasetDamage(int numGraphs)
{
    private readonly bool[] skipped = new bool[numGraphs];
    private readonly List<Entry> entries = [];

    public int SkippedCount { get; private set; }

    public bool IsSkipped(int graph) => skipped[graph];

    /// <summary>Records that <paramref name="line"/> of <paramref name="path"/> is corrupted (<paramref name="problem"/>)
    /// and skips the 0-based <paramref name="graphs"/> it touches.</summary>
    public void Report(string path, int? line, string problem, IEnumerable<int> graphs)
    {
        int[] touched = graphs.Where(g => g >= 0 && g < skipped.Length).Distinct().Order().ToArray();
        foreach (int g in touched)
        {
            if (!skipped[g])
            {
                skipped[g] = true;
                SkippedCount++;
            }
        }

        if (entries.Count > 0 && entries[^1] is var last && line is int l && last.Path == path && last.Problem == problem
            && last.LastLine == l - 1 && last.Graphs.SequenceEqual(touched))
        {
            entries[^1] = last with { LastLine = l };
            return;
        }

        entries.Add(new Entry(path, line, line, problem, touched));
    }

    public IEnumerable<string> Warnings => entries.Select(Describe);

    private static string Describe(Entry e)
    {
        string where = e.FirstLine is not int first ? Path.GetFileName(e.Path)
            : e.LastLine == first ? $"{Path.GetFileName(e.Path)} line {first}"
            : $"{Path.GetFileName(e.Path)} lines {first}-{e.LastLine}";
        string graphs = e.Graphs.Length switch
        {
            0 => "no graph is affected",
            1 => $"graph {e.Graphs[0] + 1} skipped",
            _ => $"graphs {string.Join(", ", e.Graphs.Select(g => g + 1))} skipped",
        };
        return $"{where}: {e.Problem}; {graphs}";
    }

    private sealed record Entry(string Path, int? FirstLine, int? LastLine, string Problem, int[] Graphs);
}
