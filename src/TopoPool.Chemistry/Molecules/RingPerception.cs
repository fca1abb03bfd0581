namespace TopoPool.Chemistry;

/// <summary>
/// Ring membership (a bond is in a ring exactly when it is not a bridge) and the smallest set of smallest rings,
/// found per ring system as a minimum cycle basis over GF(2) from shortest cycles through each bond, with Horton's
/// candidate cycles as a fallback. The aromaticity ring set adds the cycles that are not sums of shorter ones
/// (the "relevant" cycles among the candidates), which is how RDKit's symmetrised SSSR behaves on cages.
/// </summary>
internal sealed class RingPerception
{
    private int[] discovery = new int[64];
    private int[] low = new int[64];
    private int[] stackAtom = new int[64];
    private int[] stackEdge = new int[64];
    private int[] component = new int[64];
    private int[] localIndex = new int[64];
    private int[] parentEdge = new int[64];
    private int[] distance = new int[64];
    private int[] queue = new int[64];
    private int[] localBond = new int[64];
    private readonly List<int> systemAtoms = new();
    private readonly List<int> systemBonds = new();
    private readonly List<Cycle> candidates = new();
    private readonly List<ulong[]> basis = new();
    private readonly List<int> pivots = new();
    private ulong[] scratchBits = new ulong[4];

    /// <summary>Marks ring atoms and bonds (bridges are the non-ring bonds). Iterative, so deep chains are safe.</summary>
    public void MarkRingBonds(WorkingMolecule mol)
    {
        int n = mol.AtomCount;
        Ensure(ref discovery, n);
        Ensure(ref low, n);
        Ensure(ref stackAtom, n);
        Ensure(ref stackEdge, n);
        Array.Fill(discovery, -1, 0, n);
        for (int b = 0; b < mol.BondCount; b++)
        {
            mol.BondInRing[b] = true;
        }

        int time = 0;
        for (int root = 0; root < n; root++)
        {
            if (discovery[root] >= 0)
            {
                continue;
            }

            int top = 0;
            stackAtom[0] = root;
            stackEdge[0] = mol.AdjStart[root];
            parentEdge = EnsureReturn(parentEdge, n);
            parentEdge[root] = -1;
            discovery[root] = low[root] = time++;
            while (top >= 0)
            {
                int v = stackAtom[top];
                int k = stackEdge[top];
                if (k < mol.AdjStart[v + 1])
                {
                    stackEdge[top] = k + 1;
                    int bond = mol.AdjBond[k];
                    if (bond == parentEdge[v])
                    {
                        continue;
                    }

                    int w = mol.AdjAtom[k];
                    if (discovery[w] < 0)
                    {
                        discovery[w] = low[w] = time++;
                        parentEdge[w] = bond;
                        top++;
                        stackAtom[top] = w;
                        stackEdge[top] = mol.AdjStart[w];
                    }
                    else if (discovery[w] < low[v])
                    {
                        low[v] = discovery[w];
                    }
                }
                else
                {
                    top--;
                    if (top >= 0)
                    {
                        int parent = stackAtom[top];
                        if (low[v] < low[parent])
                        {
                            low[parent] = low[v];
                        }

                        if (low[v] > discovery[parent])
                        {
                            mol.BondInRing[parentEdge[v]] = false;
                        }
                    }
                }
            }
        }

        for (int a = 0; a < n; a++)
        {
            mol.AtomInRing[a] = false;
        }

        for (int b = 0; b < mol.BondCount; b++)
        {
            if (mol.BondInRing[b])
            {
                mol.AtomInRing[mol.BondBegin[b]] = true;
                mol.AtomInRing[mol.BondEnd[b]] = true;
            }
        }
    }

