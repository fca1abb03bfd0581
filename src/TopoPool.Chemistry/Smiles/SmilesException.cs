namespace TopoPool.Chemistry.Smiles;

/// <summary>Thrown by <see cref="SmilesReader.Parse"/> for input it cannot read; carries the <see cref="SmilesError"/>.</summary>
public sealed class SmilesException : Exception
{
    public SmilesException(SmilesError error)
        : base(error.Reason)
    {
        Error = error;
    }

    public SmilesError Error { get; }
}
