using System.Collections.Immutable;

namespace TopoPool.Chemistry.Tables;

/// <summary>
/// One record of a <see cref="DelimitedTable"/>: its 1-based number after the header (<see cref="Row"/>, malformed
/// records counted too), the line it starts on, and its values aligned with <see cref="DelimitedTable.Columns"/>.
/// A malformed record has an <see cref="Error"/> (what is wrong and where in the line, without the file name) and
/// empty strings as values.
/// </summary>
public sealed record TableRecord(int Row, int Line, ImmutableArray<string> Values, string? Error)
{
    /// <summary>True when the record was read (it has no <see cref="Error"/>).</summary>
    public bool IsValid => Error is null;

    /// <summary>Where the record is and what is wrong with it: <c>caco2.csv line 5: a quote opened at column 3 is never closed</c>.</summary>
    public string Describe(string source) => $"{source} line {Line}: {Error ?? "no error"}";
}
