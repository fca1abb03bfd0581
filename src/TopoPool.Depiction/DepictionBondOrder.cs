namespace TopoPool.Depiction;

/// <summary>How a bond (or a residue contact) is drawn.</summary>
public enum DepictionBondOrder
{
    Single = 1,
    Double = 2,
    Triple = 3,

    /// <summary>A bond of an aromatic ring: a full line and a dashed line inside the ring.</summary>
    Aromatic = 5,

    /// <summary>A residue contact that is not a backbone link: a thin grey line.</summary>
    Contact = 10,
}
