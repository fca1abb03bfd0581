namespace TopoPool.Training.Tables;

/// <summary>
/// The columns of a table written from input records (<c>predict</c>, <c>embed</c>): <c>row</c> (the record's 1-based
/// number in the input), the input's own columns, the computed value columns, then <c>error</c> (empty for a record that
/// was computed). Names are unique: an input column whose name a computed column or <c>row</c>/<c>error</c> already uses
/// is written as <c>input_&lt;name&gt;</c> (listed in <see cref="Renamed"/>).
/// </summary>
public sealed class RecordTableLayout
{
    public const string RowColumn = "row";
    public const string ErrorColumn = "error";

    public RecordTableLayout(IReadOnlyList<string> inputColumns, IReadOnlyList<string> valueColumns)
    {
        var taken = new HashSet<string>(valueColumns, StringComparer.Ordinal) { RowColumn, ErrorColumn };
        if (taken.Count != valueColumns.Count + 2) throw new ArgumentException("the value columns repeat a name", nameof(valueColumns));
        var inputs = new List<string>(inputColumns.Count);
        var renamed = new List<(string, string)>();
        foreach (var column in inputColumns)
        {
            string name = column;
            while (!taken.Add(name)) name = "input_" + name;
            if (name != column) renamed.Add((column, name));
            inputs.Add(name);
        }
        InputColumns = inputs;
        ValueColumns = valueColumns;
        Renamed = renamed;
        Header = [RowColumn, .. inputs, .. valueColumns, ErrorColumn];
    }

    public IReadOnlyList<string> InputColumns { get; }
    public IReadOnlyList<string> ValueColumns { get; }

    /// <summary>Input columns written under another name: (their name, the name written).</summary>
    public IReadOnlyList<(string Input, string Written)> Renamed { get; }

    public IReadOnlyList<string> Header { get; }
}
