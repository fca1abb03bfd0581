namespace TopoPool.Chemistry;

/// <summary>
/// Turns the aromatic bonds of a SMILES written with lowercase atoms into alternating single and double bonds:
/// every aromatic atom that still lacks a π bond (by its default valence, charge and hydrogens) must get exactly
/// one double bond among its aromatic bonds; a wildcard atom on aromatic bonds may take one or not. That is a
/// matching covering every required atom, found with Edmonds' blossom algorithm (fused five-membered rings make
/// the graph non-bipartite), augmenting only from unmatched required atoms.
/// </summary>
internal sealed class Kekulizer
{
    private int[] vertexOf = new int[64];
    private int[] atomOf = new int[64];
    private int[] match = new int[64];
    private int[] parent = new int[64];
    private int[] baseOf = new int[64];
    private int[] queue = new int[64];
    private bool[] used = new bool[64];
    private bool[] blossom = new bool[64];
    private bool[] lcaSeen = new bool[64];
    private bool[] required = new bool[64];
    private int[] adjStart = new int[65];
    private int[] adj = new int[128];

    /// <summary>Assigns the double bonds; returns the atom that could not be given one, or -1 on success.</summary>
    public int Kekulize(WorkingMolecule mol)
    {
        int n = mol.AtomCount;
        Ensure(ref vertexOf, n);
        int count = 0;
        for (int a = 0; a < n; a++)
        {
            vertexOf[a] = -1;
            bool needs = mol.WrittenAromatic[a] && NeedsDoubleBond(mol, a);
            if (needs || IsAromaticWildcard(mol, a))
            {
                Ensure(ref atomOf, count + 1);
                EnsureBoolKeep(ref required, count + 1);
                atomOf[count] = a;
                required[count] = needs;
                vertexOf[a] = count++;
            }
        }

        // Aromatic bonds become single unless the matching makes them double.
        for (int b = 0; b < mol.BondCount; b++)
        {
            if (mol.Order[b] == WorkingMolecule.AromaticOrder)
            {
                mol.Order[b] = 1;
                mol.BondAromatic[b] = true;
            }
        }

        if (count == 0)
        {
            return -1;
        }

        BuildGraph(mol, count);
        Ensure(ref match, count);
        Ensure(ref parent, count);
        Ensure(ref baseOf, count);
        Ensure(ref queue, count);
        EnsureBool(ref used, count);
        EnsureBool(ref blossom, count);
        EnsureBool(ref lcaSeen, count);
        Array.Fill(match, -1, 0, count);

        // Greedy start among required atoms; augmenting paths fix the rest.
        for (int v = 0; v < count; v++)
        {
            if (match[v] >= 0 || !required[v])
            {
                continue;
            }

            for (int k = adjStart[v]; k < adjStart[v + 1]; k++)
            {
                int w = adj[k];
                if (match[w] < 0 && required[w])
                {
                    match[v] = w;
                    match[w] = v;
                    break;
                }
            }
        }

        for (int v = 0; v < count; v++)
        {
            if (match[v] < 0 && required[v])
            {
                int end = FindPath(v, count);
                if (end < 0)
                {
                    return atomOf[v];
                }

                Augment(end);
            }
        }

        for (int v = 0; v < count; v++)
        {
            int w = match[v];
            if (w > v)
            {
                int bond = mol.BondBetween(atomOf[v], atomOf[w]);
                mol.Order[bond] = 2;
            }
        }

        return -1;
    }

    /// <summary>
    /// Whether a written-aromatic atom has one valence unit left for a ring double bond: its default valence
    /// (moved by the charge as RDKit does) minus its σ bonds, exocyclic multiple bonds and hydrogens.
    /// </summary>
    internal static bool NeedsDoubleBond(WorkingMolecule mol, int atom)
    {
        int z = mol.AtomicNumber[atom];
        if (z == 0)
        {
            return false;
        }

        int used = mol.ExplicitH[atom] + mol.ImplicitH[atom];
        for (int k = mol.AdjStart[atom]; k < mol.AdjStart[atom + 1]; k++)
        {
            byte order = mol.Order[mol.AdjBond[k]];
            used += order == WorkingMolecule.AromaticOrder ? 1 : order;
        }

        return TargetValence(z, mol.Charge[atom]) - used >= 1;
    }

