namespace TopoPool.Chemistry;

/// <summary>
/// RDKit's hybridization and conjugation, used for one purpose: its sanitisation drops tetrahedral chiral tags
/// from atoms that are not sp3 (a tag on an aromatic carbon, a carbonyl carbon or an amide nitrogen).
/// Orbitals = neighbours + hydrogens + lone pairs; 4 orbitals are sp3 unless the atom has at most three
/// neighbours and a conjugated bond (then sp2).
/// </summary>
internal static class HybridizationRules
{
    /// <summary>Whether RDKit would call the atom S, SP or SP2 (or unspecified): anything below sp3.</summary>
    public static bool IsBelowSp3(WorkingMolecule mol, int atom, bool[] conjugated)
    {
        int z = mol.AtomicNumber[atom];
        int coordination = mol.Degree(atom) + mol.TotalH(atom);
        int orbitals = coordination;

        // Lone pairs are not counted on d- and f-block metals (a tetrahedral [Fe@] or [Pt@] stays sp3).
        if (z > 1 && !IsTransitionOrInnerTransitionMetal(z))
        {
            int valence = StereoValence(mol, atom) + mol.ImplicitH[atom];
            int outer = ChemicalElements.OuterElectrons[z];
            int free = outer - (valence + mol.Charge[atom]);

            // Below an octet, unpaired electrons (molfile radicals) take an orbital each.
            int radicals = valence + outer - mol.Charge[atom] < 8 ? mol.Radicals[atom] : 0;
            orbitals += (free - radicals) / 2 + radicals;
        }

        return orbitals switch
        {
            <= 3 => true,
            4 => coordination <= 3 && HasConjugatedBond(mol, atom, conjugated),
            5 or 6 => false,
            _ => true,
        };
    }

    /// <summary>RDKit's conjugation: aromatic bonds, and around every atom with a multiple bond, that bond and its
    /// single bonds to atoms that can take part (π electrons to give, at most three neighbours).</summary>
    public static void MarkConjugatedBonds(WorkingMolecule mol, bool[] conjugated)
    {
        for (int b = 0; b < mol.BondCount; b++)
        {
            conjugated[b] = mol.BondAromatic[b];
        }

        for (int a = 0; a < mol.AtomCount; a++)
        {
            if (!IsConjugationCandidate(mol, a))
            {
                continue;
            }

            int coordination = mol.Degree(a) + mol.TotalH(a);
            if (coordination < 2 || coordination > 3)
            {
                continue;
            }

            for (int i = mol.AdjStart[a]; i < mol.AdjStart[a + 1]; i++)
            {
                int first = mol.AdjBond[i];
                if (!mol.BondAromatic[first] && mol.Order[first] < 2)
                {
                    continue;
                }

                for (int j = mol.AdjStart[a]; j < mol.AdjStart[a + 1]; j++)
                {
                    int second = mol.AdjBond[j];
                    if (second == first)
                    {
                        continue;
                    }

                    int other = mol.AdjAtom[j];
                    if (mol.Degree(other) + mol.TotalH(other) <= 3 && IsConjugationCandidate(mol, other))
                    {
                        conjugated[first] = true;
                        conjugated[second] = true;
                    }
                }
            }
        }
    }

    private static bool IsTransitionOrInnerTransitionMetal(int z) =>
        (z >= 21 && z <= 30) || (z >= 39 && z <= 48) || (z >= 57 && z <= 80) || (z >= 89 && z <= 112);

    private static bool IsConjugationCandidate(WorkingMolecule mol, int atom)
    {
        // Beyond the second row only atoms outside groups 15 and 16 (or terminal group-16 atoms) take part.
        int z = mol.AtomicNumber[atom];
        int outer = ChemicalElements.OuterElectrons[z];
        bool allowed = z <= 10 || (outer != 5 && outer != 6) || (outer == 6 && mol.Degree(atom) < 2);
        return allowed && AromaticityPerception.CountElectrons(mol, atom) > 0;
    }

    private static bool HasConjugatedBond(WorkingMolecule mol, int atom, bool[] conjugated)
    {
        for (int k = mol.AdjStart[atom]; k < mol.AdjStart[atom + 1]; k++)
        {
            if (conjugated[mol.AdjBond[k]])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Bond orders (aromatic 1.5, rounded up) plus explicit hydrogens.</summary>
    private static int StereoValence(WorkingMolecule mol, int atom)
    {
        int twice = 2 * mol.ExplicitH[atom];
        for (int k = mol.AdjStart[atom]; k < mol.AdjStart[atom + 1]; k++)
        {
            int b = mol.AdjBond[k];
            twice += mol.BondAromatic[b] ? 3 : 2 * mol.Order[b];
        }

        return (twice + 1) / 2;
    }
}
