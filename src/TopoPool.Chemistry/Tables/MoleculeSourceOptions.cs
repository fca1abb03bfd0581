namespace TopoPool.Chemistry.Tables;

/// <summary>How <see cref="MoleculeSources.Open(string?, MoleculeSourceOptions?)"/> reads an input.</summary>
public sealed record MoleculeSourceOptions
{
    /// <summary>The defaults: the SMILES column found by name.</summary>
    public static MoleculeSourceOptions Default { get; } = new();

    /// <summary>
    /// The column of a CSV/TSV table that holds the SMILES (matched ignoring case); null takes the first of
    /// <see cref="TableMoleculeSource.DefaultSmilesColumns"/> that the header has.
    /// </summary>
    public string? SmilesColumn { get; init; }

    /// <summary>
    /// Which records to read, by their 1-based <see cref="MoleculeRecord.Row"/>; null reads every record. A record it
    /// rejects is not yielded, and in tables and SMILES files its molecule is not even parsed (one shard of a large input
    /// pays only for its own records); rows keep their numbers in the whole input.
    /// </summary>
    public Func<int, bool>? IncludeRow { get; init; }
}
