using System.Collections.Immutable;

namespace TopoPool.Chemistry.Tables;

/// <summary>
/// A stream of <see cref="MoleculeRecord"/>s from one input, whatever its format (CSV/TSV with a header, a SMILES
/// file, SDF/MOL V2000 or V3000). Records are read lazily in input order, one at a time, so memory does not grow with
/// the number of records. A record that cannot be read is yielded with its <see cref="MoleculeRecord.Error"/> set,
/// and reading goes on with the next one: nothing valid is ever dropped because something before it was broken.
/// A problem that makes the whole input unreadable (no such file, no header, no SMILES column) throws
/// <see cref="MoleculeSourceException"/> from <see cref="MoleculeSources.Open(string, MoleculeSourceOptions)"/> or on the first read.
/// </summary>
public interface IMoleculeSource : IDisposable
{
    /// <summary>The input's name for messages (the file name, or <c>standard input</c>).</summary>
    string Source { get; }

    /// <summary>The columns of every record's <see cref="MoleculeRecord.Values"/>, in order.</summary>
    ImmutableArray<string> Columns { get; }

    /// <summary>The records, lazily; enumerate once.</summary>
    IEnumerable<MoleculeRecord> Read();
}
