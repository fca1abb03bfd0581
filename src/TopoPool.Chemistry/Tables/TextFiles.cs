using System.Text;

namespace TopoPool.Chemistry.Tables;

/// <summary>Small looks at the start of a text file, bounded so that a huge file without line breaks costs little.</summary>
internal static class TextFiles
{
    private const int MaxLineLength = 1 << 20;

    /// <summary>The first line that is not blank (at most its first million characters), or null when there is none.</summary>
    public static string? FirstNonBlankLine(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var line = new StringBuilder();
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (c is '\r' or '\n')
            {
                if (!IsBlank(line))
                {
                    return line.ToString();
                }

                line.Clear();
            }
            else if (line.Length < MaxLineLength)
            {
                line.Append((char)c);
            }
        }

        return IsBlank(line) ? null : line.ToString();
    }

    private static bool IsBlank(StringBuilder text)
    {
        foreach (ReadOnlyMemory<char> chunk in text.GetChunks())
        {
            if (!chunk.Span.IsWhiteSpace())
            {
                return false;
            }
        }

        return true;
    }
}
