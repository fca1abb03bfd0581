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
}
