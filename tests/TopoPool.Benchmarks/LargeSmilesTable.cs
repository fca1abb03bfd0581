using System.Text;
using TopoPool.Chemistry.Tables;
using TopoPool.Testing;

namespace TopoPool.Benchmarks;

/// <summary>
/// A large SMILES table for the table-reading measurements: the rows of the shared TDC tables (caco2_wang, ppbr_az,
/// ppbr_az_human: 5,314 rows of Drug_ID, Drug, Y, quoted ids with commas included) repeated to the size asked for,
/// optionally with one malformed row in every 1,000 (alternately an unterminated quote and a short row).
/// </summary>
public static class LargeSmilesTable
{
    /// <summary>Writes <paramref name="rows"/> data rows to a new file in the temporary folder and returns its path.</summary>
    public static string Write(int rows, bool damaged)
    {
        string[] source = ReadSharedRows();
        string path = Path.Combine(Path.GetTempPath(), $"topopool-large-{rows}{(damaged ? "-damaged" : "")}-{Environment.ProcessId}.csv");
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("Drug_ID,Drug,Y\n");
        for (int i = 0; i < rows; i++)
        {
            if (damaged && i % 1000 == 999)
            {
                writer.Write(i % 2000 == 999 ? $"{i},\"unterminated,3\n" : $"{i}\n");
                continue;
            }

            writer.Write(source[i % source.Length]);
            writer.Write('\n');
        }

        return path;
    }

    /// <summary>The data rows of the shared TDC tables as CSV text, each quoted where it needs it.</summary>
    private static string[] ReadSharedRows()
    {
        string folder = FindTdcFolder();
        var rows = new List<string>();
        foreach (string file in new[] { "caco2_wang.csv", "ppbr_az.csv", "ppbr_az_human.csv" })
        {
            using var table = DelimitedTable.Open(Path.Combine(folder, file));
            int id = table.ColumnIndex("Drug_ID"), drug = table.ColumnIndex("Drug"), y = table.ColumnIndex("Y");
            foreach (TableRecord record in table.Read().Where(r => r.IsValid))
            {
                rows.Add(string.Join(",", Quoted(record.Values[id]), Quoted(record.Values[drug]), Quoted(record.Values[y])));
            }
        }

        return [.. rows];
    }

    private static string Quoted(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    /// <summary>shared/data/tdc, or the folder TOPOPOOL_TDC_DIR names.</summary>
    private static string FindTdcFolder() => SharedFolder.VariableOrPath("TOPOPOOL_TDC_DIR", "data", "tdc");
}
