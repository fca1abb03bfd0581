using nietras.SeparatedValues;

namespace TopoPool.Cli.Tests.OwnData;

/// <summary>A CSV text read with Sep into a header and rows of fields, for checking what the command wrote.</summary>
public sealed record CsvText(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public static CsvText Parse(string text)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromText(text);
        var header = reader.Header.ColNames.ToList();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var row in reader)
        {
            var fields = new List<string>(header.Count);
            for (int i = 0; i < header.Count; i++) fields.Add(row[i].ToString());
            rows.Add(fields);
        }
        return new CsvText(header, rows);
    }

    public string Cell(int row, string column) => Rows[row][Column(column)];

    public int Column(string name)
    {
        int at = Header.ToList().IndexOf(name);
        return at >= 0 ? at : throw new KeyNotFoundException($"no column '{name}' in {string.Join(",", Header)}");
    }
}
