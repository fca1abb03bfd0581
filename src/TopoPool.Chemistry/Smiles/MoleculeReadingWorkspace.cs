namespace TopoPool.Chemistry.Smiles;

/// <summary>
/// Everything one thread needs to read SMILES, kept between reads so that the hot path allocates little:
/// parse, merge written hydrogens, ring bonds, implicit hydrogens, kekulize, valence check, rings, aromaticity,
/// stereo clean-up, then freeze into an immutable <see cref="Molecule"/>.
/// </summary>
internal sealed class MoleculeReadingWorkspace
{
    [ThreadStatic]
    private static MoleculeReadingWorkspace? current;

    private readonly WorkingMolecule mol = new();
    private readonly SmilesParser parser;
    private readonly RingPerception rings = new();
    private readonly Kekulizer kekulizer = new();
    private readonly AromaticityPerception aromaticity = new();
    private readonly StereoPerception stereo = new();
    private readonly List<int[]> sssr = new();
    private readonly List<int[]> aromaticRings = new();
    private bool[] mergedHydrogen = new bool[64];

    private MoleculeReadingWorkspace()
    {
        parser = new SmilesParser(mol);
    }

    public static MoleculeReadingWorkspace Current => current ??= new MoleculeReadingWorkspace();

    public SmilesError? Read(string smiles, out Molecule? molecule)
    {
        molecule = null;
        var error = parser.Parse(smiles);
        if (error is not null)
        {
            return error;
        }

        mol.BuildAdjacency();
        MoveBracketHydrogenLast();
        MergeWrittenHydrogens();

        rings.MarkRingBonds(mol);
        error = CheckAromaticAtomsInRings();
        if (error is not null)
        {
            return error;
        }

        // Aromatic bonds outside rings are single (biphenyl's inter-ring bond written without a symbol).
        for (int b = 0; b < mol.BondCount; b++)
        {
            if (mol.Order[b] == WorkingMolecule.AromaticOrder && !mol.BondInRing[b])
            {
                mol.Order[b] = 1;
            }
        }

        ValenceRules.ChargeSeparate(mol);
        int bad = ValenceRules.AssignImplicitHydrogens(mol);
        if (bad >= 0)
        {
            return ValenceError(bad);
        }

        int stuck = kekulizer.Kekulize(mol);
        if (stuck >= 0)
        {
            int p = mol.AtomPosition[stuck];
            return new SmilesError(p, $"cannot kekulize the aromatic system of atom '{WrittenSymbol(stuck)}' at position {p}");
        }

        bad = ValenceRules.CheckValences(mol);
        if (bad >= 0)
        {
            return ValenceError(bad);
        }

        // Ring systems that cannot hold an aromatic ring are left to Molecule.Rings, which finds them on demand.
        bool allRings = rings.FindRings(mol, sssr, aromaticRings, onlyPossiblyAromatic: true);
        aromaticity.Perceive(mol, aromaticRings);
        stereo.Clean(mol);
        molecule = mol.ToMolecule(smiles, sssr, allRings);
        return null;
    }

    private SmilesError ValenceError(int atom)
    {
        int p = mol.AtomPosition[atom];
        int valence = ValenceRules.EffectiveValence(mol, atom);
        return new SmilesError(p, $"valence {valence} of atom '{WrittenSymbol(atom)}' at position {p} is more than allowed");
    }

    private string WrittenSymbol(int atom)
    {
        string symbol = ChemicalElements.Symbols[mol.AtomicNumber[atom]];
        return mol.WrittenAromatic[atom] ? symbol.ToLowerInvariant() : symbol;
    }

    private SmilesError? CheckAromaticAtomsInRings()
    {
        for (int a = 0; a < mol.AtomCount; a++)
        {
            if (mol.WrittenAromatic[a] && !mol.AtomInRing[a])
            {
                int p = mol.AtomPosition[a];
                return new SmilesError(p, $"aromatic atom '{WrittenSymbol(a)}' outside a ring at position {p}");
            }
        }

        return null;
    }

    /// <summary>
    /// Chiral tags are kept relative to the neighbour order with the hydrogen last (RDKit's convention). In SMILES the
    /// bracket hydrogen of [C@H] stands right after the preceding atom, or first when there is none.
    /// </summary>
    private void MoveBracketHydrogenLast()
    {
        for (int a = 0; a < mol.AtomCount; a++)
        {
            int tag = mol.Chiral[a];
            if ((tag == 1 || tag == 2) && mol.ExplicitH[a] == 1)
            {
                int hydrogenIndex = mol.HasPrevious[a] ? 1 : 0;
                int swaps = mol.Degree(a) - hydrogenIndex;
                if (swaps > 0 && swaps % 2 == 1)
                {
                    mol.Chiral[a] = 3 - tag;
                }
            }
        }
    }

    /// <summary>
    /// Plain hydrogen atoms ([H], no isotope) bonded by a single bond to one heavy, non-wildcard atom become that
    /// atom's explicit hydrogens, as RDKit's RemoveHs does; isotopic, isolated or bridging hydrogens stay atoms.
    /// </summary>
    private void MergeWrittenHydrogens()
    {
        int n = mol.AtomCount;
        bool any = false;
        for (int a = 0; a < n; a++)
        {
            if (IsMergeableHydrogen(a))
            {
                any = true;
                break;
            }
        }

        if (!any)
        {
            return;
        }

        if (mergedHydrogen.Length < n)
        {
            mergedHydrogen = new bool[n * 2];
        }

        Array.Clear(mergedHydrogen, 0, n);

        // Mark and credit the neighbours, adjusting chiral parity as if the hydrogen moved last.
        for (int a = 0; a < n; a++)
        {
            if (!IsMergeableHydrogen(a))
            {
                continue;
            }

            int heavy = mol.AdjAtom[mol.AdjStart[a]];
            int tag = mol.Chiral[heavy];
            if (tag == 1 || tag == 2)
            {
                int index = 0;
                for (int k = mol.AdjStart[heavy]; k < mol.AdjStart[heavy + 1]; k++)
                {
                    if (mol.AdjAtom[k] == a)
                    {
                        index = k - mol.AdjStart[heavy];
                    }
                }

                int swaps = mol.Degree(heavy) - 1 - index;
                if (swaps % 2 == 1)
                {
                    mol.Chiral[heavy] = 3 - tag;
                }
            }

            mol.ExplicitH[heavy] += 1;
            mergedHydrogen[a] = true;
        }

        mol.RemoveAtoms(mergedHydrogen.AsSpan(0, n));
    }

    private bool IsMergeableHydrogen(int a)
    {
        if (mol.AtomicNumber[a] != 1 || mol.Isotope[a] != 0 || mol.ExplicitH[a] != 0 || mol.Degree(a) != 1)
        {
            return false;
        }

        int k = mol.AdjStart[a];
        int heavy = mol.AdjAtom[k];
        int z = mol.AtomicNumber[heavy];
        return z > 1 && mol.Order[mol.AdjBond[k]] == 1;
    }
}
