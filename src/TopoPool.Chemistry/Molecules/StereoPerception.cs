namespace TopoPool.Chemistry;

/// <summary>
/// Clears chiral tags on atoms that are not stereocentres, following RDKit 2022.09's sanitisation and legacy
/// stereo perception (what it runs when reading SMILES). Tags on atoms below sp3 go first. Then atoms are ranked
/// by iterative refinement of (element, isotope, atom class) over neighbour ranks weighted by bond order; tagged
/// atoms whose neighbours all differ get an R/S label, double bonds with / \ marks an E/Z label, and the labels
/// feed back into the ranking until nothing changes. Three-connected nitrogen counts only in a three-membered
/// ring or at a bridgehead. Tagged atoms left without a label are cleared, except ring stereocentres that come
/// in pairs (cis/trans-1,4-disubstituted rings). Only equalities of ranks matter here, not the labels' meaning.
/// </summary>
internal sealed class StereoPerception
{
    private int[] ranks = new int[64];
    private long[] invariants = new long[64];
    private int[] cip = new int[64];
    private int[] order = new int[64];
    private int[] scratchRanks = new int[64];
    private int[] keyStart = new int[64];
    private int[] keyLength = new int[64];
    private int[] keyBuffer = new int[256];
    private int[] expandedStart = new int[65];
    private int[] expanded = new int[256];
    private byte[] bondCode = new byte[64];
    private byte[] direction = new byte[64];
    private bool[] conjugated = new bool[64];
    private readonly RingPerception ringPerception = new();
    private readonly List<int[]> allRings = new();
    private readonly List<int[]> unusedRings = new();
    private bool ringsKnown;

    public void Clean(WorkingMolecule mol)
    {
        int n = mol.AtomCount;
        bool hasStereoAtoms = false, anyTag = false;
        for (int a = 0; a < n; a++)
        {
            if (mol.Chiral[a] != 0)
            {
                anyTag = true;
                if (mol.Chiral[a] == 1 || mol.Chiral[a] == 2)
                {
                    hasStereoAtoms = true;
                }
            }
        }

        if (!anyTag)
        {
            return;
        }

        // RDKit's sanitisation first drops tetrahedral tags from atoms that are not sp3.
        if (conjugated.Length < mol.BondCount)
        {
            conjugated = new bool[mol.BondCount * 2];
        }

        HybridizationRules.MarkConjugatedBonds(mol, conjugated);
        hasStereoAtoms = false;
        for (int a = 0; a < mol.AtomCount; a++)
        {
            int tag = mol.Chiral[a];
            if ((tag == 1 || tag == 2) && HybridizationRules.IsBelowSp3(mol, a, conjugated))
            {
                mol.Chiral[a] = 0;
            }

            hasStereoAtoms |= mol.Chiral[a] == 1 || mol.Chiral[a] == 2;
        }

        Prepare(mol);
        bool hasStereoBonds = HasDirectedDoubleBond(mol);
        BuildNeighbourLists(mol);
        ComputeRanks(mol, seeded: false, stopWhenResolved: true);
        bool keepGoing = hasStereoAtoms || hasStereoBonds;
        while (keepGoing)
        {
            bool changedAtoms = false, changedBonds = false;
            if (hasStereoAtoms)
            {
                (hasStereoAtoms, changedAtoms) = AssignAtomCodes(mol);
            }

            if (hasStereoBonds)
            {
                (hasStereoBonds, changedBonds) = AssignBondCodes(mol);
            }

            keepGoing = (hasStereoAtoms || hasStereoBonds) && (changedAtoms || changedBonds);
            if (keepGoing)
            {
                Rerank(mol);
            }
        }

        ClearNonStereocentres(mol);
    }

    private void Prepare(WorkingMolecule mol)
    {
        int n = mol.AtomCount;
        if (ranks.Length < n)
        {
            int size = n * 2;
            ranks = new int[size];
            invariants = new long[size];
            cip = new int[size];
            order = new int[size];
            scratchRanks = new int[size];
            keyStart = new int[size];
            keyLength = new int[size];
        }

        if (bondCode.Length < mol.BondCount)
        {
            bondCode = new byte[mol.BondCount * 2];
            direction = new byte[mol.BondCount * 2];
        }

        Array.Clear(cip, 0, n);
        ringsKnown = false;
        Array.Clear(bondCode, 0, mol.BondCount);
        Array.Copy(mol.Direction, direction, mol.BondCount);
    }