    /// <summary>
    /// The SSSR (<paramref name="sssr"/>) and the SSSR plus relevant extra cycles (<paramref name="aromaticRings"/>),
    /// each ring as atom indices in ring order. Needs <see cref="MarkRingBonds"/> first. When
    /// <paramref name="onlyPossiblyAromatic"/> is set, ring systems with fewer than three atoms that could take part
    /// in an aromatic ring are skipped; the result says whether every ring system was done.
    /// </summary>
    public bool FindRings(WorkingMolecule mol, List<int[]> sssr, List<int[]> aromaticRings, bool onlyPossiblyAromatic)
    {
        sssr.Clear();
        aromaticRings.Clear();
        int n = mol.AtomCount;
        Ensure(ref component, n);
        Ensure(ref localIndex, n);
        if (localBond.Length < mol.BondCount)
        {
            localBond = new int[Math.Max(mol.BondCount, localBond.Length * 2)];
        }

        Array.Fill(component, -1, 0, n);
        bool complete = true;
        for (int seed = 0; seed < n; seed++)
        {
            if (!mol.AtomInRing[seed] || component[seed] >= 0)
            {
                continue;
            }

            // Collect one ring system: atoms joined through ring bonds.
            systemAtoms.Clear();
            systemBonds.Clear();
            component[seed] = seed;
            systemAtoms.Add(seed);
            int possiblyAromatic = 0;
            for (int head = 0; head < systemAtoms.Count; head++)
            {
                int a = systemAtoms[head];
                if (mol.Degree(a) + mol.TotalH(a) <= 3)
                {
                    possiblyAromatic++;
                }

                for (int k = mol.AdjStart[a]; k < mol.AdjStart[a + 1]; k++)
                {
                    int b = mol.AdjBond[k];
                    if (!mol.BondInRing[b])
                    {
                        continue;
                    }

                    int w = mol.AdjAtom[k];
                    if (a < w)
                    {
                        localBond[b] = systemBonds.Count;
                        systemBonds.Add(b);
                    }

                    if (component[w] < 0)
                    {
                        component[w] = seed;
                        systemAtoms.Add(w);
                    }
                }
            }

            if (onlyPossiblyAromatic && possiblyAromatic < 3)
            {
                complete = false;
                continue;
            }

            int ringCount = systemBonds.Count - systemAtoms.Count + 1;
            if (ringCount == 1)
            {
                int[] ring = WalkSimpleCycle(mol, systemAtoms);
                sssr.Add(ring);
                aromaticRings.Add(ring);
            }
            else if (ringCount > 1)
            {
                FindSystemRings(mol, ringCount, sssr, aromaticRings);
            }
        }

        return complete;
    }

    private static int[] WalkSimpleCycle(WorkingMolecule mol, List<int> atoms)
    {
        var ring = new int[atoms.Count];
        int previous = -1, current = atoms[0];
        for (int i = 0; i < ring.Length; i++)
        {
            ring[i] = current;
            int next = -1;
            for (int k = mol.AdjStart[current]; k < mol.AdjStart[current + 1]; k++)
            {
                if (mol.BondInRing[mol.AdjBond[k]] && mol.AdjAtom[k] != previous)
                {
                    next = mol.AdjAtom[k];
                    break;
                }
            }

            previous = current;
            current = next;
        }

        return Canonical(ring);
    }

    private void FindSystemRings(WorkingMolecule mol, int ringCount, List<int[]> sssr, List<int[]> aromaticRings)
    {
        int atomCount = systemAtoms.Count;
        for (int i = 0; i < atomCount; i++)
        {
            localIndex[systemAtoms[i]] = i;
        }

        int words = (systemBonds.Count + 63) / 64;
        if (scratchBits.Length < words)
        {
            scratchBits = new ulong[words];
        }

        candidates.Clear();
        foreach (int bond in systemBonds)
        {
            AddShortestCycleThrough(mol, bond, atomCount, words);
        }

        int sssrBefore = sssr.Count, aromaticBefore = aromaticRings.Count;
        if (!Select(ringCount, words, sssr, aromaticRings))
        {
            // Shortest cycles through each bond do not span every ring system (rare cages): add Horton's candidates.
            sssr.RemoveRange(sssrBefore, sssr.Count - sssrBefore);
            aromaticRings.RemoveRange(aromaticBefore, aromaticRings.Count - aromaticBefore);
            foreach (int root in systemAtoms)
            {
                HortonCycles(mol, root, atomCount, words);
            }

            Select(ringCount, words, sssr, aromaticRings);
        }
    }

