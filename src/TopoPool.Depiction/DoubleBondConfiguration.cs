using TopoPool.Chemistry;

namespace TopoPool.Depiction;

/// <summary>
/// Puts the substituents of each marked double bond (<c>F/C=C/F</c>, <c>F/C=C\F</c>) on the sides its marks
/// say, after the layout has drawn every chain as a zig-zag: where a bond outside rings comes out the wrong way,
/// the smaller of the two branches it joins is mirrored across the bond's line, which turns E into Z (and back)
/// and leaves every other double bond's configuration as it was (a mirrored branch holds whole bonds); a
/// substituent the layout put on the bond's own line is swung 60° off it, to its side.
/// </summary>
internal static class DoubleBondConfiguration
{
    /// <summary>Below this (the cross product with a unit-length bond) a substituent counts as on the bond's line.</summary>
    private const double Collinear = 0.05;

    public static void Apply(Molecule molecule, Point2D[] positions)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        ArgumentNullException.ThrowIfNull(positions);
        foreach (var bond in molecule.Bonds)
        {
            if (bond.Order != BondOrder.Double || bond.IsInRing)
            {
                continue;
            }

            int a = bond.Begin, b = bond.End;
            if (Marked(molecule, a, b, intoAtom: true) is not { } first || Marked(molecule, b, a, intoAtom: false) is not { } second)
            {
                continue;
            }

            // Marks read from x into a and from b out to y: the same mark puts x and y across the bond.
            bool trans = first.Mark == second.Mark;
            var axis = positions[b] - positions[a];
            double sideOfFirst = Point2D.Cross(axis, positions[first.Atom] - positions[a]);
            double sideOfSecond = Point2D.Cross(axis, positions[second.Atom] - positions[a]);
            if (Math.Abs(sideOfFirst) < Collinear || Math.Abs(sideOfSecond) < Collinear)
            {
                // A substituent on the bond's line (the layout straightened it) is swung off it, to the side the marks say.
                if (Math.Abs(sideOfFirst) < Collinear && Math.Abs(sideOfSecond) >= Collinear)
                {
                    Swing(molecule, positions, a, first.Atom, positions[a], axis, trans ? -Math.Sign(sideOfSecond) : Math.Sign(sideOfSecond));
                }
                else if (Math.Abs(sideOfSecond) < Collinear && Math.Abs(sideOfFirst) >= Collinear)
                {
                    Swing(molecule, positions, b, second.Atom, positions[a], axis, trans ? -Math.Sign(sideOfFirst) : Math.Sign(sideOfFirst));
                }

                continue;
            }

            if ((sideOfFirst * sideOfSecond < 0) == trans)
            {
                continue;
            }

            var beyondB = Branch(molecule, b, a);
            var beyondA = Branch(molecule, a, b);
            Mirror(positions, beyondB.Count <= beyondA.Count ? beyondB : beyondA, positions[a], axis.Normalized());
        }
    }

    /// <summary>
    /// Turns the branch at <paramref name="substituent"/> round <paramref name="atom"/> by 60°, whichever way puts
    /// it on side <paramref name="sign"/> of the double bond's line (the sign of the cross product with
    /// <paramref name="axis"/>, from <paramref name="origin"/>). Nothing moves when that bond is in a ring.
    /// </summary>
    private static void Swing(Molecule molecule, Point2D[] positions, int atom, int substituent, Point2D origin, Point2D axis, int sign)
    {
        if (sign == 0 || molecule.BondBetween(atom, substituent) is not { IsInRing: false })
        {
            return;
        }

        var arm = positions[substituent] - positions[atom];
        double angle = Math.Sign(Point2D.Cross(axis, positions[atom] + arm.Rotated(Math.PI / 3) - origin)) == sign ? Math.PI / 3 : -Math.PI / 3;
        foreach (int moved in Branch(molecule, substituent, atom))
        {
            positions[moved] = positions[atom] + (positions[moved] - positions[atom]).Rotated(angle);
        }
    }

    /// <summary>The neighbour of <paramref name="atom"/> (other than <paramref name="partner"/>) on a marked bond, with the mark read into or out of the atom.</summary>
    private static (int Atom, BondStereo Mark)? Marked(Molecule molecule, int atom, int partner, bool intoAtom)
    {
        foreach (int b in molecule.BondsOf(atom))
        {
            var bond = molecule.Bonds[b];
            if (bond.OtherAtom(atom) == partner || bond.Stereo == BondStereo.None)
            {
                continue;
            }

            bool writtenIntoAtom = bond.End == atom;
            var mark = writtenIntoAtom == intoAtom ? bond.Stereo : bond.Stereo == BondStereo.Up ? BondStereo.Down : BondStereo.Up;
            return (bond.OtherAtom(atom), mark);
        }

        return null;
    }

    /// <summary>The atoms reachable from <paramref name="start"/> without crossing to <paramref name="cut"/>, the start included.</summary>
    private static List<int> Branch(Molecule molecule, int start, int cut)
    {
        var seen = new HashSet<int> { start, cut };
        var branch = new List<int> { start };
        for (int k = 0; k < branch.Count; k++)
        {
            foreach (int next in molecule.NeighboursOf(branch[k]))
            {
                if (seen.Add(next))
                {
                    branch.Add(next);
                }
            }
        }

        return branch;
    }

    private static void Mirror(Point2D[] positions, List<int> atoms, Point2D origin, Point2D direction)
    {
        foreach (int atom in atoms)
        {
            var v = positions[atom] - origin;
            positions[atom] = origin + ((direction * (2 * Point2D.Dot(v, direction))) - v);
        }
    }
}
