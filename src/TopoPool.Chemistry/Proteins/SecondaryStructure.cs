namespace TopoPool.Chemistry.Proteins;

/// <summary>The secondary structure of a residue, from the HELIX and SHEET records of its PDB file.</summary>
public enum SecondaryStructure
{
    /// <summary>Neither in a helix nor in a strand (also every residue of a file without HELIX/SHEET records).</summary>
    Coil = 0,

    Helix = 1,

    /// <summary>In a strand of a beta sheet.</summary>
    Sheet = 2,
}