    private void AddCandidate(Cycle cycle)
    {
        if (!IsKnown(cycle.Bits))
        {
            candidates.Add(cycle);
        }
    }

    private bool IsKnown(ReadOnlySpan<ulong> bits)
    {
        foreach (var existing in candidates)
        {
            if (existing.Bits.AsSpan().SequenceEqual(bits))
            {
                return true;
            }
        }

        return false;
    }

    private bool Select(int ringCount, int words, List<int[]> sssr, List<int[]> aromaticRings)
    {
        candidates.Sort(static (x, y) => x.Atoms.Length != y.Atoms.Length
            ? x.Atoms.Length.CompareTo(y.Atoms.Length)
            : x.Atoms.AsSpan().SequenceCompareTo(y.Atoms));
        basis.Clear();
        pivots.Clear();
        int groupStart = 0;
        int groupLength = -1;
        var scratch = new ulong[words];
        foreach (var cycle in candidates)
        {
            if (cycle.Atoms.Length != groupLength)
            {
                groupLength = cycle.Atoms.Length;
                groupStart = basis.Count;
            }

            // Relevant: independent of every strictly shorter cycle.
            cycle.Bits.CopyTo(scratch, 0);
            bool relevant = !Reduce(scratch, groupStart);
            cycle.Bits.CopyTo(scratch, 0);
            bool independent = !Reduce(scratch, basis.Count);
            if (independent && basis.Count < ringCount)
            {
                var vector = (ulong[])scratch.Clone();
                basis.Add(vector);
                pivots.Add(FirstBit(vector));
                sssr.Add(cycle.Atoms);
            }

            if (relevant)
            {
                aromaticRings.Add(cycle.Atoms);
            }
        }

        return basis.Count == ringCount;
    }

    /// <summary>Reduces <paramref name="x"/> by the first <paramref name="count"/> basis vectors; true when it vanishes.</summary>
    private bool Reduce(ulong[] x, int count)
    {
        for (int i = 0; i < count; i++)
        {
            int p = pivots[i];
            if ((x[p >> 6] & (1UL << (p & 63))) != 0)
            {
                ulong[] b = basis[i];
                for (int w = 0; w < x.Length; w++)
                {
                    x[w] ^= b[w];
                }
            }
        }

        for (int w = 0; w < x.Length; w++)
        {
            if (x[w] != 0)
            {
                return false;
            }
        }

        return true;
    }

