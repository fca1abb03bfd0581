namespace TopoPool.Chemistry;

/// <summary>
/// The mutable molecule the reader builds and the perception steps refine, before it is frozen into a
/// <see cref="Molecule"/>. Plain arrays (reused between reads on one thread) keep the hot path free of allocation.
/// </summary>
internal sealed class WorkingMolecule
{
    public const byte AromaticOrder = 5;

    // Atoms.
    public int AtomCount;
    public int[] AtomicNumber = new int[64];
    public bool[] WrittenAromatic = new bool[64];
    public bool[] Bracket = new bool[64];
    public int[] Isotope = new int[64];
    public int[] Charge = new int[64];
    public int[] ExplicitH = new int[64];
    public int[] ImplicitH = new int[64];
    public int[] Chiral = new int[64];
    public bool[] ChiralIsAllene = new bool[64];
    public int[] AtomClass = new int[64];
    public int[] AtomPosition = new int[64];
    public bool[] HasPrevious = new bool[64];
    public bool[] Aromatic = new bool[64];
    public bool[] AtomInRing = new bool[64];

    // Bonds.
    public int BondCount;
    public int[] BondBegin = new int[64];
    public int[] BondEnd = new int[64];
    public byte[] Order = new byte[64];
    public byte[] Direction = new byte[64];
    public bool[] BondInRing = new bool[64];
    public bool[] BondAromatic = new bool[64];

    // Neighbour slots in SMILES order: slot k says atom SlotAtom[k] has bond SlotBond[k]. A ring opening reserves
    // its slot before the bond exists.
    public int SlotCount;
    public int[] SlotAtom = new int[128];
    public int[] SlotBond = new int[128];

    // Each atom's slots as a chain (first slot, next slot), so that a ring closure can check its atom's bonds.
    public int[] FirstSlot = new int[64];
    public int[] LastSlot = new int[64];
    public int[] NextSlot = new int[128];

    // Compressed adjacency built from the slots: neighbours of atom a are at AdjStart[a] .. AdjStart[a + 1].
    public int[] AdjStart = new int[65];
    public int[] AdjAtom = new int[128];
    public int[] AdjBond = new int[128];

    /// <summary>A working copy of a finished molecule's graph (enough for ring perception).</summary>
    public static WorkingMolecule From(Molecule molecule)
    {
        var mol = new WorkingMolecule();
        foreach (var atom in molecule.Atoms)
        {
            int a = mol.AddAtom(atom.AtomicNumber, atom.IsAromatic, bracket: true, position: 0);
            mol.ExplicitH[a] = atom.ExplicitHydrogens;
            mol.ImplicitH[a] = atom.ImplicitHydrogens;
            mol.Charge[a] = atom.FormalCharge;
            mol.Aromatic[a] = atom.IsAromatic;
        }

        foreach (var bond in molecule.Bonds)
        {
            byte order = bond.Order == BondOrder.Aromatic ? (byte)1 : (byte)bond.Order;
            int b = mol.AddBond(bond.Begin, bond.End, order, (byte)bond.Stereo);
            mol.BondAromatic[b] = bond.IsAromatic;
        }

        for (int a = 0; a < molecule.AtomCount; a++)
        {
            foreach (int b in molecule.BondsOf(a))
            {
                mol.AddSlot(a, b);
            }
        }

        mol.BuildAdjacency();
        return mol;
    }

    public void Reset()
    {
        AtomCount = 0;
        BondCount = 0;
        SlotCount = 0;
    }

    public int AddAtom(int atomicNumber, bool aromatic, bool bracket, int position)
    {
        if (AtomCount == AtomicNumber.Length)
        {
            GrowAtoms();
        }

        int a = AtomCount++;
        AtomicNumber[a] = atomicNumber;
        WrittenAromatic[a] = aromatic;
        Bracket[a] = bracket;
        Isotope[a] = 0;
        Charge[a] = 0;
        ExplicitH[a] = 0;
        ImplicitH[a] = 0;
        Chiral[a] = 0;
        ChiralIsAllene[a] = false;
        AtomClass[a] = 0;
        AtomPosition[a] = position;
        HasPrevious[a] = false;
        FirstSlot[a] = -1;
        LastSlot[a] = -1;
        Aromatic[a] = false;
        AtomInRing[a] = false;
        return a;
    }

