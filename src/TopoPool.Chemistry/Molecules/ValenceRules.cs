namespace TopoPool.Chemistry;

/// <summary>
/// Implicit hydrogens from default valences, RDKit's clean-up of charge-separated groups written in neutral
/// form (nitro, azide, halogen oxyacids), and the valence check that rejects impossible atoms.
/// </summary>
internal static class ValenceRules
{
    /// <summary>
    /// Sets <see cref="WorkingMolecule.ImplicitH"/> for organic-subset atoms: the smallest listed valence that is not
    /// below the bonds already written; aromatic bonds count 1.5 and an aromatic atom whose sum exceeds its
    /// default valence is taken at the largest valence that fits, as RDKit does. Returns the failing atom or -1.
    /// </summary>
    public static int AssignImplicitHydrogens(WorkingMolecule mol)
    {
        for (int a = 0; a < mol.AtomCount; a++)
        {
            mol.ImplicitH[a] = 0;
            int z = mol.AtomicNumber[a];
            if (mol.Bracket[a] || z == 0)
            {
                continue;
            }

            int twice = 2 * mol.ExplicitH[a];
            for (int k = mol.AdjStart[a]; k < mol.AdjStart[a + 1]; k++)
            {
                byte order = mol.Order[mol.AdjBond[k]];
                twice += order == WorkingMolecule.AromaticOrder ? 3 : 2 * order;
            }

            int[] valences = ChemicalElements.Valences[z];
            if (mol.WrittenAromatic[a] && twice > 2 * valences[0])
            {
                int best = -1;
                foreach (int v in valences)
                {
                    if (v >= 0 && 2 * v <= twice && v > best)
                    {
                        best = v;
                    }
                }

                if (best >= 0)
                {
                    twice = 2 * best;
                }
            }

            // RDKit rounds (sum + 0.1): 1.5 steps round up.
            int explicitValence = (twice + 1) / 2;
            int chosen = -1;
            foreach (int v in valences)
            {
                if (v < 0)
                {
                    chosen = explicitValence;
                    break;
                }

                if (v >= explicitValence)
                {
                    chosen = v;
                    break;
                }
            }

            if (chosen < 0)
            {
                return a;
            }

            mol.ImplicitH[a] = chosen - explicitValence;
        }

        return -1;
    }

    /// <summary>
    /// Implicit hydrogens of a molfile (or any table of atoms and bonds), as RDKit computes them for atoms without a
    /// fixed hydrogen count: every element with a default valence, charged atoms included. The charge moves the
    /// valence list (N+ takes 4 like C, O- takes 1); for elements left of carbon and for a carbocation it moves it
    /// down (B- takes 4, C+ takes 3). The smallest listed valence not below the bonds, explicit hydrogens and
    /// unpaired electrons is filled up; an atom with aromatic bonds only up to its default valence. Atoms whose
    /// count is fixed (<see cref="WorkingMolecule.Bracket"/>, a valence field) get none, nor do wildcards and
    /// elements without a default valence (metals). Never fails: impossible valences are left to
    /// <see cref="CheckValences"/>.
    /// </summary>
    public static void AssignMolfileHydrogens(WorkingMolecule mol)
    {
        for (int a = 0; a < mol.AtomCount; a++)
        {
            mol.ImplicitH[a] = 0;
            int z = mol.AtomicNumber[a];
            if (mol.Bracket[a] || z == 0)
            {
                continue;
            }

            int explicitValence = MolfileExplicitValence(mol, a);
            int charge = mol.Charge[a];
            if (z == 1 && explicitValence == 0 && mol.Radicals[a] == 0)
            {
                // A lone hydrogen atom is H2; H+ and H- stay bare.
                mol.ImplicitH[a] = charge == 0 ? 1 : 0;
                continue;
            }

            int defaultValence = ChemicalElements.DefaultValence(z);
            if (defaultValence < 0)
            {
                continue;
            }

            int shift = ValenceShift(z, charge);
            int used = explicitValence + mol.Radicals[a];
            int hydrogens = -1;
            if (mol.WrittenAromatic[a])
            {
                hydrogens = used <= defaultValence + shift ? defaultValence + shift - used : 0;
            }
            else
            {
                foreach (int v in ChemicalElements.Valences[z])
                {
                    if (v < 0)
                    {
                        break;
                    }

                    if (used <= v + shift)
                    {
                        hydrogens = v + shift - used;
                        break;
                    }
                }
            }

            mol.ImplicitH[a] = Math.Max(hydrogens, 0);
        }
    }

