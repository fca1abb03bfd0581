using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using nietras.SeparatedValues;

namespace TopoPool.Chemistry.Tables;

/// <summary>
/// A CSV or TSV file with a header, read row by row with constant memory, where a bad row costs only itself: it is
/// yielded as a <see cref="TableRecord"/> with an <see cref="TableRecord.Error"/> and every other row is read and kept,
/// in order. Every table the project reads goes through this class (TDC datasets, molecule tables, test data).
/// </summary>
/// <remarks>
/// <para>Splitting is done by the Sep library (chosen over Sylvan.Data.Csv by measurement: about twice the rows per
/// second, and it gives each row's physical lines, which recovery needs). On top of it:</para>
/// <list type="bullet">
/// <item>The header is the first non-blank row; its names are trimmed of spaces. The separator is
/// <see cref="DelimitedTableOptions.Separator"/>, else a tab for <c>.tsv</c>/<c>.tab</c> files or when the header line
/// holds a tab, else a comma. Text is UTF-8; a byte order mark is skipped. Blank (or all-whitespace) lines are skipped
/// and are not records.</item>
/// <item>Quoting follows RFC 4180: a field that starts with a quote (spaces around it are dropped) ends at the matching
/// quote and may hold separators, line breaks and doubled quotes (<c>""</c> for one). Unquoted text is kept exactly as
/// written, spaces included; a quote inside unquoted text is text (<c>5" disk</c>): the CSV library would let it open a
/// quoted run over the lines that follow, so such a row is read again from its own line.</item>
/// <item>Malformed rows, reported and skipped (the record keeps its number, its values are empty strings): a row whose
/// field count differs from the header's; a quoted field with text after its closing quote or no closing quote; and a
/// row that spans several lines and is not a well-formed row with the header's field count. The last case is what a
/// quote left open looks like (<c>5,"unterminated,3</c>): the CSV library, like RFC 4180, lets it swallow the lines that
/// follow, so reading resumes at the line after the one the bad row started on and those lines are read as rows of
/// their own. A row the library refuses (one longer than <see cref="MaxRowLength"/> characters) is handled the same way.
/// So is a row spanning lines, in a table of two or more columns, that holds a whole line which would be a complete,
/// well-formed row by itself: a quote left open by damage (and closed by another) is far likelier than a quoted value
/// holding a whole row, and this way the rows it swallowed are kept.</item>
/// <item>With <see cref="DelimitedTableOptions.RequireFinalLineBreak"/>, a last row without a line break after it is
/// reported as cut short (for files this program wrote, which always end with one).</item>
/// </list>
/// <para>Records are numbered from 1 after the header, malformed ones included, so that one output row per input
/// record can be written. Standard input (<see cref="Open(Stream, string, DelimitedTableOptions?)"/>) is first copied
/// to a temporary file, deleted on dispose, so that reading can resume after a bad row.</para>
/// </remarks>
/// <example><code>
/// using var table = DelimitedTable.Open("caco2_wang.csv");
/// int drug = table.ColumnIndex("Drug");
/// foreach (TableRecord record in table.Read())
/// {
///     if (record.IsValid) Console.WriteLine(record.Values[drug]);
///     else Console.Error.WriteLine(record.Describe(table.Source));   // caco2_wang.csv line 5: a quote opened at column 3 is never closed
/// }
/// </code></example>
public sealed class DelimitedTable : IDisposable
{
    /// <summary>The longest row, in characters, that the CSV library reads; a longer one is a malformed row.</summary>
    public const int MaxRowLength = 16 * 1024 * 1024;

    private const int MaxDiagnosedLineLength = 1 << 20;

    // With its BOM as preamble, a StreamReader skips a BOM at the start of the file and decodes nothing else differently.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: false);

    private readonly string path;
    private readonly TemporaryFile? spool;
    private readonly LineStartFinder lineStarts;
    private readonly bool requireFinalLineBreak;
    private readonly bool endsWithLineBreak;
    private readonly ImmutableArray<string> emptyValues;
    private SepReader? reader;
    private int lineBase;
    private int nextLine = 1;
    private int recordCount;
    private bool enumerated;

    private DelimitedTable(string path, string source, TemporaryFile? spool, DelimitedTableOptions options)
    {
        this.path = path;
        this.spool = spool;
        Source = source;
        requireFinalLineBreak = options.RequireFinalLineBreak;
        Separator = options.Separator ?? ChooseSeparator(path, source);
        lineStarts = new LineStartFinder(path);
        try
        {
            endsWithLineBreak = EndsWithLineBreak(path);
            OpenReaderAt(1, 0);
            (HeaderLine, Columns) = ReadHeader();
        }
        catch
        {
            reader?.Dispose();
            lineStarts.Dispose();
            throw;
        }

        emptyValues = Enumerable.Repeat(string.Empty, Columns.Length).ToImmutableArray();
    }

