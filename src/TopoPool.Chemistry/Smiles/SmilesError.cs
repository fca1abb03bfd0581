namespace TopoPool.Chemistry.Smiles;

/// <summary>Why a SMILES could not be read: the 0-based character position in the input and the reason,
/// e.g. "unclosed ring 3 at position 17".</summary>
public sealed record SmilesError(int Position, string Reason)
{
    public override string ToString() => Reason;
}
