namespace TopoPool.Chemistry.Proteins;

/// <summary>What <see cref="PdbReader"/> read: the residue graph, and every line it had to skip.</summary>
public sealed record PdbReadResult(Protein Protein, IReadOnlyList<PdbError> Errors)
{
    public bool HasErrors => Errors.Count > 0;
}