    /// <summary>The input's name for messages: the file name, or the name given for a stream.</summary>
    public string Source { get; }

    /// <summary>The field separator in use.</summary>
    public char Separator { get; }

    /// <summary>The header's column names, trimmed; empty when the file has no non-blank line.</summary>
    public ImmutableArray<string> Columns { get; }

    /// <summary>The line of the header (1 unless blank lines come first), or 0 when there is none.</summary>
    public int HeaderLine { get; }

    /// <summary>True when the file has no header (it is empty or blank).</summary>
    public bool IsEmpty => Columns.IsEmpty;

    /// <summary>Opens the table at <paramref name="path"/> and reads its header.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="TableHeaderException">The header cannot be read (a quote in it is never closed).</exception>
    public static DelimitedTable Open(string path, DelimitedTableOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(Directory.Exists(path) ? $"{path}: is a folder, not a file" : $"{path}: no such file", path);
        }

        return new DelimitedTable(path, Path.GetFileName(path), null, options ?? DelimitedTableOptions.Default);
    }

    /// <summary>
    /// Reads a table from a stream (standard input), copied first to a temporary file; <paramref name="source"/> names
    /// it in messages, and its extension (<c>.tsv</c>) may choose the separator.
    /// </summary>
    public static DelimitedTable Open(Stream input, string source, DelimitedTableOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(source);
        TemporaryFile copy = TemporaryFile.CopyOf(input);
        try
        {
            return new DelimitedTable(copy.Path, source, copy, options ?? DelimitedTableOptions.Default);
        }
        catch
        {
            copy.Dispose();
            throw;
        }
    }

    /// <summary>Reads the file at <paramref name="path"/> under another name (a copy of standard input); the file is
    /// not deleted on dispose.</summary>
    internal static DelimitedTable OpenNamed(string path, string source, DelimitedTableOptions? options = null) =>
        new(path, source, null, options ?? DelimitedTableOptions.Default);

    /// <summary>The index of the column named <paramref name="name"/> (ignoring case; the first of equal names), or -1.</summary>
    public int ColumnIndex(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (int i = 0; i < Columns.Length; i++)
        {
            if (string.Equals(Columns[i], name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The records after the header, lazily and in order; enumerate once.</summary>
    public IEnumerable<TableRecord> Read()
    {
        if (enumerated)
        {
            throw new InvalidOperationException($"the records of {Source} are read once");
        }

        enumerated = true;
        return requireFinalLineBreak ? RecordsCheckingTheLast() : Records();
    }

    public void Dispose()
    {
        reader?.Dispose();
        reader = null;
        lineStarts.Dispose();
        spool?.Dispose();
    }

    private (int Line, ImmutableArray<string> Columns) ReadHeader()
    {
        ParsedRow header = ReadRow(expectedFields: -1);
        if (header.IsEnd)
        {
            return (0, ImmutableArray<string>.Empty);
        }

        if (header.Problem is not null)
        {
            throw new TableHeaderException(Source, header.Line, header.Problem);
        }

        return (header.Line, header.Fields!.Select(name => name.Trim()).ToImmutableArray());
    }

    private IEnumerable<TableRecord> Records()
    {
        while (NextRecord() is { } record)
        {
            yield return record;
        }
    }

    private IEnumerable<TableRecord> RecordsCheckingTheLast()
    {
        TableRecord? pending = null;
        while (NextRecord() is { } record)
        {
            if (pending is not null)
            {
                yield return pending;
            }

            pending = record;
        }

        if (pending is null)
        {
            yield break;
        }

        yield return pending.IsValid && !endsWithLineBreak
            ? pending with { Values = emptyValues, Error = "the last row has no line break after it: the file was cut short" }
            : pending;
    }

    private TableRecord? NextRecord()
    {
        if (IsEmpty)
        {
            return null;
        }

        ParsedRow row = ReadRow(Columns.Length);
        if (row.IsEnd)
        {
            return null;
        }

        recordCount++;
        return row.Problem is null
            ? new TableRecord(recordCount, row.Line, ImmutableCollectionsMarshal.AsImmutableArray(row.Fields), null)
            : new TableRecord(recordCount, row.Line, emptyValues, row.Problem);
    }

    /// <summary>The next non-blank row: its fields, or what is wrong with it (then reading has moved past it).</summary>
    private ParsedRow ReadRow(int expectedFields)
    {
        while (true)
        {
            int start = nextLine;
            bool any;
            try
            {
                any = reader!.MoveNext();
            }
            catch (Exception e) when (e is NotSupportedException or InvalidDataException)
            {
                // The library gave up on the row starting here (it outgrew the longest row it reads).
                string firstLine = FirstLineOfRow(start);
                OpenReaderAt(start + 1);
                return LenientRow(start, firstLine, expectedFields)
                    ?? new ParsedRow(start, null, DelimitedField.OpenQuoteIndex(firstLine) is int open and >= 0
                        ? $"a quote opened at column {open + 1} is never closed"
                        : $"the row is longer than {MaxRowLength:N0} characters");
            }

            if (!any)
            {
                return ParsedRow.End;
            }

            SepReader.Row row = reader.Current;
            int end = lineBase + row.LineNumberToExcl;
            nextLine = end;
            ReadOnlySpan<char> text = row.Span;
            if (row.ColCount == 1 && text.IsWhiteSpace())
            {
                continue;
            }

            bool multiLine = end - start > 1;
            var fields = new string[row.ColCount];
            string? fieldProblem = null;
            bool strayQuote = false;
            for (int i = 0; i < fields.Length; i++)
            {
                ReadOnlySpan<char> raw = row[i].Span;
                FieldShape shape = DelimitedField.Read(raw, out fields[i], out int at);
                if (shape == FieldShape.StrayQuote)
                {
                    strayQuote = true;
                }
                else if (fieldProblem is null && shape is FieldShape.TextAfterClosingQuote or FieldShape.Unclosed)
                {
                    text.Overlaps(raw, out int fieldOffset);
                    fieldProblem = shape == FieldShape.Unclosed
                        ? $"a quote opened at column {fieldOffset + at + 1} is never closed"
                        : $"field {i + 1} has text after its closing quote (column {fieldOffset + at + 1})";
                }
            }

            bool countIsWrong = expectedFields >= 0 && fields.Length != expectedFields;
            if (!multiLine)
            {
                string? problem = fieldProblem ?? (countIsWrong ? $"expected {expectedFields} fields as in the header, found {fields.Length}" : null);
                return problem is null
                    ? new ParsedRow(start, fields, null)
                    : (text.Contains('"') ? LenientRow(start, text, expectedFields) : null) ?? new ParsedRow(start, null, problem);
            }

            int swallowed = -1;
            if (fieldProblem is null && !strayQuote && !countIsWrong)
            {
                swallowed = expectedFields >= 2 ? SwallowedRowLine(text, expectedFields) : -1;
                if (swallowed < 0)
                {
                    return new ParsedRow(start, fields, null);
                }
            }

            string multiLineProblem = swallowed >= 0
                ? $"{OpenQuote(text)} is not closed on its line (the row would run on to line {end - 1} and swallow line {start + swallowed}, a complete row)"
                : DescribeMultiLineRow(text, end - 1, fields.Length, countIsWrong ? expectedFields : -1);
            int firstLineEnd = text.IndexOfAny('\r', '\n');
            ParsedRow? lenient = LenientRow(start, firstLineEnd < 0 ? text : text[..firstLineEnd], expectedFields);
            OpenReaderAt(start + 1);
            return lenient ?? new ParsedRow(start, null, multiLineProblem);
        }
    }

    /// <summary><c>a quote opened at column C</c>: the quote that the first line of a row spanning lines leaves open.</summary>
    private static string OpenQuote(ReadOnlySpan<char> text)
    {
        int lineEnd = text.IndexOfAny('\r', '\n');
        int open = DelimitedField.OpenQuoteIndex(lineEnd < 0 ? text : text[..lineEnd]);
        return open >= 0 ? $"a quote opened at column {open + 1}" : "a quote";
    }

    /// <summary>
    /// The index (0 for the row's first line) of a line that a row spanning lines holds whole and that would be a
    /// complete, well-formed row of <paramref name="expectedFields"/> fields by itself, or -1. A quote left open by damage
    /// is far likelier than a quoted value holding a whole row, so such a row is taken as malformed.
    /// </summary>
    private int SwallowedRowLine(ReadOnlySpan<char> text, int expectedFields)
    {
        int index = 0;
        bool first = true;
        while (true)
        {
            int lineEnd = text.IndexOfAny('\r', '\n');
            if (lineEnd < 0)
            {
                return -1; // the last line holds the end of the row, not a whole row
            }

            if (!first && IsCompleteRow(text[..lineEnd], expectedFields))
            {
                return index;
            }

            first = false;
            index++;
            int next = lineEnd + 1;
            if (text[lineEnd] == '\r' && next < text.Length && text[next] == '\n')
            {
                next++;
            }

            text = text[next..];
        }
    }

    private bool IsCompleteRow(ReadOnlySpan<char> line, int expectedFields)
    {
        if (line.IsWhiteSpace())
        {
            return false;
        }

        int fields = 0, fieldStart = 0;
        bool quoted = false;
        for (int i = 0; i <= line.Length; i++)
        {
            if (i < line.Length && line[i] == '"')
            {
                quoted = !quoted;
            }
            else if (i == line.Length || (!quoted && line[i] == Separator))
            {
                if (quoted)
                {
                    return false;
                }

                if (++fields > expectedFields
                    || DelimitedField.Read(line[fieldStart..i], out _, out _) is not (FieldShape.Plain or FieldShape.Quoted))
                {
                    return false;
                }

                fieldStart = i + 1;
            }
        }

        return fields == expectedFields;
    }

    private static string DescribeMultiLineRow(ReadOnlySpan<char> text, int lastLine, int fieldCount, int expectedFields)
    {
        string quote = OpenQuote(text);
        if (text.Count('"') % 2 == 1)
        {
            return $"{quote} is never closed";
        }

        string fields = expectedFields >= 0 ? $" with {fieldCount} fields, the header has {expectedFields}" : "";
        return $"{quote} is not closed on its line (the row would run on to line {lastLine}{fields})";
    }

    /// <summary>
    /// The row read from its first line alone, the way a person reads it (<see cref="LenientLine"/>): for a row the
    /// library ran on past its line because of a quote inside text (<c>5" disk</c>). Null unless that gives a
    /// well-formed row with the expected number of fields.
    /// </summary>
    private ParsedRow? LenientRow(int line, ReadOnlySpan<char> firstLine, int expectedFields) =>
        LenientLine.TrySplit(firstLine, Separator, out string[] fields) && (expectedFields < 0 || fields.Length == expectedFields)
            ? new ParsedRow(line, fields, null)
            : null;

    /// <summary>The text of <paramref name="line"/> (at most its first million characters), for a row the library refused.</summary>
    private string FirstLineOfRow(int line)
    {
        if (lineStarts.OffsetOfLine(line) is not long at)
        {
            return string.Empty;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        stream.Position = at;
        using var text = new StreamReader(stream, Utf8, detectEncodingFromByteOrderMarks: false);
        var first = new StringBuilder();
        int c;
        while (first.Length < MaxDiagnosedLineLength && (c = text.Read()) >= 0 && c is not '\r' and not '\n')
        {
            first.Append((char)c);
        }

        return first.ToString();
    }

    /// <summary>Reads on from the start of <paramref name="line"/>: a fresh library reader over the rest of the file.</summary>
    private void OpenReaderAt(int line, long? knownOffset = null)
    {
        reader?.Dispose();
        reader = null;
        long? offset = knownOffset ?? lineStarts.OffsetOfLine(line);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        try
        {
            stream.Position = offset ?? stream.Length;
            var text = new StreamReader(stream, Utf8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
            reader = Sep.Reader(o => o with { Sep = new Sep(Separator), HasHeader = false, DisableColCountCheck = true }).From(text);
        }
        catch
        {
            stream.Dispose();
            throw;
        }

        lineBase = line - 1;
        nextLine = line;
    }

    private static char ChooseSeparator(string path, string source)
    {
        string extension = Path.GetExtension(source).ToLowerInvariant();
        if (extension is ".tsv" or ".tab")
        {
            return '\t';
        }

        return TextFiles.FirstNonBlankLine(path)?.Contains('\t') == true ? '\t' : ',';
    }

    /// <summary>True when the last character other than spaces and tabs is a line break (or the file is empty).</summary>
    private static bool EndsWithLineBreak(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        var buffer = new byte[4096];
        long end = stream.Length;
        while (end > 0)
        {
            int count = (int)Math.Min(buffer.Length, end);
            stream.Position = end - count;
            stream.ReadExactly(buffer, 0, count);
            for (int i = count - 1; i >= 0; i--)
            {
                byte b = buffer[i];
                if (b is (byte)' ' or (byte)'\t')
                {
                    continue;
                }

                return b is (byte)'\n' or (byte)'\r';
            }

            end -= count;
        }

        return true;
    }

    private readonly record struct ParsedRow(int Line, string[]? Fields, string? Problem)
    {
        public static ParsedRow End => new(0, null, null);

        public bool IsEnd => Line == 0;
    }
}
