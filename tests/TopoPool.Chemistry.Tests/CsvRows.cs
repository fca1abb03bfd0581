using TopoPool.Chemistry.Tables;

namespace TopoPool.Chemistry.Tests;

/// <summary>The rows of a shared CSV file as name → value maps, read with <see cref="DelimitedTable"/>; a bad row fails the test.</summary>
internal static class CsvRows
{
    public static List<Dictionary<string, string>> Read(string path)
    {
        using var table = DelimitedTable.Open(path);
        var rows = new List<Dictionary<string, string>>();
        foreach (TableRecord record in table.Read())
        {
            if (!record.IsValid)
            {
                throw new InvalidDataException(record.Describe(path));
            }

            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int c = 0; c < table.Columns.Length; c++)
            {
                row.TryAdd(table.Columns[c], record.Values[c]);
            }

            rows.Add(row);
        }

        return rows;
    }
}
