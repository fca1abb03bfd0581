namespace TopoPool.Chemistry.Proteins;

/// <summary>
/// What <see cref="PdbReader"/> read: the residue graph, and the lines it had to skip (the first 1,000 one by one; a
/// last error names the line where the others begin and counts them).
/// </summary>
public sealed record PdbReadResult(Protein Protein, IReadOnlyList<PdbError> Errors)
{
    public bool HasErrors => Errors.Count > 0;
}
