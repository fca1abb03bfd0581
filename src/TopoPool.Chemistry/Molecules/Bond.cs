namespace TopoPool.Chemistry;

/// <summary>One bond of a <see cref="Molecule"/>, immutable. Each bond appears once.</summary>
public sealed class Bond
{
    internal Bond(int index, int begin, int end, BondOrder order, BondStereo stereo, bool isInRing)
    {
        Index = index;
        Begin = begin;
        End = end;
        Order = order;
        Stereo = stereo;
        IsInRing = isInRing;
    }

    /// <summary>Position of the bond in <see cref="Molecule.Bonds"/>.</summary>
    public int Index { get; }

    /// <summary>Index of the atom the bond was written from.</summary>
    public int Begin { get; }

    public int End { get; }

    /// <summary>Order after aromaticity perception: aromatic bonds are <see cref="BondOrder.Aromatic"/>.</summary>
    public BondOrder Order { get; }

    public bool IsAromatic => Order == BondOrder.Aromatic;

    public BondStereo Stereo { get; }

    public bool IsInRing { get; }

    /// <summary>The atom at the other end from <paramref name="atom"/>.</summary>
    public int OtherAtom(int atom) => atom == Begin ? End : Begin;

    public override string ToString() => $"{Begin}-{End} {Order}";
}
