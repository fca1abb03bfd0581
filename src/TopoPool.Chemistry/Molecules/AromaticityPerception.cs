namespace TopoPool.Chemistry;

/// <summary>
/// RDKit's default aromaticity model on a Kekulé structure. Each ring atom donates 0, 1 or 2 π electrons
/// (a ring double bond gives one; a lone pair two; an exocyclic double bond to a more electronegative atom
/// takes the electron away). A ring whose atoms all qualify is aromatic when its electron count is 4n+2; so is a
/// connected combination of up to six such rings (rings of at most 24 atoms, neighbours when they share exactly
/// one bond), counting only atoms that lie in one or two of the combined rings. Atoms of an aromatic ring or
/// combination become aromatic; of its bonds only those in exactly one of its rings do. A fused system stops
/// early once all its bonds are aromatic.
/// </summary>
internal sealed class AromaticityPerception
{
    private const int MaxFusedRingSize = 24;
    private const int MaxFusedRings = 6;

    // RDKit stops at pairs of rings in systems of more than 300 rings; the combination budget guards the remaining
    // pathological inputs (huge fused sheets whose bonds never all turn aromatic) against running for ever.
    private const int MaxRingsForLargeCombinations = 300;
    private const int CombinationBudget = 200_000;

    private Donor[] donors = new Donor[64];
    private bool[] candidate = new bool[64];
    private bool[] seen = new bool[64];
    private int[] counter = new int[64];
    private int[] bondCounter = new int[64];
    private bool[] doneBond = new bool[64];

    private enum Donor : byte
    {
        Vacant,
        One,
        Two,
        OneOrTwo,
        Any,
        None,
    }

    public void Perceive(WorkingMolecule mol, List<int[]> rings)
    {
        int n = mol.AtomCount;
        for (int a = 0; a < n; a++)
        {
            mol.Aromatic[a] = false;
        }

        for (int b = 0; b < mol.BondCount; b++)
        {
            mol.BondAromatic[b] = false;
        }

        if (rings.Count == 0)
        {
            return;
        }

        if (donors.Length < n)
        {
            donors = new Donor[n * 2];
            candidate = new bool[n * 2];
            seen = new bool[n * 2];
            counter = new int[n * 2];
        }

        if (bondCounter.Length < mol.BondCount)
        {
            bondCounter = new int[mol.BondCount * 2];
            doneBond = new bool[mol.BondCount * 2];
        }

        Array.Clear(seen, 0, n);
        var candidateRings = new List<int[]>();
        foreach (int[] ring in rings)
        {
            bool all = true, allDummy = true;
            foreach (int a in ring)
            {
                if (mol.AtomicNumber[a] != 0)
                {
                    allDummy = false;
                }

                if (!seen[a])
                {
                    seen[a] = true;
                    donors[a] = DonorType(mol, a);
                    candidate[a] = IsCandidate(mol, a, donors[a]);
                }

                all &= candidate[a];
            }

            if (all && !allDummy)
            {
                candidateRings.Add(ring);
            }
        }

        if (candidateRings.Count == 0)
        {
            return;
        }

        int ringCount = candidateRings.Count;
        var ringBonds = new int[ringCount][];
        for (int r = 0; r < ringCount; r++)
        {
            int[] ring = candidateRings[r];
            var bonds = new int[ring.Length];
            for (int i = 0; i < ring.Length; i++)
            {
                bonds[i] = mol.BondBetween(ring[i], ring[(i + 1) % ring.Length]);
            }

            ringBonds[r] = bonds;
        }

        // Rings are neighbours when they share exactly one bond (and neither is larger than 24 atoms).
        var neighbours = new List<int>[ringCount];
        for (int r = 0; r < ringCount; r++)
        {
            neighbours[r] = new List<int>();
        }

        for (int r = 0; r < ringCount; r++)
        {
            if (ringBonds[r].Length > MaxFusedRingSize)
            {
                continue;
            }

            for (int s = r + 1; s < ringCount; s++)
            {
                if (ringBonds[s].Length <= MaxFusedRingSize && SharedBonds(ringBonds[r], ringBonds[s]) == 1)
                {
                    neighbours[r].Add(s);
                    neighbours[s].Add(r);
                }
            }
        }

        var picked = new bool[ringCount];
        var fused = new List<int>();
        var stack = new Stack<int>();
        for (int start = 0; start < ringCount; start++)
        {
            if (picked[start])
            {
                continue;
            }

            // Depth-first, as RDKit picks fused systems.
            fused.Clear();
            stack.Push(start);
            while (stack.Count > 0)
            {
                int r = stack.Pop();
                if (picked[r])
                {
                    continue;
                }

                picked[r] = true;
                fused.Add(r);
                for (int i = neighbours[r].Count - 1; i >= 0; i--)
                {
                    if (!picked[neighbours[r][i]])
                    {
                        stack.Push(neighbours[r][i]);
                    }
                }
            }

            HuckelOnFusedSystem(mol, candidateRings, ringBonds, fused, neighbours);
        }
    }

