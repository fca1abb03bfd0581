using nietras.SeparatedValues;
using TopoPool.Chemistry.Tables;

namespace TopoPool.Training.Experiments;

/// <summary>
/// A results CSV of <see cref="BenchmarkRow"/>s (<c>&lt;dataset&gt;_results.csv</c>, or
/// <c>&lt;dataset&gt;_results.shard-K-of-N.csv</c> for one task of a sharded grid), read with <see cref="DelimitedTable"/>
/// and written with Sep.
/// Reading never fails on a damaged row: a malformed row, a truncated last row (a run killed while writing) or a
/// missing header is named in the warnings and the other rows are kept. Appending first repairs the file (a header
/// where it lacks one, a truncated last row removed) so that a damaged file never blocks a restart.
/// </summary>
public static class ResultsFile
{
    public const string Suffix = "_results";

    /// <summary>The file of <paramref name="dataset"/>'s rows in <paramref name="folder"/>, for one shard or all.</summary>
    public static string PathFor(string folder, string dataset, Shard? shard) =>
        Path.Combine(folder, $"{dataset.ToLowerInvariant()}{Suffix}{(shard is { } s ? $".shard-{s.Index}-of-{s.Count}" : "")}.csv");

    /// <summary>Every results file in <paramref name="folder"/> (all datasets, all shards), in name order.</summary>
    public static IReadOnlyList<string> AllIn(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, $"*{Suffix}*.csv").Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>The rows of one file, in file order; problems go to <paramref name="warnings"/> with file and line.</summary>
    public static List<BenchmarkRow> Read(string path, List<string> warnings)
    {
        var rows = new List<BenchmarkRow>();
        if (!File.Exists(path) || new FileInfo(path).Length == 0) return rows;
        string name = Path.GetFileName(path);
        bool hasHeader;
        using (var first = new StreamReader(path)) hasHeader = HasHeader(first.ReadLine() ?? "");
        using var stream = hasHeader ? (Stream)File.OpenRead(path) : WithHeader(path);
        if (!hasHeader) warnings.Add($"{name} line 1: no header; the rows are read in the columns this program writes");
        using var table = DelimitedTable.Open(stream, name, new DelimitedTableOptions { Separator = ',', RequireFinalLineBreak = true });
        var header = table.Columns;
        foreach (var record in table.Read())
        {
            int line = record.Line - (hasHeader ? 0 : 1);
            if (!record.IsValid)
            {
                warnings.Add($"{name} line {line}: {record.Error}; not counted");
                continue;
            }
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int c = 0; c < header.Length; c++) fields[header[c]] = record.Values[c];
            var parsed = BenchmarkRow.Parse(c => fields.TryGetValue(c, out var v) ? v : null, out var problem);
            if (parsed is null) warnings.Add($"{name} line {line}: {problem}; not counted");
            else rows.Add(parsed);
        }
        return rows;
    }

    private static MemoryStream WithHeader(string path) =>
        new(System.Text.Encoding.UTF8.GetBytes(string.Join(',', BenchmarkRow.Columns) + "\n" + File.ReadAllText(path)));

    /// <summary>Appends a row (flushed to disk), writing the header into a new file and repairing a damaged one first.</summary>
    public static void Append(string path, BenchmarkRow row, List<string> warnings)
    {
        Repair(path, warnings);
        bool fresh = !File.Exists(path) || new FileInfo(path).Length == 0;
        using (var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read))
        using (var writer = new StreamWriter(stream))
        {
            using (var csv = Sep.New(',').Writer(o => o with { WriteHeader = fresh, Escape = true }).To(writer, leaveOpen: true))
            using (var line = csv.NewRow())
            {
                foreach (var column in BenchmarkRow.Columns) line[column].Set(row.Field(column));
            }
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>Gives a file a header when it has none and drops an incomplete last row, keeping every complete row.</summary>
    private static void Repair(string path, List<string> warnings)
    {
        if (!File.Exists(path)) return;
        string text = File.ReadAllText(path);
        if (text.Length == 0) return;
        string repaired = text;
        if (!text.EndsWith('\n'))
        {
            int lastBreak = text.LastIndexOf('\n');
            repaired = lastBreak < 0 ? "" : text[..(lastBreak + 1)];
            warnings.Add($"{Path.GetFileName(path)}: removed an incomplete last row before appending");
        }
        if (repaired.Length > 0 && !HasHeader(repaired[..repaired.IndexOf('\n')]))
        {
            repaired = string.Join(',', BenchmarkRow.Columns) + "\n" + repaired;
            warnings.Add($"{Path.GetFileName(path)}: added the missing header before appending");
        }
        if (!ReferenceEquals(repaired, text)) RunFolder.WriteAtomically(path, repaired);
    }

    private static bool HasHeader(string firstLine)
    {
        var names = firstLine.TrimEnd('\r').Split(',');
        return names.Contains("seed") && names.Contains("value") && names.Contains("dataset");
    }
}
