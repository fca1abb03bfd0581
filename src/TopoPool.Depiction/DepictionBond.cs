namespace TopoPool.Depiction;

/// <summary>One bond of a drawing: the indices of its two atoms (or residues) and how it is drawn.</summary>
public readonly record struct DepictionBond(int Begin, int End, DepictionBondOrder Order = DepictionBondOrder.Single);
