namespace TopoPool.Chemistry.Tables;

/// <summary>A table whose header cannot be read (a quote in it is never closed): nothing of the file can be read.</summary>
public sealed class TableHeaderException(string input, int line, string problem)
    : FormatException($"{input} line {line}: the header cannot be read: {problem}")
{
    /// <summary>The input's name, as in <see cref="DelimitedTable.Source"/>.</summary>
    public string Input { get; } = input;

    /// <summary>The line the header starts on.</summary>
    public int Line { get; } = line;

    /// <summary>What is wrong, without the input and line.</summary>
    public string Problem { get; } = problem;
}