    /// <summary>Tries single rings, then connected combinations of 2..6 rings, until every bond of the system is aromatic.</summary>
    private void HuckelOnFusedSystem(WorkingMolecule mol, List<int[]> rings, int[][] ringBonds, List<int> fused, List<int>[] neighbours)
    {
        // Distinct bonds of the system (a bond may also belong to rings of another system, so start clean).
        int systemBonds = 0;
        foreach (int r in fused)
        {
            foreach (int b in ringBonds[r])
            {
                if (bondCounter[b] == 0)
                {
                    bondCounter[b] = 1;
                    systemBonds++;
                }
            }
        }

        foreach (int r in fused)
        {
            foreach (int b in ringBonds[r])
            {
                bondCounter[b] = 0;
                doneBond[b] = false;
            }
        }

        int doneCount = 0;
        int count = fused.Count;
        int maxSize = Math.Min(count, count > MaxRingsForLargeCombinations ? 2 : MaxFusedRings);
        int budget = CombinationBudget;
        var combination = new int[maxSize];
        var chosen = new List<int>(maxSize);
        for (int size = 1; size <= maxSize; size++)
        {
            if (doneCount >= systemBonds)
            {
                break;
            }

            for (int i = 0; i < size; i++)
            {
                combination[i] = i;
            }

            while (budget-- > 0)
            {
                chosen.Clear();
                for (int i = 0; i < size; i++)
                {
                    chosen.Add(fused[combination[i]]);
                }

                if (size == 1 || IsConnected(chosen, neighbours))
                {
                    if (SatisfiesHuckel(rings, chosen))
                    {
                        doneCount = Mark(mol, rings, ringBonds, chosen, doneCount);
                    }
                }

                if (!NextCombination(combination, size, count))
                {
                    break;
                }
            }
        }
    }

    private static bool NextCombination(int[] combination, int size, int count)
    {
        int i = size - 1;
        while (i >= 0 && combination[i] == count - size + i)
        {
            i--;
        }

        if (i < 0)
        {
            return false;
        }

        combination[i]++;
        for (int j = i + 1; j < size; j++)
        {
            combination[j] = combination[j - 1] + 1;
        }

        return true;
    }

    private static bool IsConnected(List<int> chosen, List<int>[] neighbours)
    {
        Span<bool> reached = stackalloc bool[chosen.Count];
        Span<int> queue = stackalloc int[chosen.Count];
        reached[0] = true;
        queue[0] = 0;
        int head = 0, tail = 1;
        while (head < tail)
        {
            int r = chosen[queue[head++]];
            for (int j = 0; j < chosen.Count; j++)
            {
                if (!reached[j] && neighbours[r].Contains(chosen[j]))
                {
                    reached[j] = true;
                    queue[tail++] = j;
                }
            }
        }

        return tail == chosen.Count;
    }

    private bool SatisfiesHuckel(List<int[]> rings, List<int> chosen)
    {
        // Atoms buried in three or more of the combined rings do not count (the centre of acepentalene).
        foreach (int r in chosen)
        {
            foreach (int a in rings[r])
            {
                counter[a]++;
            }
        }

        int low = 0, high = 0, wildcards = 0;
        foreach (int r in chosen)
        {
            foreach (int a in rings[r])
            {
                int times = counter[a];
                if (times == 0)
                {
                    continue;
                }

                counter[a] = 0;
                if (times > 2)
                {
                    continue;
                }

                switch (donors[a])
                {
                    case Donor.Any: low += 1; high += 2; wildcards++; break;
                    case Donor.OneOrTwo: low += 1; high += 2; break;
                    case Donor.One: low += 1; high += 1; break;
                    case Donor.Two: low += 2; high += 2; break;
                }
            }
        }

        // A wildcard may stand for a one- or two-electron atom, but two wildcards leave too much open.
        if (wildcards > 1)
        {
            return false;
        }

        if (high >= 6)
        {
            for (int e = low; e <= high; e++)
            {
                if ((e - 2) % 4 == 0)
                {
                    return true;
                }
            }

            return false;
        }

        return high == 2;
    }

    /// <summary>Marks the combination's atoms, and the bonds in exactly one of its rings (fusion bonds stay).
    /// Returns the number of this system's bonds marked so far.</summary>
    private int Mark(WorkingMolecule mol, List<int[]> rings, int[][] ringBonds, List<int> chosen, int doneCount)
    {
        foreach (int r in chosen)
        {
            foreach (int a in rings[r])
            {
                mol.Aromatic[a] = true;
            }
        }

        foreach (int r in chosen)
        {
            foreach (int b in ringBonds[r])
            {
                bondCounter[b]++;
            }
        }

        foreach (int r in chosen)
        {
            foreach (int b in ringBonds[r])
            {
                if (bondCounter[b] == 1)
                {
                    if (mol.Order[b] == 1 || mol.Order[b] == 2)
                    {
                        mol.BondAromatic[b] = true;
                    }

                    if (!doneBond[b])
                    {
                        doneBond[b] = true;
                        doneCount++;
                    }
                }

                bondCounter[b] = 0;
            }
        }

        return doneCount;
    }