    private static int FirstBit(ulong[] x)
    {
        for (int w = 0; w < x.Length; w++)
        {
            if (x[w] != 0)
            {
                return (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(x[w]);
            }
        }

        return -1;
    }

    /// <summary>Adds the shortest cycle through <paramref name="bond"/> unless an equal one is already known.</summary>
    private void AddShortestCycleThrough(WorkingMolecule mol, int bond, int atomCount, int words)
    {
        int source = mol.BondBegin[bond], target = mol.BondEnd[bond];
        Bfs(mol, source, bond, atomCount);
        if (distance[localIndex[target]] < 0)
        {
            return;
        }

        // Build the bond set first: most bonds of a fused system give a cycle found already.
        var bits = scratchBits.AsSpan(0, words);
        bits.Clear();
        SetBit(bits, localBond[bond]);
        for (int v = target; v != source;)
        {
            int pe = parentEdge[localIndex[v]];
            SetBit(bits, localBond[pe]);
            v = mol.OtherAtom(pe, v);
        }

        if (IsKnown(bits))
        {
            return;
        }

        int length = distance[localIndex[target]] + 1;
        var ring = new int[length];
        int at = 0;
        for (int v = target; at < length; at++)
        {
            ring[at] = v;
            if (v == source)
            {
                break;
            }

            v = mol.OtherAtom(parentEdge[localIndex[v]], v);
        }

        candidates.Add(new Cycle(Canonical(ring), bits.ToArray()));
    }

    /// <summary>Breadth-first search over ring bonds from <paramref name="source"/>, not crossing <paramref name="skipBond"/>.</summary>
    private void Bfs(WorkingMolecule mol, int source, int skipBond, int atomCount)
    {
        Ensure(ref distance, atomCount);
        Ensure(ref queue, atomCount);
        parentEdge = EnsureReturn(parentEdge, Math.Max(atomCount, mol.AtomCount));
        Array.Fill(distance, -1, 0, atomCount);
        distance[localIndex[source]] = 0;
        parentEdge[localIndex[source]] = -1;
        int head = 0, tail = 0;
        queue[tail++] = source;
        while (head < tail)
        {
            int a = queue[head++];
            int da = distance[localIndex[a]];
            for (int k = mol.AdjStart[a]; k < mol.AdjStart[a + 1]; k++)
            {
                int b = mol.AdjBond[k];
                if (b == skipBond || !mol.BondInRing[b])
                {
                    continue;
                }

                int w = mol.AdjAtom[k];
                int lw = localIndex[w];
                if (distance[lw] < 0)
                {
                    distance[lw] = da + 1;
                    parentEdge[lw] = b;
                    queue[tail++] = w;
                }
            }
        }
    }

    private void HortonCycles(WorkingMolecule mol, int root, int atomCount, int words)
    {
        Bfs(mol, root, -1, atomCount);
        var parent = (int[])parentEdge.Clone();
        foreach (int bond in systemBonds)
        {
            int x = mol.BondBegin[bond], y = mol.BondEnd[bond];
            if (parent[localIndex[x]] == bond || parent[localIndex[y]] == bond)
            {
                continue;
            }

            var pathX = PathToRoot(mol, x, parent);
            var pathY = PathToRoot(mol, y, parent);
            bool disjoint = true;
            for (int i = 0; i < pathY.Count - 1 && disjoint; i++)
            {
                disjoint = !pathX.Contains(pathY[i]);
            }

            if (!disjoint)
            {
                continue;
            }

            var ring = new List<int>(pathX);
            for (int i = pathY.Count - 2; i >= 0; i--)
            {
                ring.Add(pathY[i]);
            }

            var bits = new ulong[words];
            for (int i = 0; i < ring.Count; i++)
            {
                int b = mol.BondBetween(ring[i], ring[(i + 1) % ring.Count]);
                SetBit(bits, localBond[b]);
            }

            AddCandidate(new Cycle(Canonical(ring.ToArray()), bits));
        }
    }

    private List<int> PathToRoot(WorkingMolecule mol, int atom, int[] parent)
    {
        var path = new List<int>();
        int v = atom;
        while (true)
        {
            path.Add(v);
            int pe = parent[localIndex[v]];
            if (pe < 0)
            {
                break;
            }

            v = mol.OtherAtom(pe, v);
        }

        return path;
    }

    /// <summary>Rotates and orients a ring so that equal rings compare equal: smallest atom first, smaller neighbour next.</summary>
    private static int[] Canonical(int[] ring)
    {
        int n = ring.Length;
        int start = 0;
        for (int i = 1; i < n; i++)
        {
            if (ring[i] < ring[start])
            {
                start = i;
            }
        }

        bool forward = ring[(start + 1) % n] < ring[(start + n - 1) % n];
        var result = new int[n];
        for (int i = 0; i < n; i++)
        {
            result[i] = forward ? ring[(start + i) % n] : ring[(start - i + n) % n];
        }

        return result;
    }

    private static void SetBit(Span<ulong> bits, int index) => bits[index >> 6] |= 1UL << (index & 63);

    private static void Ensure(ref int[] array, int size)
    {
        if (array.Length < size)
        {
            array = new int[Math.Max(size, array.Length * 2)];
        }
    }

    private static int[] EnsureReturn(int[] array, int size) => array.Length < size ? new int[Math.Max(size, array.Length * 2)] : array;

    private sealed class Cycle
    {
        public Cycle(int[] atoms, ulong[] bits)
        {
            Atoms = atoms;
            Bits = bits;
        }

        public int[] Atoms { get; }

        public ulong[] Bits { get; }
    }
}