    /// <summary>
    /// RDKit's radicals for atoms with a fixed hydrogen count that were given none: the electrons left over from
    /// the octet (duet for H and He), or from the next listed valence of a hypervalent element, but never more than
    /// the outer electrons not used in bonds. A molfile carbon with valence field 2 and two bonds becomes a carbene.
    /// </summary>
    public static void AssignRadicals(WorkingMolecule mol)
    {
        for (int a = 0; a < mol.AtomCount; a++)
        {
            int z = mol.AtomicNumber[a];
            if (!mol.Bracket[a] || mol.Radicals[a] != 0 || z == 0)
            {
                continue;
            }

            int[] valences = ChemicalElements.Valences[z];
            if (valences.Length == 1 && valences[0] < 0)
            {
                continue;
            }

            int total = ExplicitValence(mol, a);
            int charge = mol.Charge[a];
            int outer = ChemicalElements.OuterElectrons[z];
            int shell = z <= 2 ? 2 : 8;
            int radicals = shell - outer - total + charge;
            if (radicals < 0)
            {
                radicals = 0;
                if (valences.Length > 1)
                {
                    foreach (int v in valences)
                    {
                        if (v - total + charge >= 0)
                        {
                            radicals = v - total + charge;
                            break;
                        }
                    }
                }
            }

            int unbonded = outer - total - charge;
            if (unbonded >= 0)
            {
                radicals = Math.Min(radicals, unbonded);
            }

            mol.Radicals[a] = radicals;
        }
    }

    /// <summary>
    /// The bonds (aromatic ones 1.5) plus explicit hydrogens, rounded up at .5 as RDKit does; an atom with aromatic
    /// bonds above its default valence is first brought down to the nearest listed valence within 1.5 (the N of
    /// c1cccn1C).
    /// </summary>
    public static int MolfileExplicitValence(WorkingMolecule mol, int atom)
    {
        int twice = 2 * mol.ExplicitH[atom];
        for (int k = mol.AdjStart[atom]; k < mol.AdjStart[atom + 1]; k++)
        {
            byte order = mol.Order[mol.AdjBond[k]];
            twice += order == WorkingMolecule.AromaticOrder ? 3 : 2 * order;
        }

        int z = mol.AtomicNumber[atom];
        int shift = ValenceShift(z, mol.Charge[atom]);
        int defaultValence = ChemicalElements.DefaultValence(z);
        if (mol.WrittenAromatic[atom] && twice > 2 * (defaultValence + shift))
        {
            int nearest = defaultValence + shift;
            foreach (int v in ChemicalElements.Valences[z])
            {
                if (v < 0 || 2 * (v + shift) > twice)
                {
                    break;
                }

                nearest = v + shift;
            }

            if (twice - 2 * nearest <= 3)
            {
                twice = 2 * nearest;
            }
        }

        return (twice + 1) / 2;
    }

    /// <summary>How a formal charge moves an element's valences: up for carbon's right, down for its left and
    /// for a carbocation (RDKit treats carbon as electronegative, so C- also takes 3).</summary>
    private static int ValenceShift(int z, int charge)
    {
        int shift = ChemicalElements.OuterElectrons[z] < 4 ? -charge : charge;
        return z == 6 && shift > 0 ? -shift : shift;
    }

    /// <summary>The sum of bond orders and explicit hydrogens (after kekulization every order is an integer).</summary>
    public static int ExplicitValence(WorkingMolecule mol, int atom)
    {
        int v = mol.ExplicitH[atom];
        for (int k = mol.AdjStart[atom]; k < mol.AdjStart[atom + 1]; k++)
        {
            v += mol.Order[mol.AdjBond[k]];
        }

        return v;
    }

