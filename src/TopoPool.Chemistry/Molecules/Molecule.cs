using TopoPool.Core;

namespace TopoPool.Chemistry;

/// <summary>
/// An immutable molecule graph read from SMILES or a molfile: atoms in input order, each bond once, aromaticity
/// perceived (RDKit's default model), ring membership and the smallest set of smallest rings.
/// </summary>
public sealed class Molecule
{
    private readonly Atom[] atoms;
    private readonly Bond[] bonds;
    // Compressed adjacency: the neighbours of atom i are neighbourAtoms[neighbourStart[i] .. neighbourStart[i + 1]),
    // in the order the bonds were written; neighbourBonds holds the matching bond indices.
    private readonly int[] neighbourStart;
    private readonly int[] neighbourAtoms;
    private readonly int[] neighbourBonds;
    private int[][]? rings;
    private IReadOnlyList<IReadOnlyList<int>>? ringList;

    /// <param name="smiles">The SMILES it was read from, as given; empty for a molfile.</param>
    /// <param name="atoms">The atoms, in input order.</param>
    /// <param name="bonds">The bonds, in input order.</param>
    /// <param name="neighbourStart">Compressed adjacency offsets (atoms + 1 entries).</param>
    /// <param name="neighbourAtoms">The neighbour atoms, per atom in bond order.</param>
    /// <param name="neighbourBonds">The bond index of each entry of <paramref name="neighbourAtoms"/>.</param>
    /// <param name="rings">The SSSR, or null to find it when first asked for.</param>
    internal Molecule(string smiles, Atom[] atoms, Bond[] bonds, int[] neighbourStart, int[] neighbourAtoms, int[] neighbourBonds, int[][]? rings)
    {
        Smiles = smiles;
        this.atoms = atoms;
        this.bonds = bonds;
        this.neighbourStart = neighbourStart;
        this.neighbourAtoms = neighbourAtoms;
        this.neighbourBonds = neighbourBonds;
        this.rings = rings;
        Atoms = Array.AsReadOnly(atoms);
        Bonds = Array.AsReadOnly(bonds);
    }

    /// <summary>The SMILES this molecule was read from, as given; empty for a molecule read from a molfile.</summary>
    public string Smiles { get; }

    public IReadOnlyList<Atom> Atoms { get; }

    public IReadOnlyList<Bond> Bonds { get; }

    public int AtomCount => atoms.Length;

    public int BondCount => bonds.Length;

    /// <summary>Indices of the atoms bonded to <paramref name="atom"/>, in the order of <see cref="BondsOf"/>.</summary>
    public ReadOnlySpan<int> NeighboursOf(int atom) =>
        neighbourAtoms.AsSpan(neighbourStart[atom], neighbourStart[atom + 1] - neighbourStart[atom]);

    /// <summary>Indices of the bonds at <paramref name="atom"/>, in the order they were written.</summary>
    public ReadOnlySpan<int> BondsOf(int atom) =>
        neighbourBonds.AsSpan(neighbourStart[atom], neighbourStart[atom + 1] - neighbourStart[atom]);

    /// <summary>The bond joining two atoms, or null when they are not bonded.</summary>
    public Bond? BondBetween(int first, int second)
    {
        for (int k = neighbourStart[first]; k < neighbourStart[first + 1]; k++)
        {
            if (neighbourAtoms[k] == second)
            {
                return bonds[neighbourBonds[k]];
            }
        }

        return null;
    }

    /// <summary>The smallest set of smallest rings; each ring lists its atom indices in ring order.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Rings => ringList ??= WrapRings(RingArrays);

    internal int[][] RingArrays => rings ??= FindRings();

    /// <summary>The connected components, each as its atom indices ascending, ordered by their first atom.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Fragments()
    {
        var component = new int[atoms.Length];
        Array.Fill(component, -1);
        var result = new List<IReadOnlyList<int>>();
        var stack = new Stack<int>();
        for (int start = 0; start < atoms.Length; start++)
        {
            if (component[start] >= 0)
            {
                continue;
            }

            int id = result.Count;
            var members = new List<int>();
            component[start] = id;
            stack.Push(start);
            while (stack.Count > 0)
            {
                int a = stack.Pop();
                members.Add(a);
                foreach (int n in NeighboursOf(a))
                {
                    if (component[n] < 0)
                    {
                        component[n] = id;
                        stack.Push(n);
                    }
                }
            }

            members.Sort();
            result.Add(members.AsReadOnly());
        }

        return result.AsReadOnly();
    }

    /// <summary>A Core graph with one node per atom (same indices) and each bond once as <c>Edge(Begin, End)</c>.</summary>
    public Graph ToGraph(FeatureMatrix features)
    {
        var edges = new Edge[bonds.Length];
        for (int i = 0; i < bonds.Length; i++)
        {
            edges[i] = new Edge(bonds[i].Begin, bonds[i].End);
        }

        return Graph.Create(atoms.Length, edges, features);
    }

    public override string ToString() => Smiles;

    private int[][] FindRings()
    {
        var working = WorkingMolecule.From(this);
        var perception = new RingPerception();
        perception.MarkRingBonds(working);
        var sssr = new List<int[]>();
        perception.FindRings(working, sssr, new List<int[]>(), onlyPossiblyAromatic: false);
        return sssr.ToArray();
    }

    private static IReadOnlyList<IReadOnlyList<int>> WrapRings(int[][] rings)
    {
        var wrapped = new IReadOnlyList<int>[rings.Length];
        for (int i = 0; i < rings.Length; i++)
        {
            wrapped[i] = Array.AsReadOnly(rings[i]);
        }

        return Array.AsReadOnly(wrapped);
    }
}
