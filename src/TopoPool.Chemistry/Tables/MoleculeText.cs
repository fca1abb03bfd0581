using System.Diagnostics.CodeAnalysis;
using TopoPool.Chemistry.Smiles;

namespace TopoPool.Chemistry.Tables;

/// <summary>Reads the SMILES of a record by the benchmark's rule: the longest '.'-separated fragment.</summary>
internal static class MoleculeText
{
    /// <summary>The molecule of <paramref name="smiles"/>'s longest fragment, or the reader's positioned message
    /// (naming the fragment when it is not the whole text, since the position is inside it).</summary>
    public static bool TryRead(string smiles, [NotNullWhen(true)] out Molecule? molecule, [NotNullWhen(false)] out string? error)
    {
        string fragment = SmilesFragments.Longest(smiles);
        if (SmilesReader.TryParse(fragment, out molecule, out SmilesError? problem))
        {
            error = null;
            return true;
        }

        error = fragment == smiles ? problem.Reason : $"{problem.Reason} in its longest fragment '{fragment}'";
        return false;
    }
}
