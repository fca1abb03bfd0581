using TopoPool.Chemistry;

namespace TopoPool.Depiction;

/// <summary>
/// The bonds of a molecule as a Kekulé structure, for drawing: each aromatic atom that lacks a π bond (by its
/// element's usual valence, its charge, hydrogens and other bonds — pyridine's N and benzene's C, not pyrrole's NH
/// or thiophene's S) gets exactly one double bond among its aromatic bonds, the rest are single. That is a perfect
/// matching of those atoms over the aromatic bonds between them, found with Edmonds' blossom algorithm (fused
/// five-membered rings make the graph non-bipartite). The Chemistry reader kekulizes the same way but keeps its
/// Kekulizer internal and stores the aromatic orders, so the drawing finds its own structure.
/// Should no perfect matching exist (an unusual charge state), the atoms left over keep their aromatic bonds, which
/// are then drawn in the aromatic style.
/// </summary>
internal static class KekuleForm
{
    /// <summary>How each bond of <paramref name="molecule"/> is drawn, in bond order.</summary>
    public static DepictionBondOrder[] Orders(Molecule molecule)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        var orders = molecule.Bonds.Select(b => MoleculeGraph.OrderOf(b.Order)).ToArray();
        var vertexOf = new int[molecule.AtomCount];
        var atomOf = new List<int>();
        for (int a = 0; a < molecule.AtomCount; a++)
        {
            vertexOf[a] = -1;
            if (molecule.Atoms[a].IsAromatic && NeedsDoubleBond(molecule, a))
            {
                vertexOf[a] = atomOf.Count;
                atomOf.Add(a);
            }
        }

        var adjacency = atomOf.Select(_ => new List<(int Vertex, int Bond)>()).ToArray();
        foreach (var bond in molecule.Bonds)
        {
            int u = vertexOf[bond.Begin], v = vertexOf[bond.End];
            if (bond.IsAromatic && u >= 0 && v >= 0)
            {
                adjacency[u].Add((v, bond.Index));
                adjacency[v].Add((u, bond.Index));
            }
        }

        var match = MaximumMatching(adjacency.Select(list => list.Select(e => e.Vertex).ToArray()).ToArray());
        var covered = new bool[molecule.AtomCount];
        for (int u = 0; u < match.Length; u++)
        {
            if (match[u] > u)
            {
                int bond = adjacency[u].First(e => e.Vertex == match[u]).Bond;
                orders[bond] = DepictionBondOrder.Double;
            }

            covered[atomOf[u]] = match[u] >= 0;
        }

        foreach (var bond in molecule.Bonds)
        {
            bool leftOver = (vertexOf[bond.Begin] >= 0 && !covered[bond.Begin]) || (vertexOf[bond.End] >= 0 && !covered[bond.End]);
            if (bond.IsAromatic && orders[bond.Index] == DepictionBondOrder.Aromatic && !leftOver)
            {
                orders[bond.Index] = DepictionBondOrder.Single;
            }
        }

        return orders;
    }

    /// <summary>Whether the atom's usual valence leaves it one bond short when every aromatic bond counts as single.</summary>
    private static bool NeedsDoubleBond(Molecule molecule, int atom)
    {
        var a = molecule.Atoms[atom];
        int used = a.TotalHydrogens;
        foreach (int b in molecule.BondsOf(atom))
        {
            used += molecule.Bonds[b].Order switch
            {
                BondOrder.Double => 2,
                BondOrder.Triple => 3,
                BondOrder.Quadruple => 4,
                _ => 1,
            };
        }

        int charge = a.FormalCharge;
        int? valence = a.AtomicNumber switch
        {
            5 or 13 => 3 - charge,
            6 or 14 or 32 => 4 - Math.Abs(charge),
            7 or 15 or 33 => 3 + charge,
            8 or 16 or 34 or 52 => 2 + charge,
            _ => null,
        };
        return valence is int v && v - used >= 1;
    }

    /// <summary>
    /// A maximum matching of a general graph (Edmonds): match[v] is v's partner or -1. A greedy pass first, then an
    /// augmenting path from every vertex left unmatched, odd cycles (blossoms) shrunk to their base as they are met.
    /// </summary>
    private static int[] MaximumMatching(int[][] adjacency)
    {
        int n = adjacency.Length;
        var match = new int[n];
        Array.Fill(match, -1);
        for (int v = 0; v < n; v++)
        {
            if (match[v] < 0)
            {
                foreach (int w in adjacency[v])
                {
                    if (match[w] < 0)
                    {
                        match[v] = w;
                        match[w] = v;
                        break;
                    }
                }
            }
        }

        var parent = new int[n];
        var baseOf = new int[n];
        var outer = new bool[n];
        var inBlossom = new bool[n];
        var onPath = new bool[n];
        var queue = new Queue<int>();

        for (int root = 0; root < n; root++)
        {
            if (match[root] >= 0)
            {
                continue;
            }

            // Flip the matching along the path found, from its free end back to the root.
            for (int end = FindAugmentingPath(root); end >= 0;)
            {
                int previous = parent[end], next = match[previous];
                match[end] = previous;
                match[previous] = end;
                end = next;
            }
        }

        return match;

        int FindAugmentingPath(int root)
        {
            Array.Fill(parent, -1);
            Array.Fill(outer, false);
            for (int i = 0; i < n; i++)
            {
                baseOf[i] = i;
            }

            queue.Clear();
            outer[root] = true;
            queue.Enqueue(root);
            while (queue.Count > 0)
            {
                int v = queue.Dequeue();
                foreach (int to in adjacency[v])
                {
                    if (baseOf[v] == baseOf[to] || match[v] == to)
                    {
                        continue;
                    }

                    if (to == root || (match[to] >= 0 && parent[match[to]] >= 0))
                    {
                        // An edge between two outer vertices closes an odd cycle: shrink it to its base.
                        int common = LowestCommonBase(v, to);
                        Array.Fill(inBlossom, false);
                        MarkBlossomPath(v, common, to);
                        MarkBlossomPath(to, common, v);
                        for (int i = 0; i < n; i++)
                        {
                            if (inBlossom[baseOf[i]])
                            {
                                baseOf[i] = common;
                                if (!outer[i])
                                {
                                    outer[i] = true;
                                    queue.Enqueue(i);
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

                        outer[match[to]] = true;
                        queue.Enqueue(match[to]);
                    }
                }
            }

            return -1;
        }

        int LowestCommonBase(int a, int b)
        {
            Array.Fill(onPath, false);
            while (true)
            {
                a = baseOf[a];
                onPath[a] = true;
                if (match[a] < 0)
                {
                    break;
                }

                a = parent[match[a]];
            }

            while (true)
            {
                b = baseOf[b];
                if (onPath[b])
                {
                    return b;
                }

                b = parent[match[b]];
            }
        }

        void MarkBlossomPath(int v, int blossomBase, int child)
        {
            while (baseOf[v] != blossomBase)
            {
                inBlossom[baseOf[v]] = true;
                inBlossom[baseOf[match[v]]] = true;
                parent[v] = child;
                child = match[v];
                v = parent[match[v]];
            }
        }
    }
}
