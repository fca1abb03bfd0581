using TopoPool.Training.OwnData;

namespace TopoPool.Training.Tables;

/// <summary>
/// Writes <see cref="RecordOutput"/>s as a table of <see cref="RecordTableLayout"/>, one row per record in the order
/// given: CSV (<see cref="CsvRecordTableWriter"/>) or Parquet (<see cref="ParquetRecordTableWriter"/>, for a path ending
/// in <c>.parquet</c>). A record without values gets empty value cells and its error.
/// </summary>
public abstract class RecordTableWriter : IDisposable
{
    protected RecordTableWriter(RecordTableLayout layout) => Layout = layout;

    public RecordTableLayout Layout { get; }

    /// <summary>Rows written so far.</summary>
    public long Rows { get; protected set; }

    public abstract void Write(RecordOutput output);

    /// <summary>A writer for <paramref name="path"/> (Parquet for <c>.parquet</c>, CSV otherwise), or CSV on
    /// <paramref name="console"/> when there is no path.</summary>
    public static RecordTableWriter Create(string? path, TextWriter console, RecordTableLayout layout)
    {
        if (path is null) return new CsvRecordTableWriter(console, layout, leaveOpen: true);
        if (path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase)) return new ParquetRecordTableWriter(path, layout);
        return new CsvRecordTableWriter(new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false)), layout, leaveOpen: false);
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}
