namespace TopoPool.Chemistry.Sdf;

/// <summary>
/// Turns a <see cref="MolBlock"/> into a <see cref="Molecule"/> through the same perception steps as the SMILES
/// reader, in the order RDKit 2022.09 applies them to a molfile: valence fields, clean-up of neutral nitro-like
/// groups, implicit hydrogens (with hydrogen atoms still present), chiral tags from 3D coordinates or from 2D wedges,
/// folding of hydrogen atoms (RemoveHs), implicit hydrogens again, kekulization of aromatic bonds, the valence check,
/// radicals for atoms with a fixed hydrogen count, rings, aromaticity, and the stereocentre clean-up. Atoms stay in
/// file order (folded hydrogens leave gaps closed up). One instance per thread; it reuses its scratch space.
/// </summary>
internal sealed class MolBlockMoleculeBuilder
{
    [ThreadStatic]
    private static MolBlockMoleculeBuilder? current;

    private readonly WorkingMolecule mol = new();
    private readonly RingPerception rings = new();
    private readonly Kekulizer kekulizer = new();
    private readonly AromaticityPerception aromaticity = new();
    private readonly StereoPerception stereo = new();
    private readonly HydrogenAtomFolding folding = new();
    private readonly List<int[]> sssr = new();
    private readonly List<int[]> aromaticRings = new();
    private bool[] wavy = new bool[64];

    public static MolBlockMoleculeBuilder Current => current ??= new MolBlockMoleculeBuilder();

    /// <summary>
    /// Builds the molecule, or returns why it cannot be built; <paramref name="firstFileLine"/> is the file line of
    /// the record's first line, for messages.
    /// </summary>
    public string? Build(MolBlock block, int firstFileLine, out Molecule? molecule)
    {
        molecule = null;
        mol.Reset();
        for (int a = 0; a < block.AtomCount; a++)
        {
            int atom = mol.AddAtom(block.AtomicNumber[a], aromatic: false, bracket: block.Valence[a] != MolBlock.NoValence, position: a);
            mol.Isotope[atom] = block.Isotope[a];
            mol.Charge[atom] = block.Charge[a];
            mol.Radicals[atom] = block.Radicals[a];
            mol.AtomClass[atom] = block.MapNumber[a];
        }

        for (int b = 0; b < block.BondCount; b++)
        {
            int begin = block.BondBegin[b], end = block.BondEnd[b];
            byte type = block.BondType[b];
            int bond = mol.AddBond(begin, end, type == 4 ? WorkingMolecule.AromaticOrder : type, 0);
            mol.AddSlot(begin, bond);
            mol.AddSlot(end, bond);
            if (type == 4)
            {
                mol.WrittenAromatic[begin] = true;
                mol.WrittenAromatic[end] = true;
            }
        }

        mol.BuildAdjacency();
        string? error = CheckRepeatedBonds(block, firstFileLine);
        if (error is not null)
        {
            return error;
        }

        ApplyValenceFields(block);
        ValenceRules.ChargeSeparate(mol);
        ValenceRules.AssignMolfileHydrogens(mol);
        if (block.IsThreeDimensional)
        {
            GeometricChirality.AssignFrom3D(mol, block.X, block.Y, block.Z);
        }
        else if (HasWedges(block))
        {
            GeometricChirality.AssignFromWedges(mol, block.X, block.Y, block.BondStereo);
        }

        folding.Fold(mol, block.BondStereo.AsSpan(0, block.BondCount));
        ValenceRules.AssignMolfileHydrogens(mol);

        rings.MarkRingBonds(mol);
        PrepareAromaticBonds();
        int stuck = kekulizer.Kekulize(mol);
        if (stuck >= 0)
        {
            return $"{Describe(block, stuck, firstFileLine)}: cannot kekulize the aromatic bonds around this atom";
        }

        int bad = ValenceRules.CheckValences(mol);
        if (bad >= 0)
        {
            int valence = ValenceRules.EffectiveValence(mol, bad);
            return $"{Describe(block, bad, firstFileLine)}: valence {valence} is more than allowed";
        }

        ValenceRules.AssignRadicals(mol);
        bool allRings = rings.FindRings(mol, sssr, aromaticRings, onlyPossiblyAromatic: true);
        aromaticity.Perceive(mol, aromaticRings);
        if (HasChiralTags())
        {
            // Only needed when double bonds could tell apart the neighbours of a stereocentre.
            MarkWavyBonds(block);
            DoubleBondGeometry.MarkFromCoordinates(mol, block.X, block.Y, block.Z, wavy.AsSpan(0, block.BondCount));
        }

        stereo.Clean(mol);
        molecule = mol.ToMolecule(string.Empty, sssr, allRings);
        return null;
    }

    private bool HasChiralTags()
    {
        for (int a = 0; a < mol.AtomCount; a++)
        {
            if (mol.Chiral[a] != 0)
            {
                return true;
            }
        }

        return false;
    }

    private void MarkWavyBonds(MolBlock block)
    {
        if (wavy.Length < block.BondCount)
        {
            wavy = new bool[block.BondCount * 2];
        }

        for (int b = 0; b < block.BondCount; b++)
        {
            wavy[b] = block.BondStereo[b] == 4 || block.BondStereo[b] == 3;
        }
    }

    private static bool HasWedges(MolBlock block)
    {
        for (int b = 0; b < block.BondCount; b++)
        {
            if (block.BondStereo[b] == 1 || block.BondStereo[b] == 6)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A valence field fixes the atom's hydrogens: the valence less its bonds (15 in the file means 0).</summary>
    private void ApplyValenceFields(MolBlock block)
    {
        for (int a = 0; a < mol.AtomCount; a++)
        {
            int valence = block.Valence[a];
            if (valence == MolBlock.NoValence)
            {
                continue;
            }

            mol.ExplicitH[a] = Math.Max(0, valence - ValenceRules.MolfileExplicitValence(mol, a));
        }
    }

    private string? CheckRepeatedBonds(MolBlock block, int firstFileLine)
    {
        for (int b = 0; b < mol.BondCount; b++)
        {
            int begin = mol.BondBegin[b], end = mol.BondEnd[b];
            for (int k = mol.AdjStart[begin]; k < mol.AdjStart[begin + 1]; k++)
            {
                if (mol.AdjAtom[k] == end && mol.AdjBond[k] < b)
                {
                    int line = block.BondLine[b];
                    return $"bond block line {b + 1} (file line {firstFileLine + line - 1}): atoms {begin + 1} and {end + 1} are already bonded";
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Aromatic bonds (type 4) off any ring are single, and atoms off any ring are not aromatic, as RDKit reads
    /// them (a chain c~c~c keeps the hydrogens its aromatic bonds implied; biphenyl's link becomes single).
    /// </summary>
    private void PrepareAromaticBonds()
    {
        for (int b = 0; b < mol.BondCount; b++)
        {
            if (mol.Order[b] == WorkingMolecule.AromaticOrder && !mol.BondInRing[b])
            {
                mol.Order[b] = 1;
            }
        }

        for (int a = 0; a < mol.AtomCount; a++)
        {
            if (!mol.AtomInRing[a])
            {
                mol.WrittenAromatic[a] = false;
            }
        }
    }

    /// <summary>An atom as the file numbers it, with its line: <c>atom 5 'N' (file line 130)</c>.</summary>
    private string Describe(MolBlock block, int atom, int firstFileLine)
    {
        int original = mol.AtomPosition[atom];
        return $"atom {original + 1} '{ChemicalElements.Symbols[mol.AtomicNumber[atom]]}' (file line {firstFileLine + block.AtomLine[original] - 1})";
    }
}
