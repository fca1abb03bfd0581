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

    // Unpaired electrons (molfile radicals); SMILES atoms have none.
    public int[] Radicals = new int[64];

    // Bonds.
    public int BondCount;
    public int[] BondBegin = new int[64];
    public int[] BondEnd = new int[64];
    public byte[] Order = new byte[64];
    public byte[] Direction = new byte[64];
    public bool[] BondInRing = new bool[64];
    public bool[] BondAromatic = new bool[64];

    // The bond's index as written (molfile bond number - 1), kept when atoms are removed.
    public int[] BondPosition = new int[64];

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

    // Scratch space of RemoveAtoms.
    private int[] atomRemap = new int[64];
    private int[] bondRemap = new int[64];

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
        Radicals[a] = 0;
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
        BondPosition[b] = b;
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

    /// <summary>
    /// Deletes the atoms marked in <paramref name="removed"/> and every bond to them, keeping the order of the
    /// remaining atoms, bonds and neighbour slots, and rebuilds the adjacency.
    /// </summary>
    public void RemoveAtoms(ReadOnlySpan<bool> removed)
    {
        int n = AtomCount;
        if (atomRemap.Length < n)
        {
            atomRemap = new int[n * 2];
        }

        if (bondRemap.Length < BondCount)
        {
            bondRemap = new int[BondCount * 2];
        }

        int kept = 0;
        for (int a = 0; a < n; a++)
        {
            if (removed[a])
            {
                atomRemap[a] = -1;
                continue;
            }

            atomRemap[a] = kept;
            CopyAtom(a, kept);
            kept++;
        }

        int keptBonds = 0;
        for (int b = 0; b < BondCount; b++)
        {
            int begin = atomRemap[BondBegin[b]], end = atomRemap[BondEnd[b]];
            if (begin < 0 || end < 0)
            {
                bondRemap[b] = -1;
                continue;
            }

            bondRemap[b] = keptBonds;
            BondBegin[keptBonds] = begin;
            BondEnd[keptBonds] = end;
            Order[keptBonds] = Order[b];
            Direction[keptBonds] = Direction[b];
            BondInRing[keptBonds] = BondInRing[b];
            BondAromatic[keptBonds] = BondAromatic[b];
            BondPosition[keptBonds] = BondPosition[b];
            keptBonds++;
        }

        int keptSlots = 0;
        for (int k = 0; k < SlotCount; k++)
        {
            int bond = bondRemap[SlotBond[k]];
            if (bond < 0)
            {
                continue;
            }

            SlotAtom[keptSlots] = atomRemap[SlotAtom[k]];
            SlotBond[keptSlots] = bond;
            keptSlots++;
        }

        AtomCount = kept;
        BondCount = keptBonds;
        SlotCount = keptSlots;
        BuildAdjacency();
    }

    /// <summary>
    /// Freezes the perceived molecule into an immutable <see cref="Molecule"/>. <paramref name="rings"/> is the
    /// SSSR when <paramref name="allRings"/> says it is complete; otherwise the molecule finds its rings on demand.
    /// </summary>
    public Molecule ToMolecule(string text, List<int[]> rings, bool allRings)
    {
        int n = AtomCount;
        var atoms = new Atom[n];
        for (int a = 0; a < n; a++)
        {
            int z = AtomicNumber[a];
            atoms[a] = new Atom(
                a,
                ChemicalElements.Symbols[z],
                z,
                Charge[a],
                Isotope[a],
                ExplicitH[a],
                ImplicitH[a],
                Aromatic[a],
                Chiral[a],
                Degree(a),
                AtomClass[a],
                AtomInRing[a]);
        }

        var bonds = new Bond[BondCount];
        for (int b = 0; b < bonds.Length; b++)
        {
            var order = BondAromatic[b] ? BondOrder.Aromatic : (BondOrder)Order[b];
            bonds[b] = new Bond(b, BondBegin[b], BondEnd[b], order, (BondStereo)Direction[b], BondInRing[b]);
        }

        var start = AdjStart.AsSpan(0, n + 1).ToArray();
        int slots = start[n];
        var neighbourAtoms = AdjAtom.AsSpan(0, slots).ToArray();
        var neighbourBonds = AdjBond.AsSpan(0, slots).ToArray();
        int[][]? ringArrays = !allRings ? null : rings.Count == 0 ? Array.Empty<int[]>() : rings.ToArray();
        return new Molecule(text, atoms, bonds, start, neighbourAtoms, neighbourBonds, ringArrays);
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

    private void CopyAtom(int from, int to)
    {
        if (from == to)
        {
            return;
        }

        AtomicNumber[to] = AtomicNumber[from];
        WrittenAromatic[to] = WrittenAromatic[from];
        Bracket[to] = Bracket[from];
        Isotope[to] = Isotope[from];
        Charge[to] = Charge[from];
        ExplicitH[to] = ExplicitH[from];
        ImplicitH[to] = ImplicitH[from];
        Chiral[to] = Chiral[from];
        ChiralIsAllene[to] = ChiralIsAllene[from];
        AtomClass[to] = AtomClass[from];
        AtomPosition[to] = AtomPosition[from];
        HasPrevious[to] = HasPrevious[from];
        Aromatic[to] = Aromatic[from];
        AtomInRing[to] = AtomInRing[from];
        Radicals[to] = Radicals[from];
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
        Array.Resize(ref Radicals, n);
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
        Array.Resize(ref BondPosition, n);
    }
}
