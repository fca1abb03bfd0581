using TopoPool.Chemistry;
using TopoPool.Chemistry.Smiles;

namespace TopoPool.Depiction;

/// <summary>
/// What <see cref="MoleculeLayout"/> needs to know about a molecule: its atoms (as element symbols), its bonds with
/// their orders, and its rings (the smallest set of smallest rings, each in ring order). Kept apart from
/// <see cref="Molecule"/> so that the layout depends on nothing but this record.
/// </summary>
public sealed record MoleculeGraph
{
    public MoleculeGraph(int atomCount, IReadOnlyList<DepictionBond> bonds, IReadOnlyList<IReadOnlyList<int>> rings, IReadOnlyList<string> symbols)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(atomCount);
        ArgumentNullException.ThrowIfNull(bonds);
        ArgumentNullException.ThrowIfNull(rings);
        ArgumentNullException.ThrowIfNull(symbols);
        if (symbols.Count != atomCount)
        {
            throw new ArgumentException($"{symbols.Count} symbols were given for {atomCount} atoms", nameof(symbols));
        }

        for (int i = 0; i < bonds.Count; i++)
        {
            var bond = bonds[i];
            if ((uint)bond.Begin >= (uint)atomCount || (uint)bond.End >= (uint)atomCount || bond.Begin == bond.End)
            {
                throw new ArgumentException($"bond {i} joins atoms {bond.Begin} and {bond.End}, which is not a bond between two of the {atomCount} atoms", nameof(bonds));
            }
        }

        for (int r = 0; r < rings.Count; r++)
        {
            var ring = rings[r] ?? throw new ArgumentException($"ring {r} is null", nameof(rings));
            foreach (int atom in ring)
            {
                if ((uint)atom >= (uint)atomCount)
                {
                    throw new ArgumentException($"ring {r} names atom {atom}, but there are {atomCount} atoms", nameof(rings));
                }
            }
        }

        AtomCount = atomCount;
        Bonds = bonds;
        Rings = rings;
        Symbols = symbols;
    }

    public int AtomCount { get; }

    public IReadOnlyList<DepictionBond> Bonds { get; }

    /// <summary>The smallest set of smallest rings, each listing its atoms in ring order.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Rings { get; }

    /// <summary>The element symbol of each atom ("C", "Cl").</summary>
    public IReadOnlyList<string> Symbols { get; }

    /// <summary>The graph of a parsed molecule: same atom indices, each bond once, its rings.</summary>
    public static MoleculeGraph FromMolecule(Molecule molecule)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        var bonds = new DepictionBond[molecule.BondCount];
        for (int i = 0; i < bonds.Length; i++)
        {
            var bond = molecule.Bonds[i];
            bonds[i] = new DepictionBond(bond.Begin, bond.End, OrderOf(bond.Order));
        }

        var symbols = new string[molecule.AtomCount];
        for (int i = 0; i < symbols.Length; i++)
        {
            symbols[i] = molecule.Atoms[i].Symbol;
        }

        return new MoleculeGraph(molecule.AtomCount, bonds, molecule.Rings, symbols);
    }

    /// <summary>Parses <paramref name="smiles"/> and returns its graph; throws <see cref="SmilesException"/> when it cannot.</summary>
    public static MoleculeGraph FromSmiles(string smiles) => FromMolecule(SmilesReader.Parse(smiles));

    /// <summary>How a bond of the chemistry model is drawn; a quadruple bond (rare) is drawn as a triple one.</summary>
    internal static DepictionBondOrder OrderOf(BondOrder order) => order switch
    {
        BondOrder.Double => DepictionBondOrder.Double,
        BondOrder.Triple or BondOrder.Quadruple => DepictionBondOrder.Triple,
        BondOrder.Aromatic => DepictionBondOrder.Aromatic,
        _ => DepictionBondOrder.Single,
    };
}
