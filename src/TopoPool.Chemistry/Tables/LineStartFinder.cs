namespace TopoPool.Chemistry.Tables;

/// <summary>
/// Finds the byte offset where a physical line of a file starts, moving only forward, so that finding every resume
/// point of a file costs one pass over it whatever the number of bad rows. A line ends at <c>\n</c>, <c>\r\n</c> or a
/// lone <c>\r</c>, as the CSV library counts lines. Works on bytes: in UTF-8 (and any ASCII-compatible encoding) the
/// bytes of <c>\r</c> and <c>\n</c> never occur inside another character.
/// </summary>
internal sealed class LineStartFinder : IDisposable
{
    private readonly FileStream stream;
    private readonly byte[] buffer = new byte[1 << 16];
    private int length;
    private int position;
    private long bufferStart;
    private int line = 1;
    private bool afterCarriageReturn;

    public LineStartFinder(string path)
    {
        stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
    }

    /// <summary>The byte offset of the start of line <paramref name="target"/> (1-based), or null when the file has
    /// fewer lines. Targets must not decrease from one call to the next.</summary>
    public long? OffsetOfLine(int target)
    {
        if (target < line)
        {
            throw new InvalidOperationException($"line {target} is behind line {line}; this finder only moves forward");
        }

        while (line < target || afterCarriageReturn)
        {
            if (position == length && !Fill())
            {
                afterCarriageReturn = false;
                return line == target ? bufferStart + position : null;
            }

            if (!afterCarriageReturn)
            {
                // Jump to the next line break (vectorised search).
                int next = buffer.AsSpan(position, length - position).IndexOfAny((byte)'\r', (byte)'\n');
                if (next < 0)
                {
                    position = length;
                    continue;
                }

                position += next;
            }

            byte b = buffer[position];
            if (afterCarriageReturn)
            {
                // "\r\n" is one line break: the line after it starts past the '\n'.
                afterCarriageReturn = false;
                if (b == (byte)'\n')
                {
                    position++;
                }

                continue;
            }

            position++;
            if (b == (byte)'\n')
            {
                line++;
            }
            else if (b == (byte)'\r')
            {
                line++;
                afterCarriageReturn = true;
            }
        }

        return bufferStart + position;
    }

    public void Dispose() => stream.Dispose();

    private bool Fill()
    {
        bufferStart += length;
        position = 0;
        length = stream.Read(buffer, 0, buffer.Length);
        return length > 0;
    }
}
