using System.Text;

namespace TopoPool.Chemistry.Proteins;

/// <summary>
/// Lines of a text, each cut to its first <see cref="MaximumLength"/> characters, so that a file without line ends
/// (a binary file, say) never becomes one enormous string. Lines end at "\n", "\r\n" or "\r", as for
/// <see cref="TextReader.ReadLine"/>.
/// </summary>
internal sealed class BoundedLineReader(TextReader reader)
{
    /// <summary>How much of each line is kept: PDB records have 80 columns.</summary>
    public const int MaximumLength = 256;

    private readonly char[] buffer = new char[8192];
    private readonly StringBuilder line = new();
    private int position;
    private int filled;

    /// <summary>The 1-based number of the line last read.</summary>
    public int LineNumber { get; private set; }

    /// <summary>The next line, cut to <see cref="MaximumLength"/> characters, or null at the end of the text.</summary>
    public string? ReadLine()
    {
        line.Clear();
        bool any = false;
        while (true)
        {
            if (position == filled)
            {
                filled = reader.Read(buffer, 0, buffer.Length);
                position = 0;
                if (filled == 0)
                {
                    if (!any)
                    {
                        return null;
                    }

                    LineNumber++;
                    return line.ToString();
                }
            }

            any = true;
            char c = buffer[position++];
            if (c == '\n' || c == '\r')
            {
                if (c == '\r')
                {
                    if (position == filled)
                    {
                        filled = reader.Read(buffer, 0, buffer.Length);
                        position = 0;
                    }

                    if (position < filled && buffer[position] == '\n')
                    {
                        position++;
                    }
                }

                LineNumber++;
                return line.ToString();
            }

            if (line.Length < MaximumLength)
            {
                line.Append(c);
            }
        }
    }
}