    private static bool IsAromaticWildcard(WorkingMolecule mol, int atom)
    {
        if (mol.AtomicNumber[atom] != 0)
        {
            return false;
        }

        for (int k = mol.AdjStart[atom]; k < mol.AdjStart[atom + 1]; k++)
        {
            if (mol.Order[mol.AdjBond[k]] == WorkingMolecule.AromaticOrder)
            {
                return true;
            }
        }

        return false;
    }

    internal static int TargetValence(int z, int charge)
    {
        int dv = ChemicalElements.DefaultValence(z);
        if (dv < 0)
        {
            return 0;
        }

        if (charge == 0)
        {
            return dv;
        }

        if (z == 6)
        {
            return 3;
        }

        return ChemicalElements.OuterElectrons[z] >= 4 ? dv + charge : dv - charge;
    }

    private void BuildGraph(WorkingMolecule mol, int count)
    {
        Ensure(ref adjStart, count + 1);
        int edges = 0;
        for (int v = 0; v < count; v++)
        {
            adjStart[v] = edges;
            int a = atomOf[v];
            for (int k = mol.AdjStart[a]; k < mol.AdjStart[a + 1]; k++)
            {
                int b = mol.AdjBond[k];
                int w = vertexOf[mol.AdjAtom[k]];
                if (!mol.BondAromatic[b] || w < 0)
                {
                    continue;
                }

                Ensure(ref adj, edges + 1);
                adj[edges] = w;
                edges++;
            }
        }

        adjStart[count] = edges;
    }

    private int Lca(int a, int b, int count)
    {
        Array.Clear(lcaSeen, 0, count);
        while (true)
        {
            a = baseOf[a];
            lcaSeen[a] = true;
            if (match[a] < 0)
            {
                break;
            }

            a = parent[match[a]];
        }

        while (true)
        {
            b = baseOf[b];
            if (lcaSeen[b])
            {
                return b;
            }

            b = parent[match[b]];
        }
    }

    private void MarkPath(int v, int b, int child)
    {
        while (baseOf[v] != b)
        {
            blossom[baseOf[v]] = true;
            blossom[baseOf[match[v]]] = true;
            parent[v] = child;
            child = match[v];
            v = parent[match[v]];
        }
    }

    private int FindPath(int root, int count)
    {
        Array.Clear(used, 0, count);
        Array.Fill(parent, -1, 0, count);
        for (int i = 0; i < count; i++)
        {
            baseOf[i] = i;
        }

        used[root] = true;
        int head = 0, tail = 0;
        queue[tail++] = root;
        while (head < tail)
        {
            int v = queue[head++];
            for (int k = adjStart[v]; k < adjStart[v + 1]; k++)
            {
                int to = adj[k];
                if (baseOf[v] == baseOf[to] || match[v] == to)
                {
                    continue;
                }

                if (to == root || (match[to] >= 0 && parent[match[to]] >= 0))
                {
                    int current = Lca(v, to, count);
                    Array.Clear(blossom, 0, count);
                    MarkPath(v, current, to);
                    MarkPath(to, current, v);
                    for (int i = 0; i < count; i++)
                    {
                        if (blossom[baseOf[i]])
                        {
                            baseOf[i] = current;
                            if (!used[i])
                            {
                                used[i] = true;
                                queue[tail++] = i;
                            }
                        }
                    }
                }
                else if (parent[to] < 0)
                {
                    parent[to] = v;
                    if (match[to] < 0)
                    {
                        return to;
                    }

                    used[match[to]] = true;
                    queue[tail++] = match[to];
                }
            }
        }

        return -1;
    }

    private void Augment(int v)
    {
        while (v >= 0)
        {
            int pv = parent[v];
            int ppv = match[pv];
            match[v] = pv;
            match[pv] = v;
            v = ppv;
        }
    }

    /// <summary>Grows the array keeping its contents (some arrays are grown while being filled).</summary>
    private static void Ensure(ref int[] array, int size)
    {
        if (array.Length < size)
        {
            Array.Resize(ref array, Math.Max(size, array.Length * 2));
        }
    }

    private static void EnsureBoolKeep(ref bool[] array, int size)
    {
        if (array.Length < size)
        {
            Array.Resize(ref array, Math.Max(size, array.Length * 2));
        }
    }

    private static void EnsureBool(ref bool[] array, int size)
    {
        if (array.Length < size)
        {
            array = new bool[Math.Max(size, array.Length * 2)];
        }
    }
}
