namespace TopoPool.Chemistry;

/// <summary>
/// The Bemis–Murcko scaffold of a molecule as RDKit's <c>MurckoScaffold.GetScaffoldForMol</c> builds it: ring
/// atoms and the linker atoms on paths between rings, plus atoms joined to those by a double bond (exocyclic
/// C=O, C=N, C=C); side chains are removed, and a molecule (or fragment) without rings contributes nothing.
/// <see cref="Key"/> is a canonical form of the scaffold graph (element, aromaticity, charge, hydrogen count,
/// bond orders; chirality and isotopes ignored): two scaffolds have the same key exactly when they are the same
/// graph. Hydrogens are counted as in RDKit's scaffold, where an atom that lost a side chain gains a hydrogen;
/// they are what tells tautomers such as c1nc[nH]c1 and c1[nH]cnc1 apart, as TDC's scaffold split does.
/// </summary>
public sealed class MurckoScaffold
{
    private MurckoScaffold(Molecule molecule, int[] atoms, int[] bonds, string key)
    {
        Molecule = molecule;
        AtomIndices = Array.AsReadOnly(atoms);
        BondIndices = Array.AsReadOnly(bonds);
        Key = key;
    }

    /// <summary>The molecule the scaffold was taken from.</summary>
    public Molecule Molecule { get; }

    /// <summary>Indices (in <see cref="Molecule"/>) of the scaffold's atoms, ascending.</summary>
    public IReadOnlyList<int> AtomIndices { get; }

    /// <summary>Indices (in <see cref="Molecule"/>) of the bonds between scaffold atoms, ascending.</summary>
    public IReadOnlyList<int> BondIndices { get; }

    /// <summary>The canonical key; the empty string for an acyclic molecule.</summary>
    public string Key { get; }

    public bool IsEmpty => AtomIndices.Count == 0;

    public static MurckoScaffold Of(Molecule molecule)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        int n = molecule.AtomCount;
        var degree = new int[n];
        var removed = new bool[n];
        var stack = new Stack<int>();
        for (int a = 0; a < n; a++)
        {
            degree[a] = molecule.NeighboursOf(a).Length;
            if (degree[a] <= 1 && !molecule.Atoms[a].IsInRing)
            {
                stack.Push(a);
            }
        }

        // Prune chain ends until only rings and the linkers between them remain (acyclic parts vanish whole).
        while (stack.Count > 0)
        {
            int a = stack.Pop();
            if (removed[a])
            {
                continue;
            }

            removed[a] = true;
            foreach (int w in molecule.NeighboursOf(a))
            {
                if (!removed[w] && --degree[w] <= 1 && !molecule.Atoms[w].IsInRing)
                {
                    stack.Push(w);
                }
            }
        }

        var kept = new bool[n];
        for (int a = 0; a < n; a++)
        {
            kept[a] = !removed[a];
        }

        // Atoms hanging on the core by a double bond stay (but nothing beyond them).
        foreach (var bond in molecule.Bonds)
        {
            if (bond.Order != BondOrder.Double)
            {
                continue;
            }

            if (!removed[bond.Begin] && removed[bond.End])
            {
                kept[bond.End] = true;
            }
            else if (!removed[bond.End] && removed[bond.Begin])
            {
                kept[bond.Begin] = true;
            }
        }

        var atoms = new List<int>();
        var hydrogens = new List<int>();
        for (int a = 0; a < n; a++)
        {
            if (!kept[a])
            {
                continue;
            }

            // A bond to a removed side chain becomes a bond to hydrogen.
            int h = molecule.Atoms[a].TotalHydrogens;
            foreach (int b in molecule.BondsOf(a))
            {
                var bond = molecule.Bonds[b];
                if (!kept[bond.OtherAtom(a)])
                {
                    h += bond.Order is BondOrder.Aromatic ? 1 : (int)bond.Order;
                }
            }

            atoms.Add(a);
            hydrogens.Add(h);
        }

        var bonds = new List<int>();
        foreach (var bond in molecule.Bonds)
        {
            if (kept[bond.Begin] && kept[bond.End])
            {
                bonds.Add(bond.Index);
            }
        }

        string key = CanonicalGraphLabelling.Key(molecule, atoms, hydrogens, bonds);
        return new MurckoScaffold(molecule, atoms.ToArray(), bonds.ToArray(), key);
    }

    public override string ToString() => Key;
}
