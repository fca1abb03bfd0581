using System.Diagnostics.CodeAnalysis;

namespace TopoPool.Chemistry.Smiles;

/// <summary>
/// Reads OpenSMILES into a <see cref="Molecule"/>: organic-subset and bracket atoms, bonds, branches, ring closures,
/// fragments, aromatic atoms; implicit hydrogens, aromaticity (RDKit's default model), rings and stereocentres
/// are perceived. <see cref="TryParse"/> never throws; every failure is a positioned <see cref="SmilesError"/>.
/// Thread-safe: each thread reuses its own scratch space.
/// </summary>
public static class SmilesReader
{
    /// <summary>Reads <paramref name="smiles"/>; on failure returns false with a positioned <paramref name="error"/>.</summary>
    public static bool TryParse(string smiles, [NotNullWhen(true)] out Molecule? molecule, [NotNullWhen(false)] out SmilesError? error)
    {
        if (smiles is null)
        {
            molecule = null;
            error = new SmilesError(0, "empty input");
            return false;
        }

        error = MoleculeReadingWorkspace.Current.Read(smiles, out molecule);
        return error is null && molecule is not null;
    }

    /// <summary>Reads <paramref name="smiles"/>; throws <see cref="SmilesException"/> when it cannot.</summary>
    public static Molecule Parse(string smiles)
    {
        if (!TryParse(smiles, out var molecule, out var error))
        {
            throw new SmilesException(error);
        }

        return molecule;
    }
}