    private bool HasDirectedDoubleBond(WorkingMolecule mol)
    {
        for (int b = 0; b < mol.BondCount; b++)
        {
            if (!IsDoubleBond(mol, b))
            {
                continue;
            }

            if (HasDirectedBond(mol, mol.BondBegin[b]) || HasDirectedBond(mol, mol.BondEnd[b]))
            {
                return true;
            }
        }

        return false;
    }

    private bool HasDirectedBond(WorkingMolecule mol, int atom)
    {
        for (int k = mol.AdjStart[atom]; k < mol.AdjStart[atom + 1]; k++)
        {
            if (direction[mol.AdjBond[k]] != 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDoubleBond(WorkingMolecule mol, int bond) => mol.Order[bond] == 2 && !mol.BondAromatic[bond];

    // ---- ranking -------------------------------------------------------------------------------------------

    /// <summary>Each atom's neighbours repeated by twice the bond order (aromatic 3; a double bond to a 3- or
    /// 4-coordinate P once), flattened; built once per molecule.</summary>
    private void BuildNeighbourLists(WorkingMolecule mol)
    {
        int n = mol.AtomCount;
        if (expandedStart.Length < n + 1)
        {
            expandedStart = new int[n * 2 + 1];
        }

        int total = 0;
        for (int a = 0; a < n; a++)
        {
            expandedStart[a] = total;
            for (int k = mol.AdjStart[a]; k < mol.AdjStart[a + 1]; k++)
            {
                int b = mol.AdjBond[k];
                int other = mol.AdjAtom[k];
                int count;
                if (mol.BondAromatic[b])
                {
                    count = 3;
                }
                else if (mol.Order[b] == 2 && mol.AtomicNumber[other] == 15 && (mol.Degree(other) == 3 || mol.Degree(other) == 4))
                {
                    count = 1;
                }
                else
                {
                    count = 2 * mol.Order[b];
                }

                if (expanded.Length < total + count)
                {
                    Array.Resize(ref expanded, (total + count) * 2);
                }

                for (int c = 0; c < count; c++)
                {
                    expanded[total++] = other;
                }
            }
        }

        expandedStart[n] = total;
        int keySize = total + n * 2;
        for (int a = 0; a < n; a++)
        {
            keySize += mol.TotalH(a);
        }

        if (keyBuffer.Length < keySize)
        {
            keyBuffer = new int[keySize * 2];
        }
    }

    /// <summary>
    /// RDKit's iterated ranking: start from the invariants, then repeatedly order atoms by (current rank, neighbour
    /// ranks + 1 in descending order, a 0 per hydrogen), until every atom is distinct, the number of classes stops
    /// growing, or n/2 + 1 rounds have passed. With <paramref name="stopWhenResolved"/>, stops as soon as every
    /// tagged atom's neighbours are distinct: later rounds only split classes, so no decision could change.
    /// </summary>
    private void ComputeRanks(WorkingMolecule mol, bool seeded, bool stopWhenResolved)
    {
        int n = mol.AtomCount;
        if (!seeded)
        {
            for (int a = 0; a < n; a++)
            {
                int z = mol.AtomicNumber[a];
                int mass = 0;
                if (mol.Isotope[a] != 0)
                {
                    mass = mol.Isotope[a] - ChemicalElements.MostCommonIsotope[z];
                    if (mass >= 0)
                    {
                        mass += 1;
                    }
                }

                mass += 512;
                mass = mass < 0 ? 0 : mass % 1024;
                int mapNumber = mol.AtomClass[a] > 0 ? (mol.AtomClass[a] + 1) % 1024 : 0;
                invariants[a] = ((long)(z % 128) << 20) | ((long)mass << 10) | (long)mapNumber;
            }
        }

        for (int a = 0; a < n; a++)
        {
            order[a] = a;
        }

        order.AsSpan(0, n).Sort(new InvariantComparer(invariants));
        int numRanks = AssignDenseRanks(n, useKeys: false);
        int lastNumRanks = -1;
        int maxIterations = n / 2 + 1;
        int iterations = 0;
        while (numRanks < n && iterations < maxIterations && (lastNumRanks < 0 || lastNumRanks < numRanks))
        {
            if (stopWhenResolved && Resolved(mol))
            {
                return;
            }

            BuildKeys(mol);
            order.AsSpan(0, n).Sort(new KeyComparer(keyBuffer, keyStart, keyLength));
            lastNumRanks = numRanks;
            numRanks = AssignDenseRanks(n, useKeys: true);
            iterations++;
        }
    }

    private void BuildKeys(WorkingMolecule mol)
    {
        int n = mol.AtomCount;
        int at = 0;
        for (int a = 0; a < n; a++)
        {
            keyStart[a] = at;
            keyBuffer[at++] = ranks[a];
            int listStart = at;
            for (int k = expandedStart[a]; k < expandedStart[a + 1]; k++)
            {
                int value = ranks[expanded[k]] + 1;

                // Insertion into a descending list (neighbour lists are short).
                int j = at++;
                while (j > listStart && keyBuffer[j - 1] < value)
                {
                    keyBuffer[j] = keyBuffer[j - 1];
                    j--;
                }

                keyBuffer[j] = value;
            }

            int h = mol.TotalH(a);
            for (int c = 0; c < h; c++)
            {
                keyBuffer[at++] = 0;
            }

            keyLength[a] = at - keyStart[a];
        }
    }

    /// <summary>Dense ranks (0, 1, ...) of the atoms in <see cref="order"/>; ties share a rank.</summary>
    private int AssignDenseRanks(int n, bool useKeys)
    {
        int rank = 0;
        for (int i = 0; i < n; i++)
        {
            if (i > 0)
            {
                bool different = useKeys
                    ? KeyComparer.Compare(keyBuffer, keyStart, keyLength, order[i], order[i - 1]) != 0
                    : invariants[order[i]] != invariants[order[i - 1]];
                if (different)
                {
                    rank++;
                }
            }

            scratchRanks[order[i]] = rank;
        }

        Array.Copy(scratchRanks, ranks, n);
        return n == 0 ? 0 : rank + 1;
    }

    /// <summary>
    /// True when no decision can change any more: every tagged atom is a tetrahedral centre whose legality does not
    /// depend on ranks and whose neighbours already have distinct ranks, and every marked double bond has distinct
    /// neighbours on each side. Later rounds only split classes and never reorder two atoms already apart, so
    /// labels, E/Z and a later re-ranking (which refines to the same stable partition) come out the same.
    /// </summary>
    private bool Resolved(WorkingMolecule mol)
    {
        for (int a = 0; a < mol.AtomCount; a++)
        {
            int tag = mol.Chiral[a];
            if (tag == 0)
            {
                continue;
            }

            if (tag == 3)
            {
                return false;
            }

            int degree = mol.Degree(a);
            int h = mol.TotalH(a);
            int z = mol.AtomicNumber[a];
            bool legalByShape = degree + h <= 4 && (degree == 4 || (degree == 3 && h == 1) || z == 15 || z == 33);
            if (!legalByShape || !NeighboursDistinct(mol, a, -1))
            {
                return false;
            }
        }

        for (int b = 0; b < mol.BondCount; b++)
        {
            if (IsDoubleBond(mol, b)
                && (HasDirectedBond(mol, mol.BondBegin[b]) || HasDirectedBond(mol, mol.BondEnd[b]))
                && (!NeighboursDistinct(mol, mol.BondBegin[b], b) || !NeighboursDistinct(mol, mol.BondEnd[b], b)))
            {
                return false;
            }
        }

        return true;
    }

    private bool NeighboursDistinct(WorkingMolecule mol, int atom, int skipBond)
    {
        for (int i = mol.AdjStart[atom]; i < mol.AdjStart[atom + 1]; i++)
        {
            if (mol.AdjBond[i] == skipBond)
            {
                continue;
            }

            for (int j = mol.AdjStart[atom]; j < i; j++)
            {
                if (mol.AdjBond[j] != skipBond && ranks[mol.AdjAtom[i]] == ranks[mol.AdjAtom[j]])
                {
                    return false;
                }
            }
        }

        return true;
    }

    private readonly struct InvariantComparer : IComparer<int>
    {
        private readonly long[] values;

        public InvariantComparer(long[] values)
        {
            this.values = values;
        }

        public int Compare(int x, int y) => values[x].CompareTo(values[y]);
    }

    /// <summary>Lexicographic; a key that is a prefix of another is smaller (RDKit pads with -1).</summary>
    private readonly struct KeyComparer : IComparer<int>
    {
        private readonly int[] buffer;
        private readonly int[] start;
        private readonly int[] length;

        public KeyComparer(int[] buffer, int[] start, int[] length)
        {
            this.buffer = buffer;
            this.start = start;
            this.length = length;
        }

        public static int Compare(int[] buffer, int[] start, int[] length, int x, int y)
        {
            int sx = start[x], sy = start[y];
            int lx = length[x], ly = length[y];
            int common = Math.Min(lx, ly);
            for (int i = 0; i < common; i++)
            {
                int vx = buffer[sx + i], vy = buffer[sy + i];
                if (vx != vy)
                {
                    return vx < vy ? -1 : 1;
                }
            }

            return lx.CompareTo(ly);
        }

        public int Compare(int x, int y) => Compare(buffer, start, length, x, y);
    }

    private void Rerank(WorkingMolecule mol)
    {
        int n = mol.AtomCount;
        long factor = 100;
        while (factor < n)
        {
            factor *= 10;
        }

        for (int a = 0; a < n; a++)
        {
            long value = ranks[a] * factor;
            value += cip[a] == 1 ? 10 : cip[a] == 2 ? 20 : 0;
            for (int k = mol.AdjStart[a]; k < mol.AdjStart[a + 1]; k++)
            {
                int b = mol.AdjBond[k];
                if (IsDoubleBond(mol, b))
                {
                    value += bondCode[b];
                }
            }

            invariants[a] = value;
        }

        ComputeRanks(mol, seeded: true, stopWhenResolved: false);
    }

    // ---- atoms ---------------------------------------------------------------------------------------------

    private (bool Unassigned, bool Changed) AssignAtomCodes(WorkingMolecule mol)
    {
        int unassigned = 0;
        bool changed = false;
        for (int a = 0; a < mol.AtomCount; a++)
        {
            int tag = mol.Chiral[a];
            if ((tag != 1 && tag != 2) || cip[a] != 0)
            {
                continue;
            }

            var (legal, duplicates) = PotentialCentre(mol, a);
            if (legal)
            {
                unassigned++;
            }

            if (legal && !duplicates)
            {
                changed = true;
                unassigned--;
                cip[a] = CipLabel(mol, a, tag);
            }
        }

        return (unassigned > 0, changed);
    }

    private (bool Legal, bool Duplicates) PotentialCentre(WorkingMolecule mol, int atom)
    {
        int degree = mol.Degree(atom);
        int h = mol.TotalH(atom);
        if (degree + h > 4)
        {
            return (false, false);
        }

        for (int i = mol.AdjStart[atom]; i < mol.AdjStart[atom + 1]; i++)
        {
            for (int j = mol.AdjStart[atom]; j < i; j++)
            {
                if (ranks[mol.AdjAtom[i]] == ranks[mol.AdjAtom[j]])
                {
                    return (true, true);
                }
            }
        }

        int z = mol.AtomicNumber[atom];
        if (z == 15 || z == 33)
        {
            return (true, false);
        }

        if (degree < 3)
        {
            return (false, false);
        }

        if (degree == 3 && h != 1)
        {
            int valence = ExplicitValence(mol, atom);
            if ((z == 16 || z == 34) && (valence == 4 || (valence == 3 && mol.Charge[atom] == 1)))
            {
                return (true, false);
            }

            if (z == 7 && (InThreeMemberedRing(mol, atom) || IsBridgehead(mol, atom)))
            {
                return (true, false);
            }

            return (false, false);
        }

        return (true, false);
    }

    /// <summary>RDKit's explicit valence: bond orders (aromatic 1.5, rounded) plus explicit hydrogens.</summary>
    private static int ExplicitValence(WorkingMolecule mol, int atom)
    {
        int twice = 2 * mol.ExplicitH[atom];
        for (int k = mol.AdjStart[atom]; k < mol.AdjStart[atom + 1]; k++)
        {
            int b = mol.AdjBond[k];
            twice += mol.BondAromatic[b] ? 3 : 2 * mol.Order[b];
        }

        return (twice + 1) / 2;
    }

    private static bool InThreeMemberedRing(WorkingMolecule mol, int atom)
    {
        for (int i = mol.AdjStart[atom]; i < mol.AdjStart[atom + 1]; i++)
        {
            for (int j = mol.AdjStart[atom]; j < i; j++)
            {
                if (mol.BondBetween(mol.AdjAtom[i], mol.AdjAtom[j]) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// RDKit's bridgehead: at least three ring bonds, and two of the smallest rings through the atom share at
    /// least two bonds (norbornane's bridgeheads, not decalin's fusion atoms).
    /// </summary>
    private bool IsBridgehead(WorkingMolecule mol, int atom)
    {
        int ringBonds = 0;
        for (int k = mol.AdjStart[atom]; k < mol.AdjStart[atom + 1]; k++)
        {
            if (mol.BondInRing[mol.AdjBond[k]])
            {
                ringBonds++;
            }
        }

        if (ringBonds < 3)
        {
            return false;
        }

        if (!ringsKnown)
        {
            ringPerception.FindRings(mol, allRings, unusedRings, onlyPossiblyAromatic: false);
            ringsKnown = true;
        }

        var through = allRings.Where(r => Array.IndexOf(r, atom) >= 0).ToList();
        for (int i = 0; i < through.Count; i++)
        {
            for (int j = i + 1; j < through.Count; j++)
            {
                if (SharedBonds(through[i], through[j]) >= 2)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static int SharedBonds(int[] first, int[] second)
    {
        int shared = 0;
        for (int i = 0; i < first.Length; i++)
        {
            int a = first[i], b = first[(i + 1) % first.Length];
            for (int j = 0; j < second.Length; j++)
            {
                int c = second[j], d = second[(j + 1) % second.Length];
                if ((a == c && b == d) || (a == d && b == c))
                {
                    shared++;
                }
            }
        }

        return shared;
    }

    /// <summary>1 (S) or 2 (R): the tag read against neighbours sorted by rank, hydrogen first.</summary>
    private int CipLabel(WorkingMolecule mol, int atom, int tag)
    {
        int start = mol.AdjStart[atom];
        int count = mol.AdjStart[atom + 1] - start;
        Span<int> sequence = stackalloc int[count];
        for (int i = 0; i < count; i++)
        {
            sequence[i] = ranks[mol.AdjAtom[start + i]];
        }

        // Parity of the permutation that sorts the neighbours by rank (bubble sort counts the swaps).
        int swaps = 0;
        for (int i = 0; i < count; i++)
        {
            for (int j = 0; j + 1 < count - i; j++)
            {
                if (sequence[j] > sequence[j + 1])
                {
                    (sequence[j], sequence[j + 1]) = (sequence[j + 1], sequence[j]);
                    swaps++;
                }
            }
        }

        if (count == 3 && mol.TotalH(atom) == 1)
        {
            swaps++;
        }

        if (swaps % 2 == 1)
        {
            tag = tag == 1 ? 2 : 1;
        }

        return tag == 2 ? 1 : 2;
    }

    // ---- double bonds --------------------------------------------------------------------------------------

    private (bool Unassigned, bool Changed) AssignBondCodes(WorkingMolecule mol)
    {
        int unassigned = 0;
        bool changed = false;
        Span<int> beginAtoms = stackalloc int[2];
        Span<byte> beginDirs = stackalloc byte[2];
        Span<int> endAtoms = stackalloc int[2];
        Span<byte> endDirs = stackalloc byte[2];
        for (int b = 0; b < mol.BondCount; b++)
        {
            if (!IsDoubleBond(mol, b) || bondCode[b] != 0)
            {
                continue;
            }

            int begin = mol.BondBegin[b], end = mol.BondEnd[b];
            if (mol.BondInRing[b] && SmallestRingThrough(mol, b) <= 7)
            {
                continue;
            }

            int db = mol.Degree(begin), de = mol.Degree(end);
            if (db < 2 || db > 3 || de < 2 || de > 3)
            {
                continue;
            }

            unassigned++;
            int nb = NeighbourDirections(mol, begin, b, beginAtoms, beginDirs);
            int ne = NeighbourDirections(mol, end, b, endAtoms, endDirs);
            if (nb == 0 || ne == 0)
            {
                continue;
            }

            byte beginDir = nb == 1 || ranks[beginAtoms[0]] > ranks[beginAtoms[1]] ? beginDirs[0] : beginDirs[1];
            byte endDir = ne == 1 || ranks[endAtoms[0]] > ranks[endAtoms[1]] ? endDirs[0] : endDirs[1];
            bool conflictingBegin = nb == 2 && beginDirs[0] == beginDirs[1];
            bool conflictingEnd = ne == 2 && endDirs[0] == endDirs[1];
            changed = true;
            unassigned--;
            if (conflictingBegin || conflictingEnd)
            {
                // Contradictory marks: RDKit drops them.
                if (conflictingBegin)
                {
                    ClearDirections(mol, begin, b);
                }

                if (conflictingEnd)
                {
                    ClearDirections(mol, end, b);
                }

                continue;
            }

            bondCode[b] = beginDir == endDir ? (byte)2 : (byte)1;
        }

        return (unassigned > 0, changed);
    }

    private void ClearDirections(WorkingMolecule mol, int atom, int skip)
    {
        for (int k = mol.AdjStart[atom]; k < mol.AdjStart[atom + 1]; k++)
        {
            if (mol.AdjBond[k] != skip)
            {
                direction[mol.AdjBond[k]] = 0;
            }
        }
    }

    /// <summary>The other neighbours of a double-bond atom with their marks read outwards from it; empty when
    /// no mark is present or the two neighbours are equivalent.</summary>
    private int NeighbourDirections(WorkingMolecule mol, int atom, int doubleBond, Span<int> atoms, Span<byte> dirs)
    {
        int count = 0;
        bool seenDirection = false;
        for (int k = mol.AdjStart[atom]; k < mol.AdjStart[atom + 1]; k++)
        {
            int b = mol.AdjBond[k];
            if (b == doubleBond)
            {
                continue;
            }

            byte dir = direction[b];
            if (dir != 0)
            {
                seenDirection = true;
                if (mol.BondBegin[b] != atom)
                {
                    dir = dir == 1 ? (byte)2 : (byte)1;
                }
            }

            if (count < 2)
            {
                atoms[count] = mol.AdjAtom[k];
                dirs[count] = dir;
            }

            count++;
        }

        if (!seenDirection || count > 2)
        {
            return 0;
        }

        if (count == 2 && ranks[atoms[0]] == ranks[atoms[1]])
        {
            return 0;
        }

        if (dirs[0] == 0)
        {
            dirs[0] = dirs[1] == 2 ? (byte)1 : (byte)2;
        }
        else if (count > 1 && dirs[1] == 0)
        {
            dirs[1] = dirs[0] == 2 ? (byte)1 : (byte)2;
        }

        return count;
    }

    /// <summary>The size of the smallest ring through a ring bond (by breadth-first search over ring bonds).</summary>
    internal static int SmallestRingThrough(WorkingMolecule mol, int bond)
    {
        int source = mol.BondBegin[bond], target = mol.BondEnd[bond];
        var distance = new Dictionary<int, int> { [source] = 0 };
        var queue = new Queue<int>();
        queue.Enqueue(source);
        while (queue.Count > 0)
        {
            int a = queue.Dequeue();
            int d = distance[a];
            for (int k = mol.AdjStart[a]; k < mol.AdjStart[a + 1]; k++)
            {
                int b = mol.AdjBond[k];
                if (b == bond || !mol.BondInRing[b])
                {
                    continue;
                }

                int w = mol.AdjAtom[k];
                if (distance.TryAdd(w, d + 1))
                {
                    if (w == target)
                    {
                        return d + 2;
                    }

                    queue.Enqueue(w);
                }
            }
        }

        return int.MaxValue;
    }

    // ---- clean-up ------------------------------------------------------------------------------------------

    private void ClearNonStereocentres(WorkingMolecule mol)
    {
        int n = mol.AtomCount;
        bool anyUnlabelled = false;
        for (int a = 0; a < n && !anyUnlabelled; a++)
        {
            anyUnlabelled = mol.Chiral[a] != 0 && cip[a] == 0;
        }

        if (!anyUnlabelled)
        {
            return;
        }

        var special = new bool[n];
        var hasPartners = new bool[n];
        var atomSeen = new bool[n];
        var atomUsed = new bool[n];
        var bondSeen = new bool[mol.BondCount];
        var queue = new Queue<int>();
        for (int a = 0; a < n; a++)
        {
            if (atomSeen[a] || mol.Chiral[a] == 0 || cip[a] != 0 || !mol.AtomInRing[a] || !RingStereoCandidate(mol, a))
            {
                continue;
            }

            // Breadth-first along ring bonds for other tagged, unlabelled candidates in the same ring system.
            queue.Clear();
            for (int k = mol.AdjStart[a]; k < mol.AdjStart[a + 1]; k++)
            {
                int b = mol.AdjBond[k];
                if (!bondSeen[b])
                {
                    bondSeen[b] = true;
                    int other = mol.AdjAtom[k];
                    if (mol.BondInRing[b] && !atomSeen[other])
                    {
                        queue.Enqueue(other);
                        atomUsed[other] = true;
                    }
                }
            }

            bool found = false;
            while (queue.Count > 0)
            {
                int r = queue.Dequeue();
                atomSeen[r] = true;
                if (mol.Chiral[r] != 0 && cip[r] == 0 && RingStereoCandidate(mol, r))
                {
                    found = true;
                    special[r] = true;
                    hasPartners[r] = true;
                    special[a] = true;
                }

                for (int k = mol.AdjStart[r]; k < mol.AdjStart[r + 1]; k++)
                {
                    int b = mol.AdjBond[k];
                    if (!bondSeen[b])
                    {
                        bondSeen[b] = true;
                        int other = mol.AdjAtom[k];
                        if (mol.BondInRing[b] && !atomSeen[other] && !atomUsed[other])
                        {
                            queue.Enqueue(other);
                            atomUsed[other] = true;
                        }
                    }
                }
            }

            if (found)
            {
                hasPartners[a] = true;
            }
            else
            {
                special[a] = false;
            }

            atomSeen[a] = true;
        }

        for (int a = 0; a < n; a++)
        {
            int tag = mol.Chiral[a];
            if (tag == 0)
            {
                continue;
            }

            // Non-tetrahedral classes (@SP, @TB, @OH) are kept as written; @AL is dropped, as RDKit 2022 does.
            if (tag == 3 && !mol.ChiralIsAllene[a])
            {
                continue;
            }

            if (cip[a] != 0 && tag != 3)
            {
                continue;
            }

            if (special[a] && hasPartners[a] && tag != 3)
            {
                continue;
            }

            mol.Chiral[a] = 0;

            // A hydrogen written only to carry the chirality becomes implicit (RDKit's issue 194).
            if (mol.ExplicitH[a] == 1 && mol.Charge[a] == 0 && !mol.Aromatic[a])
            {
                mol.ExplicitH[a] = 0;
                mol.ImplicitH[a] += 1;
            }
        }
    }

    private bool RingStereoCandidate(WorkingMolecule mol, int atom)
    {
        // A three-connected nitrogen inverts, unless held in a three-membered ring or at a bridgehead.
        if (mol.AtomicNumber[atom] == 7 && mol.Degree(atom) == 3 && !InThreeMemberedRing(mol, atom) && !IsBridgehead(mol, atom))
        {
            return false;
        }

        int nonRing = 0, ring = 0;
        int nonRingRank0 = -1, nonRingRank1 = -1;
        Span<int> ringRanks = stackalloc int[4];
        int distinct = 0;
        for (int k = mol.AdjStart[atom]; k < mol.AdjStart[atom + 1]; k++)
        {
            int b = mol.AdjBond[k];
            int other = mol.AdjAtom[k];
            if (!mol.BondInRing[b])
            {
                if (nonRing == 0)
                {
                    nonRingRank0 = ranks[other];
                }
                else if (nonRing == 1)
                {
                    nonRingRank1 = ranks[other];
                }

                nonRing++;
            }
            else
            {
                int r = ranks[other];
                bool known = false;
                for (int i = 0; i < distinct; i++)
                {
                    known |= ringRanks[i] == r;
                }

                if (!known && distinct < 4)
                {
                    ringRanks[distinct++] = r;
                }

                ring++;
            }
        }

        return nonRing switch
        {
            2 => nonRingRank0 != nonRingRank1,
            1 => ring >= 2,
            0 => (ring == 4 && distinct == 3) || (ring == 3 && distinct == 2),
            _ => false,
        };
    }
}
