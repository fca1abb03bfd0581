namespace TopoPool.Chemistry.Proteins;

/// <summary>A line of a PDB file that could not be read, and why; the reader skips it and goes on.</summary>
/// <param name="Line">The 1-based line number.</param>
/// <param name="Reason">What is wrong, naming the columns.</param>
public sealed record PdbError(int Line, string Reason)
{
    public override string ToString() => $"line {Line}: {Reason}";
}
