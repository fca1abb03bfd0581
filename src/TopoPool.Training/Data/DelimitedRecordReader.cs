using System.Text;

namespace TopoPool.Training.Data;

/// <summary>
/// Reads comma- or tab-separated records with RFC 4180 quoting: a field in double quotes may hold the separator,
/// line breaks and doubled quotes (<c>""</c> for one). The separator is a tab when the header line holds one, else a
/// comma. Records are numbered by the file line they start on; blank lines are skipped.
/// </summary>
public sealed class DelimitedRecordReader : IDisposable
{
    private readonly StreamReader reader;
    private readonly StringBuilder field = new();
    private int lineNumber;

    private DelimitedRecordReader(string path, StreamReader reader)
    {
        Path = path;
        this.reader = reader;
    }

    public string Path { get; }

    public char Separator { get; private set; } = ',';

    /// <summary>The header's fields, trimmed; empty when the file is empty.</summary>
    public IReadOnlyList<string> Header { get; private set; } = [];

    /// <summary>Set when a quoted field was never closed: the line it started on. Nothing after it was read.</summary>
    public int? UnclosedQuoteLine { get; private set; }

    /// <summary>Opens <paramref name="path"/> and reads its header (the first non-blank line).</summary>
    public static DelimitedRecordReader Open(string path)
    {
        var stream = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var result = new DelimitedRecordReader(path, stream);
        try
        {
            result.ReadHeader();
        }
        catch
        {
            result.Dispose();
            throw;
        }

        return result;
    }

    /// <summary>The next record and the line it starts on; false at the end of the file (or at an unclosed quote).</summary>
    public bool TryRead(out List<string> fields, out int startLine)
    {
        fields = [];
        startLine = 0;
        string? line;
        do
        {
            line = reader.ReadLine();
            if (line is null)
            {
                return false;
            }

            lineNumber++;
        }
        while (string.IsNullOrWhiteSpace(line));

        startLine = lineNumber;
        if (!Split(line, fields))
        {
            UnclosedQuoteLine = startLine;
            fields.Clear();
            return false;
        }

        return true;
    }

    public void Dispose() => reader.Dispose();

    private void ReadHeader()
    {
        string? line;
        do
        {
            line = reader.ReadLine();
            if (line is null)
            {
                return;
            }

            lineNumber++;
        }
        while (string.IsNullOrWhiteSpace(line));

        Separator = line.Contains('\t') ? '\t' : ',';
        var fields = new List<string>();
        if (!Split(line, fields))
        {
            throw new DatasetFormatException(Path, lineNumber, "a quoted column name is never closed");
        }

        Header = fields.Select(f => f.Trim()).ToArray();
    }

    /// <summary>Splits one record starting with <paramref name="line"/>, reading on while a quoted field spans lines.
    /// False when the file ends inside a quoted field.</summary>
    private bool Split(string line, List<string> fields)
    {
        field.Clear();
        bool quoted = false;
        bool hadQuotes = false;
        int i = 0;
        while (true)
        {
            if (i == line.Length)
            {
                if (!quoted)
                {
                    fields.Add(field.ToString());
                    return true;
                }

                string? next = reader.ReadLine();
                if (next is null)
                {
                    return false;
                }

                lineNumber++;
                field.Append('\n');
                line = next;
                i = 0;
                continue;
            }

            char c = line[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < line.Length && line[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                        continue;
                    }

                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == Separator)
            {
                fields.Add(field.ToString());
                field.Clear();
                hadQuotes = false;
            }
            else if (c == '"' && !hadQuotes && IsBlank(field))
            {
                // A quote opens a quoted field only at the start of the field (spaces before it are dropped);
                // anywhere else it is part of the text.
                field.Clear();
                quoted = true;
                hadQuotes = true;
            }
            else
            {
                field.Append(c);
            }

            i++;
        }
    }

    private static bool IsBlank(StringBuilder text)
    {
        for (int k = 0; k < text.Length; k++)
        {
            if (text[k] != ' ')
            {
                return false;
            }
        }

        return true;
    }
}