    private static int SharedBonds(int[] first, int[] second)
    {
        int shared = 0;
        foreach (int b in first)
        {
            if (Array.IndexOf(second, b) >= 0)
            {
                shared++;
            }
        }

        return shared;
    }

    private static int SumOfOrders(WorkingMolecule mol, int atom)
    {
        int v = 0;
        for (int k = mol.AdjStart[atom]; k < mol.AdjStart[atom + 1]; k++)
        {
            v += mol.Order[mol.AdjBond[k]];
        }

        return v;
    }

    /// <summary>π electrons the atom can give to a ring, or -1 (RDKit's countAtomElec).</summary>
    internal static int CountElectrons(WorkingMolecule mol, int atom)
    {
        int z = mol.AtomicNumber[atom];
        int dv = ChemicalElements.DefaultValence(z);
        if (dv <= 1)
        {
            return -1;
        }

        int degree = mol.Degree(atom);
        int coordination = degree + mol.TotalH(atom);
        if (coordination > 3)
        {
            return -1;
        }

        int lonePairElectrons = Math.Max(ChemicalElements.OuterElectrons[z] - dv - mol.Charge[atom], 0);
        int result = dv - coordination + lonePairElectrons - mol.Radicals[atom];
        if (result > 1)
        {
            int unsaturations = SumOfOrders(mol, atom) + mol.ExplicitH[atom] - degree;
            if (unsaturations > 1)
            {
                result = 1;
            }
        }

        return result;
    }

    private static Donor DonorType(WorkingMolecule mol, int atom)
    {
        if (mol.AtomicNumber[atom] == 0)
        {
            return Donor.Any;
        }

        int electrons = CountElectrons(mol, atom);
        if (electrons < 0)
        {
            return Donor.None;
        }

        int exocyclicPartner = ExocyclicMultipleBondPartner(mol, atom);
        if (electrons == 0)
        {
            if (exocyclicPartner >= 0)
            {
                return Donor.Vacant;
            }

            return HasRingMultipleBond(mol, atom) ? Donor.One : Donor.None;
        }

        if (electrons == 1)
        {
            if (exocyclicPartner >= 0)
            {
                return ChemicalElements.MoreElectronegative(mol.AtomicNumber[exocyclicPartner], mol.AtomicNumber[atom])
                    ? Donor.Vacant
                    : Donor.One;
            }

            if (SumOfOrders(mol, atom) != mol.Degree(atom))
            {
                return Donor.One;
            }

            return mol.Charge[atom] == 1 ? Donor.Vacant : Donor.None;
        }

        if (exocyclicPartner >= 0 && ChemicalElements.MoreElectronegative(mol.AtomicNumber[exocyclicPartner], mol.AtomicNumber[atom]))
        {
            electrons--;
        }

        return electrons % 2 == 1 ? Donor.One : Donor.Two;
    }

    private static bool IsCandidate(WorkingMolecule mol, int atom, Donor donor)
    {
        int z = mol.AtomicNumber[atom];
        if (z > 18 && z != 34 && z != 52)
        {
            return false;
        }

        if (donor == Donor.None)
        {
            return false;
        }

        // Atoms above their default valence (taking the charge as a shift along the period) are shut out.
        int dv = ChemicalElements.DefaultValence(z);
        if (dv > 0)
        {
            int shifted = z - mol.Charge[atom];
            if (shifted < 0 || shifted >= ChemicalElements.Count)
            {
                return false;
            }

            if (SumOfOrders(mol, atom) + mol.TotalH(atom) > ChemicalElements.DefaultValence(shifted))
            {
                return false;
            }
        }

        // At most one multiple bond (C1=C=NC=N1 is not aromatic).
        int unsaturations = SumOfOrders(mol, atom) + mol.ExplicitH[atom] - mol.Degree(atom);
        if (unsaturations > 1)
        {
            int multiple = 0;
            for (int k = mol.AdjStart[atom]; k < mol.AdjStart[atom + 1]; k++)
            {
                if (mol.Order[mol.AdjBond[k]] >= 2)
                {
                    multiple++;
                }
            }

            if (multiple > 1)
            {
                return false;
            }
        }

        return true;
    }

    private static int ExocyclicMultipleBondPartner(WorkingMolecule mol, int atom)
    {
        for (int k = mol.AdjStart[atom]; k < mol.AdjStart[atom + 1]; k++)
        {
            int b = mol.AdjBond[k];
            if (!mol.BondInRing[b] && mol.Order[b] >= 2)
            {
                return mol.AdjAtom[k];
            }
        }

        return -1;
    }

    private static bool HasRingMultipleBond(WorkingMolecule mol, int atom)
    {
        for (int k = mol.AdjStart[atom]; k < mol.AdjStart[atom + 1]; k++)
        {
            int b = mol.AdjBond[k];
            if (mol.BondInRing[b] && mol.Order[b] >= 2)
            {
                return true;
            }
        }

        return false;
    }
}
