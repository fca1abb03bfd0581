using System.Collections.Immutable;

namespace TopoPool.Chemistry.Tables;

/// <summary>
/// Molecules from a CSV/TSV table (<see cref="DelimitedTable"/>): one record per row, every column kept as
/// <see cref="MoleculeRecord.Values"/>, the SMILES taken from one column (trimmed of spaces; its longest fragment is
/// read). A malformed row, an empty SMILES field or a SMILES that cannot be read is a record with an error; the other
/// rows are read, in order.
/// </summary>
public sealed class TableMoleculeSource : IMoleculeSource
{
    private readonly DelimitedTable table;
    private readonly int smilesAt;
    private readonly TemporaryFile? copy;

    private TableMoleculeSource(DelimitedTable table, int smilesAt, TemporaryFile? copy)
    {
        this.table = table;
        this.smilesAt = smilesAt;
        this.copy = copy;
    }

    /// <summary>The columns looked for when none is named, in this order, ignoring case.</summary>
    public static ImmutableArray<string> DefaultSmilesColumns { get; } = ["smiles", "SMILES", "Smiles", "Drug", "canonical_smiles"];

    public string Source => table.Source;

    public ImmutableArray<string> Columns => table.Columns;

    /// <summary>The column the SMILES are read from, as the header spells it.</summary>
    public string SmilesColumn => table.Columns[smilesAt];

    /// <summary>
    /// Reads molecules from <paramref name="table"/> (and disposes it with this source). Throws
    /// <see cref="MoleculeSourceException"/> when the table has no such column, naming the columns it has.
    /// </summary>
    public static TableMoleculeSource Over(DelimitedTable table, string? smilesColumn = null) => Over(table, smilesColumn, null);

    /// <summary>As <see cref="Over(DelimitedTable, string?)"/>; <paramref name="copy"/>, the file the table reads, is
    /// deleted with this source (not when this throws).</summary>
    internal static TableMoleculeSource Over(DelimitedTable table, string? smilesColumn, TemporaryFile? copy)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.IsEmpty)
        {
            throw new MoleculeSourceException($"{table.Source}: the file is empty; it has no molecules");
        }

        int at = FindSmilesColumn(table, smilesColumn);
        if (at < 0)
        {
            string columns = string.Join(", ", table.Columns.Select(c => $"'{c}'"));
            throw new MoleculeSourceException(smilesColumn is null
                ? $"{table.Source} line {table.HeaderLine}: no SMILES column (the header has {columns}; expected one of smiles, Drug, canonical_smiles, or name the column)"
                : $"{table.Source} line {table.HeaderLine}: no column '{smilesColumn}' (the header has {columns})");
        }

        return new TableMoleculeSource(table, at, copy);
    }

    /// <summary>The index of the SMILES column: <paramref name="smilesColumn"/>, or the first default name; -1 if none.</summary>
    public static int FindSmilesColumn(DelimitedTable table, string? smilesColumn = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (smilesColumn is not null)
        {
            return table.ColumnIndex(smilesColumn);
        }

        foreach (string name in DefaultSmilesColumns)
        {
            int at = table.ColumnIndex(name);
            if (at >= 0)
            {
                return at;
            }
        }

        return -1;
    }

    public IEnumerable<MoleculeRecord> Read() =>
        (IncludeRow is { } include ? table.Read().Where(r => include(r.Row)) : table.Read()).Select(ToMolecule);

    /// <summary>Which rows are read (<see cref="MoleculeSourceOptions.IncludeRow"/>); null: all.</summary>
    public Func<int, bool>? IncludeRow { get; internal set; }

    public void Dispose()
    {
        table.Dispose();
        copy?.Dispose();
    }

    private MoleculeRecord ToMolecule(TableRecord record)
    {
        if (!record.IsValid)
        {
            return new MoleculeRecord(record.Row, record.Line, record.Values, null, null, record.Error);
        }

        string smiles = record.Values[smilesAt].Trim();
        if (smiles.Length == 0)
        {
            return new MoleculeRecord(record.Row, record.Line, record.Values, smiles, null, $"the {SmilesColumn} field is empty");
        }

        return MoleculeText.TryRead(smiles, out Molecule? molecule, out string? error)
            ? new MoleculeRecord(record.Row, record.Line, record.Values, smiles, molecule, null)
            : new MoleculeRecord(record.Row, record.Line, record.Values, smiles, null, error);
    }
}
