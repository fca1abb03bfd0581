using System.Text;

namespace TopoPool.Training.Data;

/// <summary>
/// Reads a text file line by line with 1-based line numbers. Blank lines at the end of the file are ignored; a blank
/// line followed by more text is an error, because in the TU format a line's position is its meaning.
/// </summary>
internal sealed class NumberedLineReader : IDisposable
{
    private readonly StreamReader reader;
    private int lastNumber;

    public NumberedLineReader(string path)
    {
        Path = path;
        reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
    }

    public string Path { get; }

    /// <summary>The next non-blank line and its number, or false at the end of the file.</summary>
    public bool TryRead(out string line, out int lineNumber)
    {
        string? next = reader.ReadLine();
        lastNumber++;
        if (next is null)
        {
            line = string.Empty;
            lineNumber = 0;
            return false;
        }

        if (!string.IsNullOrWhiteSpace(next))
        {
            line = next;
            lineNumber = lastNumber;
            return true;
        }

        int blankNumber = lastNumber;
        while ((next = reader.ReadLine()) is not null)
        {
            lastNumber++;
            if (!string.IsNullOrWhiteSpace(next))
            {
                throw new DatasetFormatException(Path, blankNumber, "the line is empty (every line must hold a value; only trailing empty lines are allowed)");
            }
        }

        line = string.Empty;
        lineNumber = 0;
        return false;
    }

    public void Dispose() => reader.Dispose();
}
