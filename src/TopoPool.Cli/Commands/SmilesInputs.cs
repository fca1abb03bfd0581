using TopoPool.Training.Data;

namespace TopoPool.Cli.Commands;

/// <summary>
/// SMILES from a file, with their line numbers: a CSV/TSV with a <c>Drug</c> or <c>smiles</c> column, or plain text
/// with one SMILES per line (the first whitespace-separated token; blank lines skipped; a first line
/// <c>smiles</c>, <c>SMILES</c> or <c>Drug</c> is a header).
/// </summary>
public static class SmilesInputs
{
    private static readonly string[] Columns = ["Drug", "smiles", "SMILES", "Smiles"];

    public static IEnumerable<(string Smiles, int? Line)> Read(FileInfo file)
    {
        if (!file.Exists) throw new InputException($"{file.FullName}: no such file");
        var first = File.ReadLines(file.FullName).FirstOrDefault() ?? "";
        var header = first.Split(first.Contains('\t') ? '\t' : ',').Select(h => h.Trim().Trim('"')).ToArray();
        int column = Array.FindIndex(header, h => Columns.Contains(h));
        return header.Length > 1 && column >= 0 ? FromTable(file.FullName, header[column]) : FromLines(file.FullName);
    }

    private static IEnumerable<(string, int?)> FromTable(string path, string columnName)
    {
        using var reader = DelimitedRecordReader.Open(path);
        int column = reader.Header.ToList().IndexOf(columnName);
        while (reader.TryRead(out var fields, out int line))
        {
            if (fields.Count <= column)
                throw new InputException($"{Path.GetFileName(path)} line {line}: {fields.Count} fields, no {columnName} column");
            yield return (fields[column].Trim(), line);
        }
    }

    private static IEnumerable<(string, int?)> FromLines(string path)
    {
        int line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            var token = text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            if (token is null) continue;
            if (line == 1 && token is "smiles" or "SMILES" or "Drug") continue;
            yield return (token, line);
        }
    }
}
