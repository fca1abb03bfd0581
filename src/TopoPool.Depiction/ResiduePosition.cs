namespace TopoPool.Depiction;

/// <summary>Where one residue's C-alpha atom is (ångström), and its chain: consecutive residues of a chain are neighbours.</summary>
public readonly record struct ResiduePosition(char Chain, double X, double Y, double Z);