    /// <summary>Returns the first atom whose valence exceeds what its element and charge allow, or -1.</summary>
    public static int CheckValences(WorkingMolecule mol)
    {
        for (int a = 0; a < mol.AtomCount; a++)
        {
            int z = mol.AtomicNumber[a];
            int max = ChemicalElements.MaxValence(z);
            if (max < 0)
            {
                continue;
            }

            int valence = ExplicitValence(mol, a) + mol.ImplicitH[a];
            int effective = ChemicalElements.OuterElectrons[z] >= 4 ? valence - mol.Charge[a] : valence + mol.Charge[a];
            if (effective > max)
            {
                return a;
            }
        }

        return -1;
    }

    /// <summary>The effective valence used in valence messages.</summary>
    public static int EffectiveValence(WorkingMolecule mol, int atom)
    {
        int z = mol.AtomicNumber[atom];
        int valence = ExplicitValence(mol, atom) + mol.ImplicitH[atom];
        return ChemicalElements.OuterElectrons[z] >= 4 ? valence - mol.Charge[atom] : valence + mol.Charge[atom];
    }

    /// <summary>
    /// Run before implicit hydrogens are assigned. RDKit's clean-up: neutral five-valent N with a double bond to O,
    /// or with a triple bond to N, becomes charge-separated; neutral Cl, Br, I bonded only to O with valence 3, 5 or
    /// 7 become [X+n] with [O-].
    /// </summary>
    public static void ChargeSeparate(WorkingMolecule mol)
    {
        for (int a = 0; a < mol.AtomCount; a++)
        {
            int z = mol.AtomicNumber[a];
            if (mol.Charge[a] != 0)
            {
                continue;
            }

            if (HasAromaticBond(mol, a))
            {
                continue;
            }

            if (z == 7)
            {
                if (ExplicitValence(mol, a) != 5)
                {
                    continue;
                }

                int oxygenBond = -1, nitrogenTriple = -1;
                for (int k = mol.AdjStart[a]; k < mol.AdjStart[a + 1]; k++)
                {
                    int b = mol.AdjBond[k];
                    int other = mol.AdjAtom[k];
                    if (oxygenBond < 0 && mol.Order[b] == 2 && mol.AtomicNumber[other] == 8 && mol.Charge[other] == 0)
                    {
                        oxygenBond = b;
                    }
                    else if (nitrogenTriple < 0 && mol.Order[b] == 3 && mol.AtomicNumber[other] == 7 && mol.Charge[other] == 0)
                    {
                        nitrogenTriple = b;
                    }
                }

                if (oxygenBond >= 0)
                {
                    Separate(mol, a, oxygenBond, 1);
                }
                else if (nitrogenTriple >= 0)
                {
                    Separate(mol, a, nitrogenTriple, 2);
                }
            }
            else if (z == 17 || z == 35 || z == 53)
            {
                int valence = ExplicitValence(mol, a);
                if (valence != 3 && valence != 5 && valence != 7)
                {
                    continue;
                }

                bool onlyOxygen = mol.AdjStart[a + 1] > mol.AdjStart[a];
                for (int k = mol.AdjStart[a]; k < mol.AdjStart[a + 1]; k++)
                {
                    onlyOxygen &= mol.AtomicNumber[mol.AdjAtom[k]] == 8;
                }

                if (!onlyOxygen)
                {
                    continue;
                }

                for (int k = mol.AdjStart[a]; k < mol.AdjStart[a + 1]; k++)
                {
                    int b = mol.AdjBond[k];
                    if (mol.Order[b] == 2 && mol.Charge[mol.AdjAtom[k]] == 0)
                    {
                        Separate(mol, a, b, 1);
                    }
                }
            }
        }
    }

    /// <summary>Lowers the bond order by one, charging the centre +1 and the partner -1; both keep the hydrogens
    /// they have now (charged atoms get no implicit hydrogens).</summary>
    private static void Separate(WorkingMolecule mol, int centre, int bond, int newOrder)
    {
        int partner = mol.OtherAtom(bond, centre);
        mol.Order[bond] = (byte)newOrder;
        mol.Charge[centre] += 1;
        mol.Charge[partner] -= 1;
        mol.Bracket[centre] = true;
        mol.Bracket[partner] = true;
    }

    private static bool HasAromaticBond(WorkingMolecule mol, int atom)
    {
        for (int k = mol.AdjStart[atom]; k < mol.AdjStart[atom + 1]; k++)
        {
            if (mol.Order[mol.AdjBond[k]] == WorkingMolecule.AromaticOrder)
            {
                return true;
            }
        }

        return false;
    }
}
