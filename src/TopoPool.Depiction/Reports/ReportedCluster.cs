namespace TopoPool.Depiction.Reports;

/// <summary>
/// The highest-weighted cluster of one row: its members as a person reads them (<c>O3</c>: element or residue and
/// node index), its weight σ, its substructure as SMILES (or residue text) and its element pattern (the key of the
/// page's summary, e.g. <c>C1O2</c>).
/// </summary>
public sealed record ReportedCluster(IReadOnlyList<string> Members, double Weight, string Substructure, string Pattern);
