using TopoPool.Core.Pipelines;

namespace TopoPool.Training.OwnData;

/// <summary>How to read a user's molecule table for training.</summary>
public sealed record MoleculeTableOptions(IReadOnlyList<string> Targets)
{
    /// <summary>The SMILES column of a CSV/TSV (default: the first of smiles, SMILES, Drug, canonical_smiles).</summary>
    public string? SmilesColumn { get; init; }

    /// <summary>Regression or classification for every target; null: inferred from the values.</summary>
    public TaskKind? Task { get; init; }

    /// <summary>The atom featurizer by name (<see cref="MoleculeFeaturizers"/>).</summary>
    public string Featurizer { get; init; } = MoleculeFeaturizers.Default;

    /// <summary>A column whose values (<c>train</c>, <c>val</c>/<c>valid</c>/<c>validation</c>, <c>test</c>) assign each
    /// record to a part, instead of a split.</summary>
    public string? SplitColumn { get; init; }

    /// <summary>A column naming each record in messages (default: the record number).</summary>
    public string? IdColumn { get; init; }
}
