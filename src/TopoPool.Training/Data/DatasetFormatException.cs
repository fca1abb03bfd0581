namespace TopoPool.Training.Data;

/// <summary>
/// A dataset file that cannot be read. The message starts with the file name and, when one line is to blame,
/// the line number (1-based), e.g. <c>PROTEINS_A.txt line 17: expected two node ids separated by a comma, found 'x, 3'</c>;
/// a problem of the whole file reads on from the name: <c>MUTAG_graph_indicator.txt has 3370 lines, MUTAG_node_labels.txt has 3371</c>.
/// </summary>
public sealed class DatasetFormatException : Exception
{
    public DatasetFormatException(string filePath, int? lineNumber, string problem)
        : base(Describe(filePath, lineNumber, problem))
    {
        FilePath = filePath;
        LineNumber = lineNumber;
        Problem = problem;
    }

    public DatasetFormatException(string filePath, int? lineNumber, string problem, Exception innerException)
        : base(Describe(filePath, lineNumber, problem), innerException)
    {
        FilePath = filePath;
        LineNumber = lineNumber;
        Problem = problem;
    }

    /// <summary>The file as it was opened (may be a full path; the message names only the file).</summary>
    public string FilePath { get; }

    /// <summary>The 1-based line at fault, or null when the problem concerns the whole file.</summary>
    public int? LineNumber { get; }

    /// <summary>The message without the file and line prefix (a whole-file problem reads on from the file name:
    /// "is missing from /data", "has 3370 lines, ...").</summary>
    public string Problem { get; }

    /// <summary>The prefix used in messages and warnings: <c>name.txt line 17</c>, or <c>name.txt</c> without a line.</summary>
    public static string Where(string filePath, int? lineNumber) =>
        lineNumber is int line ? $"{Path.GetFileName(filePath)} line {line}" : Path.GetFileName(filePath);

    private static string Describe(string filePath, int? lineNumber, string problem) =>
        lineNumber is null ? $"{Path.GetFileName(filePath)} {problem}" : $"{Where(filePath, lineNumber)}: {problem}";
}