    public int AddBond(int begin, int end, byte order, byte direction)
    {
        if (BondCount == BondBegin.Length)
        {
            GrowBonds();
        }

        int b = BondCount++;
        BondBegin[b] = begin;
        BondEnd[b] = end;
        Order[b] = order;
        Direction[b] = direction;
        BondInRing[b] = false;
        BondAromatic[b] = false;
        return b;
    }

    public int AddSlot(int atom, int bond)
    {
        if (SlotCount == SlotAtom.Length)
        {
            Array.Resize(ref SlotAtom, SlotCount * 2);
            Array.Resize(ref SlotBond, SlotCount * 2);
            Array.Resize(ref NextSlot, SlotCount * 2);
        }

        int slot = SlotCount++;
        SlotAtom[slot] = atom;
        SlotBond[slot] = bond;
        NextSlot[slot] = -1;
        if (LastSlot[atom] < 0)
        {
            FirstSlot[atom] = slot;
        }
        else
        {
            NextSlot[LastSlot[atom]] = slot;
        }

        LastSlot[atom] = slot;
        return slot;
    }

    public int Degree(int atom) => AdjStart[atom + 1] - AdjStart[atom];

    public int OtherAtom(int bond, int atom) => BondBegin[bond] == atom ? BondEnd[bond] : BondBegin[bond];

    public int TotalH(int atom) => ExplicitH[atom] + ImplicitH[atom];

    /// <summary>Builds the compressed adjacency from the slots, keeping each atom's SMILES neighbour order.</summary>
    public void BuildAdjacency()
    {
        if (AdjStart.Length < AtomCount + 1)
        {
            AdjStart = new int[AtomCount * 2 + 1];
        }

        if (AdjAtom.Length < SlotCount)
        {
            AdjAtom = new int[SlotCount * 2];
            AdjBond = new int[SlotCount * 2];
        }

        Array.Clear(AdjStart, 0, AtomCount + 1);
        for (int k = 0; k < SlotCount; k++)
        {
            AdjStart[SlotAtom[k] + 1]++;
        }

        for (int a = 0; a < AtomCount; a++)
        {
            AdjStart[a + 1] += AdjStart[a];
        }

        // Fill in slot order, using the next atom's start as a moving cursor and shifting back afterwards.
        for (int k = 0; k < SlotCount; k++)
        {
            int a = SlotAtom[k];
            int at = AdjStart[a]++;
            int bond = SlotBond[k];
            AdjBond[at] = bond;
            AdjAtom[at] = OtherAtom(bond, a);
        }

        for (int a = AtomCount; a > 0; a--)
        {
            AdjStart[a] = AdjStart[a - 1];
        }

        AdjStart[0] = 0;
    }

    /// <summary>The bond joining two atoms, or -1.</summary>
    public int BondBetween(int first, int second)
    {
        for (int k = AdjStart[first]; k < AdjStart[first + 1]; k++)
        {
            if (AdjAtom[k] == second)
            {
                return AdjBond[k];
            }
        }

        return -1;
    }

    private void GrowAtoms()
    {
        int n = AtomicNumber.Length * 2;
        Array.Resize(ref AtomicNumber, n);
        Array.Resize(ref WrittenAromatic, n);
        Array.Resize(ref Bracket, n);
        Array.Resize(ref Isotope, n);
        Array.Resize(ref Charge, n);
        Array.Resize(ref ExplicitH, n);
        Array.Resize(ref ImplicitH, n);
        Array.Resize(ref Chiral, n);
        Array.Resize(ref ChiralIsAllene, n);
        Array.Resize(ref AtomClass, n);
        Array.Resize(ref AtomPosition, n);
        Array.Resize(ref HasPrevious, n);
        Array.Resize(ref FirstSlot, n);
        Array.Resize(ref LastSlot, n);
        Array.Resize(ref Aromatic, n);
        Array.Resize(ref AtomInRing, n);
    }

    private void GrowBonds()
    {
        int n = BondBegin.Length * 2;
        Array.Resize(ref BondBegin, n);
        Array.Resize(ref BondEnd, n);
        Array.Resize(ref Order, n);
        Array.Resize(ref Direction, n);
        Array.Resize(ref BondInRing, n);
        Array.Resize(ref BondAromatic, n);
    }
}
