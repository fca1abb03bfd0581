namespace TopoPool.Chemistry;

/// <summary>
/// Tetrahedral chiral tags from atom coordinates, as RDKit 2022.09 assigns them when it reads a molfile, before
/// hydrogen atoms are folded (so they count as neighbours). From a 3D conformer: the signed volume spanned by the
/// first three neighbours. From a 2D drawing: the wedge (up) and hash (down) bonds, each read at its first atom,
/// with the other neighbours' directions around that atom. Tags follow the atom's neighbour order, which is the
/// order of the bond block; 1 is clockwise, 2 counter-clockwise.
/// </summary>
internal static class GeometricChirality
{
    /// <summary>Below this volume (in cubic ångström) a centre counts as flat.</summary>
    private const double FlatVolume = 0.1;

    /// <summary>
    /// Tags every atom with at least three neighbours and four in all (hydrogens included), or a sulfur or selenium
    /// with three, by the sign of v1 · (v2 × v3) over its first three neighbours; atoms carrying two or more
    /// hydrogens are skipped. Every other tag is cleared.
    /// </summary>
    public static void AssignFrom3D(WorkingMolecule mol, ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z)
    {
        for (int a = 0; a < mol.AtomCount; a++)
        {
            mol.Chiral[a] = 0;
            int degree = mol.Degree(a);
            int totalDegree = degree + mol.TotalH(a);
            if (degree < 3 || totalDegree > 4)
            {
                continue;
            }

            int element = mol.AtomicNumber[a];
            if (element != 16 && element != 34 && (totalDegree != 4 || HydrogensWithNeighbours(mol, a) > 1))
            {
                continue;
            }

            int start = mol.AdjStart[a];
            int n1 = mol.AdjAtom[start], n2 = mol.AdjAtom[start + 1], n3 = mol.AdjAtom[start + 2];
            double ax = x[n1] - x[a], ay = y[n1] - y[a], az = z[n1] - z[a];
            double bx = x[n2] - x[a], by = y[n2] - y[a], bz = z[n2] - z[a];
            double cx = x[n3] - x[a], cy = y[n3] - y[a], cz = z[n3] - z[a];
            double volume = ax * (by * cz - bz * cy) + ay * (bz * cx - bx * cz) + az * (bx * cy - by * cx);
            mol.Chiral[a] = volume < -FlatVolume ? 1 : volume > FlatVolume ? 2 : 0;
        }
    }

    /// <summary>
    /// For each bond, in bond order, marked wedge (molfile bond stereo 1) or hash (6), tags its first atom unless an
    /// earlier marked bond already gave that atom a tag. <paramref name="bondStereo"/> holds the molfile code of
    /// each bond (0 none, 1 wedge, 3 either, 4 wavy, 6 hash); only the coordinates' x and y are read.
    /// </summary>
    public static void AssignFromWedges(WorkingMolecule mol, ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<byte> bondStereo)
    {
        Span<bool> tagged = mol.AtomCount <= 256 ? stackalloc bool[mol.AtomCount] : new bool[mol.AtomCount];
        for (int b = 0; b < mol.BondCount; b++)
        {
            if (bondStereo[b] != 1 && bondStereo[b] != 6)
            {
                continue;
            }

            int atom = mol.BondBegin[b];
            if (tagged[atom])
            {
                continue;
            }

            int tag = TagFromWedge(mol, b, x, y, bondStereo);
            tagged[atom] = tag != 0;
            mol.Chiral[atom] = tag;
        }
    }

