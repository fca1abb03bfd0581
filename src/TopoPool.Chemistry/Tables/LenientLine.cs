using System.Text;

namespace TopoPool.Chemistry.Tables;

/// <summary>
/// Splits one physical line the way a person reads it, for a row the CSV library could not make sense of: a quote opens
/// a quoted field only at the start of a field (after spaces) and must close on the same line, followed only by spaces
/// before the separator; a quote anywhere else is text (<c>5" disk</c>). The library instead lets such a quote open a
/// quoted run that swallows the lines after it.
/// </summary>
internal static class LenientLine
{
    /// <summary>The fields of <paramref name="line"/>, or false when a quoted field is not closed on it or has text
    /// after its closing quote.</summary>
    public static bool TrySplit(ReadOnlySpan<char> line, char separator, out string[] fields)
    {
        var result = new List<string>();
        var field = new StringBuilder();
        int i = 0;
        while (true)
        {
            int start = i;
            while (i < line.Length && line[i] == ' ')
            {
                i++;
            }

            if (i < line.Length && line[i] == '"')
            {
                field.Clear();
                i++;
                bool closed = false;
                while (i < line.Length)
                {
                    if (line[i] != '"')
                    {
                        field.Append(line[i++]);
                    }
                    else if (i + 1 < line.Length && line[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                    }
                    else
                    {
                        i++;
                        closed = true;
                        break;
                    }
                }

                while (closed && i < line.Length && line[i] == ' ')
                {
                    i++;
                }

                if (!closed || (i < line.Length && line[i] != separator))
                {
                    fields = [];
                    return false;
                }

                result.Add(field.ToString());
            }
            else
            {
                int end = line[start..].IndexOf(separator);
                i = end < 0 ? line.Length : start + end;
                result.Add(line[start..i].ToString());
            }

            if (i >= line.Length)
            {
                fields = [.. result];
                return true;
            }

            i++; // past the separator
        }
    }
}
