using System.Collections.Immutable;

namespace TopoPool.Chemistry.Tables;

/// <summary>
/// One record of a molecule file (a row of a CSV/TSV table, a line of a SMILES file, a record of an SDF file), in
/// input order. <see cref="Row"/> is the record's 1-based number in the input (a table's header is not a record);
/// <see cref="Line"/> is the line it starts on. <see cref="Values"/> are the record's own columns, aligned with
/// <see cref="IMoleculeSource.Columns"/> (empty strings where a record lacks a column). Exactly one of
/// <see cref="Molecule"/> and <see cref="Error"/> is set: the error says what is wrong and where inside the record
/// (<c>unclosed ring 3 at position 17</c>, <c>atom block line 4: unknown element 'Xx'</c>), without the file name,
/// which the caller adds from <see cref="IMoleculeSource.Source"/>.
/// </summary>
public sealed record MoleculeRecord(int Row, int Line, ImmutableArray<string> Values, string? Smiles, Molecule? Molecule, string? Error)
{
    public bool IsValid => Molecule is not null;

    /// <summary>
    /// Where the record is and what is wrong, for one line on standard error:
    /// <c>caco2.csv line 17 (record 16): unclosed ring 3 at position 17</c>.
    /// </summary>
    public string Describe(string source) => $"{source} line {Line} (record {Row}): {Error ?? "no error"}";
}
