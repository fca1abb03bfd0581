namespace TopoPool.Chemistry.Tables;

/// <summary>How <see cref="DelimitedTable"/> reads a file.</summary>
public sealed record DelimitedTableOptions
{
    /// <summary>The defaults: separator from the file, no check of the last line break.</summary>
    public static DelimitedTableOptions Default { get; } = new();

    /// <summary>The field separator; null chooses a tab for <c>.tsv</c>/<c>.tab</c> files or a header line with a tab,
    /// else a comma.</summary>
    public char? Separator { get; init; }

    /// <summary>
    /// When true, a last row with no line break after it is reported as cut short instead of read: for files this
    /// program wrote itself, which always end with a line break, so a missing one means the writer was interrupted.
    /// </summary>
    public bool RequireFinalLineBreak { get; init; }
}
