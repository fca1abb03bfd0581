namespace TopoPool.Chemistry;

/// <summary>
/// Folds hydrogen atoms of a molfile into their neighbours as RDKit 2022.09's RemoveHs does with its default
/// parameters. A hydrogen atom goes when it has exactly one neighbour, no isotope, a neighbour that is neither a
/// wildcard nor another hydrogen, and does not define a double bond's geometry (a marked bond to a two-connected
/// atom with a double bond). Its charge goes with it, as in RDKit. Isotopic hydrogens (D, T, <c>M  ISO</c>), H2, lone
/// and bridging hydrogens stay atoms. A chiral tag is kept as if the hydrogen had moved to the end of its
/// neighbour's list. The neighbour keeps the hydrogen as an explicit count only when its count is fixed (valence
/// field) or it carries a chiral tag; otherwise the hydrogen comes back as an implicit one from the valence rules.
/// </summary>
internal sealed class HydrogenAtomFolding
{
    private bool[] removed = new bool[64];

    /// <param name="mol">The molecule being built; explicit hydrogens that can fold are removed from it.</param>
    /// <param name="bondStereo">Each bond's molfile stereo code (0 when none).</param>
    public void Fold(WorkingMolecule mol, ReadOnlySpan<byte> bondStereo)
    {
        int n = mol.AtomCount;
        if (removed.Length < n)
        {
            removed = new bool[n * 2];
        }

        Array.Clear(removed, 0, n);
        bool any = false;

        // RDKit removes from the last atom to the first; each removal reads the neighbour list as it is then.
        for (int h = n - 1; h >= 0; h--)
        {
            if (!IsFoldable(mol, h, bondStereo))
            {
                continue;
            }

            int heavy = mol.AdjAtom[mol.AdjStart[h]];
            int tag = mol.Chiral[heavy];
            if (tag == 1 || tag == 2)
            {
                // Swaps that move the hydrogen's bond past the neighbours after it.
                int after = 0;
                bool seen = false;
                for (int k = mol.AdjStart[heavy]; k < mol.AdjStart[heavy + 1]; k++)
                {
                    int other = mol.AdjAtom[k];
                    if (other == h)
                    {
                        seen = true;
                    }
                    else if (seen && !removed[other])
                    {
                        after++;
                    }
                }

                if (after % 2 == 1)
                {
                    mol.Chiral[heavy] = 3 - tag;
                }
            }

            if (mol.Bracket[heavy] || mol.Chiral[heavy] != 0)
            {
                mol.ExplicitH[heavy]++;
            }

            removed[h] = true;
            any = true;
        }

        if (any)
        {
            mol.RemoveAtoms(removed.AsSpan(0, n));
        }
    }

    private static bool IsFoldable(WorkingMolecule mol, int atom, ReadOnlySpan<byte> bondStereo)
    {
        if (mol.AtomicNumber[atom] != 1 || mol.Isotope[atom] != 0 || mol.Degree(atom) != 1)
        {
            return false;
        }

        int k = mol.AdjStart[atom];
        int neighbour = mol.AdjAtom[k];
        int z = mol.AtomicNumber[neighbour];
        if (z < 2)
        {
            return false;
        }

        // A marked bond to the only other neighbour of a double-bond atom fixes that bond's geometry: kept.
        if (bondStereo[mol.AdjBond[k]] != 0 && mol.Degree(neighbour) == 2)
        {
            for (int j = mol.AdjStart[neighbour]; j < mol.AdjStart[neighbour + 1]; j++)
            {
                if (mol.Order[mol.AdjBond[j]] == 2)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
