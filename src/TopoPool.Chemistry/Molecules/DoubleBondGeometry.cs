namespace TopoPool.Chemistry;

/// <summary>
/// Double-bond geometry from coordinates, written as the directional marks of SMILES (<c>/</c> and <c>\</c>) on
/// the neighbouring bonds, so that <see cref="StereoPerception"/> reads a molfile's E/Z exactly as it reads a
/// SMILES's, as RDKit's detectBondStereochemistry does. A double bond qualifies when it is not aromatic, not in
/// a ring of seven atoms or fewer, both its atoms have another neighbour, no neighbouring bond is wavy, and no
/// neighbour lies on the double bond's line. Neighbours on the same side get the same outward mark.
/// </summary>
internal static class DoubleBondGeometry
{
    /// <summary>Below this sine of the angle a neighbour counts as collinear with the double bond (2 degrees).</summary>
    private const double Collinear = 0.035;

    private const byte Up = (byte)BondStereo.Up;
    private const byte Down = (byte)BondStereo.Down;

    /// <summary>
    /// Sets <see cref="WorkingMolecule.Direction"/> around every qualifying double bond. Coordinates are indexed by
    /// <see cref="WorkingMolecule.AtomPosition"/> (the atom's place in the file), and <paramref name="wavy"/> (bonds
    /// drawn wavy) by <see cref="WorkingMolecule.BondPosition"/>.
    /// </summary>
    public static void MarkFromCoordinates(
        WorkingMolecule mol,
        ReadOnlySpan<double> x,
        ReadOnlySpan<double> y,
        ReadOnlySpan<double> z,
        ReadOnlySpan<bool> wavy)
    {
        Span<int> neighbours = stackalloc int[4];
        Span<int> neighbourBonds = stackalloc int[4];
        Span<int> sides = stackalloc int[4];
        for (int b = 0; b < mol.BondCount; b++)
        {
            if (!IsCandidate(mol, b, wavy))
            {
                continue;
            }

            int begin = mol.BondBegin[b], end = mol.BondEnd[b];
            int pb = mol.AtomPosition[begin], pe = mol.AtomPosition[end];
            double ux = x[pe] - x[pb], uy = y[pe] - y[pb], uz = z[pe] - z[pb];
            double length = Math.Sqrt(ux * ux + uy * uy + uz * uz);
            if (length < 1e-8)
            {
                continue;
            }

            ux /= length;
            uy /= length;
            uz /= length;

            // Each neighbour's offset across the bond axis, compared with the first neighbour's.
            int count = 0;
            double rx = 0, ry = 0, rz = 0;
            bool usable = true;
            ReadOnlySpan<int> ends = [begin, end];
            foreach (int atom in ends)
            {
                int anchor = mol.AtomPosition[atom];
                for (int k = mol.AdjStart[atom]; k < mol.AdjStart[atom + 1] && usable; k++)
                {
                    int other = mol.AdjBond[k];
                    if (other == b)
                    {
                        continue;
                    }

                    int p = mol.AtomPosition[mol.AdjAtom[k]];
                    double vx = x[p] - x[anchor], vy = y[p] - y[anchor], vz = z[p] - z[anchor];
                    double along = vx * ux + vy * uy + vz * uz;
                    double px = vx - along * ux, py = vy - along * uy, pz = vz - along * uz;
                    double offset = Math.Sqrt(px * px + py * py + pz * pz);
                    double reach = Math.Sqrt(vx * vx + vy * vy + vz * vz);
                    if (reach < 1e-8 || offset / reach < Collinear)
                    {
                        usable = false;
                        break;
                    }

                    if (count == 0)
                    {
                        (rx, ry, rz) = (px / offset, py / offset, pz / offset);
                    }

                    double side = px * rx + py * ry + pz * rz;
                    neighbours[count] = atom;
                    neighbourBonds[count] = other;
                    sides[count] = side >= 0 ? 1 : -1;
                    count++;
                }
            }

            if (usable)
            {
                Mark(mol, neighbours[..count], neighbourBonds[..count], sides[..count]);
            }
        }
    }

    private static bool IsCandidate(WorkingMolecule mol, int bond, ReadOnlySpan<bool> wavy)
    {
        if (mol.Order[bond] != 2 || mol.BondAromatic[bond])
        {
            return false;
        }

        int begin = mol.BondBegin[bond], end = mol.BondEnd[bond];
        int db = mol.Degree(begin), de = mol.Degree(end);
        if (db < 2 || de < 2 || db > 3 || de > 3)
        {
            return false;
        }

        if (mol.BondInRing[bond] && StereoPerception.SmallestRingThrough(mol, bond) <= 7)
        {
            return false;
        }

        ReadOnlySpan<int> ends = [begin, end];
        foreach (int atom in ends)
        {
            for (int k = mol.AdjStart[atom]; k < mol.AdjStart[atom + 1]; k++)
            {
                if (wavy[mol.BondPosition[mol.AdjBond[k]]])
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Outward marks Up for side +1 and Down for -1, or all turned round when a neighbouring bond already carries
    /// a mark from another double bond (a conjugated chain shares its single bonds), so that both keep their
    /// geometry.
    /// </summary>
    private static void Mark(WorkingMolecule mol, ReadOnlySpan<int> atoms, ReadOnlySpan<int> bonds, ReadOnlySpan<int> sides)
    {
        int flip = 1;
        for (int i = 0; i < bonds.Length; i++)
        {
            byte existing = mol.Direction[bonds[i]];
            if (existing != 0)
            {
                byte outward = Outward(mol, bonds[i], atoms[i], existing);
                flip = (outward == Up ? 1 : -1) * sides[i];
                break;
            }
        }

        for (int i = 0; i < bonds.Length; i++)
        {
            if (mol.Direction[bonds[i]] != 0)
            {
                continue;
            }

            byte outward = sides[i] * flip > 0 ? Up : Down;
            mol.Direction[bonds[i]] = Outward(mol, bonds[i], atoms[i], outward);
        }
    }

    /// <summary>A mark read outwards from <paramref name="atom"/> as stored on the bond (from its Begin), or back.</summary>
    private static byte Outward(WorkingMolecule mol, int bond, int atom, byte mark) =>
        mol.BondBegin[bond] == atom ? mark : mark == Up ? Down : Up;
}