    /// <summary>
    /// The tag a wedged or hashed bond gives its first atom. The other neighbours are ordered by their angle from
    /// the marked bond, counter-clockwise in the drawing plane; a three-connected centre places its hydrogen in the
    /// widest gap, and contradictory marks on its other bonds (InChI's rules) leave it unspecified.
    /// </summary>
    private static int TagFromWedge(WorkingMolecule mol, int bond, ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<byte> bondStereo)
    {
        int atom = mol.BondBegin[bond];
        int degree = mol.Degree(atom);
        if (degree > 4)
        {
            return 0;
        }

        // The marked bond first, then the others in neighbour order.
        Span<int> bonds = stackalloc int[4];
        int count = 0;
        bonds[count++] = bond;
        int position = 0;
        bool allSingle = true, hydrogenSeen = IsPlainHydrogen(mol, mol.BondEnd[bond]);
        for (int k = mol.AdjStart[atom]; k < mol.AdjStart[atom + 1]; k++)
        {
            int other = mol.AdjBond[k];
            allSingle &= mol.Order[other] == 1;
            if (other == bond)
            {
                position = k - mol.AdjStart[atom];
                continue;
            }

            hydrogenSeen |= IsPlainHydrogen(mol, mol.AdjAtom[k]);
            bonds[count++] = other;
        }

        if (count < 3 || (hydrogenSeen && count < 4))
        {
            return 0;
        }

        int element = mol.AtomicNumber[atom];
        if (!allSingle && element != 15 && element != 16)
        {
            return 0;
        }

        var reference = Direction(x, y, atom, mol.BondEnd[bond]);
        int bond1 = bonds[1], bond2 = bonds[2];
        var vector1 = Direction(x, y, atom, mol.OtherAtom(bond1, atom));
        var vector2 = Direction(x, y, atom, mol.OtherAtom(bond2, atom));
        double angle1 = SignedAngle(reference, vector1);
        double angle2 = SignedAngle(reference, vector2);

        // Work with the two first neighbours in counter-clockwise order and undo the swap at the end.
        bool swapped = false;
        if (angle1 > angle2)
        {
            (angle1, angle2) = (angle2, angle1);
            (bond1, bond2) = (bond2, bond1);
            (vector1, vector2) = (vector2, vector1);
            swapped = true;
        }

        bool counterClockwise = true;
        if (count == 4)
        {
            var vector3 = Direction(x, y, atom, mol.OtherAtom(bonds[3], atom));
            double angle3 = SignedAngle(reference, vector3);

            // An odd permutation of the three other neighbours, sorted by angle, turns the sense round.
            bool odd;
            if (angle1 < angle2)
            {
                odd = !(angle2 < angle3) && angle1 < angle3;
            }
            else if (angle1 < angle3)
            {
                odd = true;
            }
            else
            {
                odd = !(angle2 < angle3);
            }

            if (odd)
            {
                counterClockwise = false;
            }
        }
        else
        {
            double between = SignedAngle(vector1, vector2);
            double back = SignedAngle(vector2, reference);
            byte mark0 = bondStereo[bond];
            byte mark1 = mol.BondBegin[bond1] == atom ? bondStereo[bond1] : (byte)0;
            byte mark2 = mol.BondBegin[bond2] == atom ? bondStereo[bond2] : (byte)0;
            const double almostStraight = Math.PI - 1e-3;
            if (angle1 < almostStraight && between < almostStraight && back < almostStraight)
            {
                // Neighbours all round the centre: every mark must agree with the reference.
                if ((mark1 != 0 && mark1 != mark0) || (mark2 != 0 && mark2 != mark0))
                {
                    return 0;
                }
            }
            else
            {
                if (mark1 == mark0 && mark1 == mark2)
                {
                    return 0;
                }

                if (mark1 != 0 && mark1 != mark0)
                {
                    if (angle1 >= Math.PI
                        || (angle2 > Math.PI && mark2 != 0 && mark1 != mark2)
                        || (angle2 <= Math.PI && mark2 != 0 && mark0 != mark2))
                    {
                        return 0;
                    }
                }
                else if (mark0 == mark2)
                {
                    return 0;
                }

                double first, second;
                if (angle1 < angle2)
                {
                    first = angle1;
                    second = angle2;
                    counterClockwise = true;
                }
                else
                {
                    first = angle2;
                    second = angle1;
                    counterClockwise = false;
                }

                // The hydrogen sits in the gap of half a turn or more: go round the back.
                if (second - first >= Math.PI - 1e-4)
                {
                    counterClockwise = !counterClockwise;
                }
            }
        }

        if (bondStereo[bond] == 6)
        {
            counterClockwise = !counterClockwise;
        }

        if (swapped)
        {
            counterClockwise = !counterClockwise;
        }

        // The sense was read with the marked bond first; the tag is relative to the atom's own neighbour order.
        if (position % 2 == 1)
        {
            counterClockwise = !counterClockwise;
        }

        return counterClockwise ? 2 : 1;
    }

    private static bool IsPlainHydrogen(WorkingMolecule mol, int atom) => mol.AtomicNumber[atom] == 1 && mol.Isotope[atom] == 0;

    /// <summary>Hydrogens counted on the atom plus hydrogen atoms bonded to it.</summary>
    private static int HydrogensWithNeighbours(WorkingMolecule mol, int atom)
    {
        int count = mol.TotalH(atom);
        for (int k = mol.AdjStart[atom]; k < mol.AdjStart[atom + 1]; k++)
        {
            if (mol.AtomicNumber[mol.AdjAtom[k]] == 1)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The unit vector from one atom to another in the drawing plane; (0, 0) for atoms drawn on top of
    /// each other, which makes every angle to it undefined (NaN), as in RDKit.</summary>
    private static (double X, double Y) Direction(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int from, int to)
    {
        double dx = x[to] - x[from], dy = y[to] - y[from];
        double length = Math.Sqrt(dx * dx + dy * dy);
        return length < 1e-16 ? (0, 0) : (dx / length, dy / length);
    }

    /// <summary>The counter-clockwise angle from <paramref name="from"/> to <paramref name="to"/>, in [0, 2π).</summary>
    private static double SignedAngle((double X, double Y) from, (double X, double Y) to)
    {
        double cosine = (from.X * to.X + from.Y * to.Y) / Math.Sqrt((from.X * from.X + from.Y * from.Y) * (to.X * to.X + to.Y * to.Y));
        double angle = cosine <= -1.0 ? Math.PI : cosine >= 1.0 ? 0.0 : Math.Acos(cosine);
        return from.X * to.Y - from.Y * to.X < -1e-6 ? 2 * Math.PI - angle : angle;
    }
}
