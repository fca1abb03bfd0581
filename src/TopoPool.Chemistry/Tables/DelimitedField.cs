using System.Text;

namespace TopoPool.Chemistry.Tables;

/// <summary>
/// Reads the raw text of one field, as the CSV library split it (quotes kept), by RFC 4180's rules: a field that
/// starts with a quote (after spaces) ends with the matching quote, and a quote inside it is written twice.
/// </summary>
internal static class DelimitedField
{
    /// <summary>
    /// The field's value and shape; for a malformed field, <paramref name="problemAt"/> is the index in
    /// <paramref name="raw"/> of the character at fault (the opening quote, or the first character after the closing one).
    /// </summary>
    public static FieldShape Read(ReadOnlySpan<char> raw, out string value, out int problemAt)
    {
        problemAt = -1;
        int firstQuote = raw.IndexOf('"');
        if (firstQuote < 0)
        {
            value = new string(raw);
            return FieldShape.Plain;
        }

        int start = 0;
        while (start < raw.Length && raw[start] == ' ')
        {
            start++;
        }

        if (start != firstQuote)
        {
            value = new string(raw);
            return FieldShape.StrayQuote;
        }

        int end = raw.Length;
        while (end > start + 1 && raw[end - 1] == ' ')
        {
            end--;
        }

        var text = new StringBuilder(end - start);
        for (int i = start + 1; i < end; i++)
        {
            char c = raw[i];
            if (c != '"')
            {
                text.Append(c);
                continue;
            }

            if (i + 1 < end && raw[i + 1] == '"')
            {
                text.Append('"');
                i++;
                continue;
            }

            value = text.ToString();
            if (i + 1 < end)
            {
                problemAt = i + 1;
                return FieldShape.TextAfterClosingQuote;
            }

            return FieldShape.Quoted;
        }

        value = new string(raw);
        problemAt = start;
        return FieldShape.Unclosed;
    }

    /// <summary>
    /// The index of the quote that is still open at the end of <paramref name="line"/> when every quote toggles the
    /// quoted state (as the CSV library reads), or -1 when none is open.
    /// </summary>
    public static int OpenQuoteIndex(ReadOnlySpan<char> line)
    {
        int openedAt = -1, closedAt = -2;
        bool open = false;
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] != '"')
            {
                continue;
            }

            open = !open;
            if (!open)
            {
                closedAt = i;
            }
            else if (closedAt != i - 1)
            {
                // A quote right after a closing one is a doubled quote inside the same field, not a new opening.
                openedAt = i;
            }
        }

        return open ? openedAt : -1;
    }
}
