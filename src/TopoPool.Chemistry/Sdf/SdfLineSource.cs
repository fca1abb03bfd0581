namespace TopoPool.Chemistry.Sdf;

/// <summary>
/// The lines of an SDF, one record at a time. A record ends at a line starting with <c>$$$$</c> or at the end of
/// the input; <see cref="Next"/> then returns null until <see cref="BeginRecord"/> starts the next one, so a parser
/// that runs short of lines can never read into the following record. Blank lines after the last record are not a
/// record. Lines are numbered from 1 as in the file.
/// </summary>
internal sealed class SdfLineSource
{
    /// <summary>The record line from which an <c>M  END</c> line ends the connection table (after the header
    /// and the counts line).</summary>
    private const int FirstConnectionTableLine = 5;

    private readonly TextReader reader;
    private int physicalLine;
    private string? lookahead;
    private int lookaheadLine;
    private int pendingBlanks;
    private int pendingBlankLine;

    public SdfLineSource(TextReader reader)
    {
        this.reader = reader;
    }

    public enum RecordStart
    {
        /// <summary>No record is left (the input ended, possibly after blank lines).</summary>
        None,

        /// <summary>A record with lines to read.</summary>
        Lines,

        /// <summary>A record with nothing but blank lines before its <c>$$$$</c>.</summary>
        Empty,
    }

    /// <summary>The file line of the current record's first line.</summary>
    public int RecordFirstLine { get; private set; }

    /// <summary>The file line of the line last returned (or of the line that ended the record).</summary>
    public int CurrentLine { get; private set; }

    /// <summary>The current line's number within its record, from 1.</summary>
    public int RecordLine => CurrentLine - RecordFirstLine + 1;

    /// <summary>Whether the record has ended (its <c>$$$$</c> line was read, or the input ended).</summary>
    public bool RecordOver { get; private set; } = true;

    /// <summary>Whether a line starting with <c>M  END</c> has been returned in this record (from its fifth line
    /// on): the data items follow it.</summary>
    public bool PastConnectionTable { get; private set; }

    /// <summary>Moves to the next record, skipping the rest of the current one.</summary>
    public RecordStart BeginRecord()
    {
        SkipRecord();
        RecordOver = false;
        PastConnectionTable = false;
        int blanks = 0, firstBlank = 0;
        while (true)
        {
            string? line = reader.ReadLine();
            if (line is null)
            {
                RecordOver = true;
                return RecordStart.None;
            }

            physicalLine++;
            if (IsDelimiter(line))
            {
                RecordFirstLine = blanks > 0 ? firstBlank : physicalLine;
                CurrentLine = physicalLine;
                RecordOver = true;
                return RecordStart.Empty;
            }

            if (IsBlank(line))
            {
                if (blanks++ == 0)
                {
                    firstBlank = physicalLine;
                }

                continue;
            }

            // The record begins with the blank lines seen (an empty title) and then this line.
            pendingBlanks = blanks;
            pendingBlankLine = firstBlank;
            lookahead = line;
            lookaheadLine = physicalLine;
            RecordFirstLine = blanks > 0 ? firstBlank : physicalLine;
            CurrentLine = RecordFirstLine - 1;
            return RecordStart.Lines;
        }
    }

    /// <summary>The record's next line, or null when the record is over.</summary>
    public string? Next()
    {
        if (RecordOver)
        {
            return null;
        }

        string? line;
        if (pendingBlanks > 0)
        {
            pendingBlanks--;
            line = string.Empty;
            CurrentLine = pendingBlankLine++;
        }
        else if (lookahead is not null)
        {
            line = lookahead;
            lookahead = null;
            CurrentLine = lookaheadLine;
        }
        else
        {
            line = reader.ReadLine();
            if (line is null)
            {
                RecordOver = true;
                return null;
            }

            CurrentLine = ++physicalLine;
        }

        if (IsDelimiter(line))
        {
            RecordOver = true;
            return null;
        }

        if (!PastConnectionTable && RecordLine >= FirstConnectionTableLine && line.StartsWith("M  END", StringComparison.Ordinal))
        {
            PastConnectionTable = true;
        }

        return line;
    }

    /// <summary>Reads the record's remaining lines up to and including its <c>M  END</c> line.</summary>
    public void SkipConnectionTable()
    {
        while (!PastConnectionTable && Next() is not null)
        {
        }
    }

    private void SkipRecord()
    {
        while (Next() is not null)
        {
        }
    }

    public static bool IsBlank(string line) => string.IsNullOrWhiteSpace(line);

    private static bool IsDelimiter(string line) => line.StartsWith("$$$$", StringComparison.Ordinal);
}
