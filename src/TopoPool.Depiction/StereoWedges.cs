using TopoPool.Chemistry;

namespace TopoPool.Depiction;

/// <summary>
/// The wedges that draw a molecule's tetrahedral stereocentres (atoms whose chiral tag is 1 or 2), chosen for a
/// given layout. Each centre gets one wedge, its narrow end at the centre, on a single bond chosen as chemists
/// (and RDKit) choose it: to an explicit hydrogen first, then a bond outside rings, to a neighbour that is not a
/// stereocentre itself, not in a double bond, with the fewest neighbours (a methyl, an OH). The wedge is solid or
/// hashed, whichever makes <see cref="WedgeReading"/> read the centre's own tag back from the drawing. A centre
/// with a hydrogen whose three bonds all lie in rings (a ring fusion) gets that hydrogen drawn, short, in the
/// free sector outside its rings, and the wedge goes to it, as RDKit draws steroids (unless the sector is too
/// crowded for it, when a ring bond is wedged instead).
/// </summary>
internal static class StereoWedges
{
    /// <summary>How long the bond to a drawn hydrogen is, in bond lengths.</summary>
    public const double HydrogenBondLength = 0.75;

    /// <summary>A drawn hydrogen must keep this far (in bond lengths) from every other atom, or the wedge goes on a ring bond.</summary>
    private const double MinimumHydrogenClearance = 0.65;

    /// <param name="molecule">The molecule.</param>
    /// <param name="positions">Its layout, one position per atom.</param>
    /// <returns>The hydrogens to draw (each with its centre; they are numbered after the atoms, in this order) and the wedges.</returns>
    public static (IReadOnlyList<(int Centre, Point2D Position)> Hydrogens, IReadOnlyList<DepictionWedge> Wedges) Choose(Molecule molecule, IReadOnlyList<Point2D> positions)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        ArgumentNullException.ThrowIfNull(positions);
        int n = molecule.AtomCount;
        var hydrogens = new List<(int Centre, Point2D Position)>();
        var wedges = new List<DepictionWedge>();
        var wedgedBonds = new HashSet<(int, int)>();
        Point2D PositionOf(int node) => node < n ? positions[node] : hydrogens[node - n].Position;

        for (int centre = 0; centre < n; centre++)
        {
            var atom = molecule.Atoms[centre];
            if (atom.ChiralTag is not (1 or 2))
            {
                continue;
            }

            var neighbours = molecule.NeighboursOf(centre).ToArray().ToList();
            int implicitHydrogens = atom.TotalHydrogens;
            bool tetrahedral = neighbours.Count + implicitHydrogens == 4 || (neighbours.Count == 3 && implicitHydrogens == 0);
            if (!tetrahedral)
            {
                continue;
            }

            bool allInRings = molecule.BondsOf(centre).ToArray().All(b => molecule.Bonds[b].IsInRing);
            if (neighbours.Count == 3 && implicitHydrogens == 1 && allInRings)
            {
                if (HydrogenPosition(molecule, positions, hydrogens, centre) is { } position)
                {
                    hydrogens.Add((centre, position));
                    neighbours.Add(n + hydrogens.Count - 1);
                }
            }

            var candidates = neighbours
                .Where(other => other >= n || IsPlainSingle(molecule.BondBetween(centre, other)))
                .Where(other => !wedgedBonds.Contains(Key(centre, other)))
                .OrderBy(other => Preference(molecule, centre, other))
                .ThenBy(other => other);
            var drawn = neighbours.Select(PositionOf).ToArray();
            foreach (int other in candidates)
            {
                var heights = neighbours.Select(v => v == other ? 1 : 0).ToArray();
                int solidReads = WedgeReading.Tag(positions[centre], drawn, heights);
                if (solidReads == 0)
                {
                    continue;
                }

                wedges.Add(new DepictionWedge(centre, other, Hashed: solidReads != atom.ChiralTag));
                wedgedBonds.Add(Key(centre, other));
                break;
            }
        }

        return (hydrogens, wedges);
    }

    private static (int, int) Key(int a, int b) => (Math.Min(a, b), Math.Max(a, b));

    private static bool IsPlainSingle(Bond? bond) => bond is { Order: BondOrder.Single };

    /// <summary>Lower is better: a drawn hydrogen, then outside rings, not a stereocentre, not in a double bond, fewest neighbours.</summary>
    private static (int, int, int, int, int) Preference(Molecule molecule, int centre, int other)
    {
        if (other >= molecule.AtomCount)
        {
            return (0, 0, 0, 0, 0);
        }

        var bond = molecule.BondBetween(centre, other)!;
        var atom = molecule.Atoms[other];
        bool inDoubleBond = molecule.BondsOf(other).ToArray().Any(b => molecule.Bonds[b].Order is BondOrder.Double or BondOrder.Triple or BondOrder.Aromatic);
        return (1, bond.IsInRing ? 1 : 0, atom.ChiralTag is 1 or 2 ? 1 : 0, inDoubleBond ? 1 : 0, atom.Degree);
    }

    /// <summary>
    /// Where a ring-fusion atom's hydrogen is drawn: in the widest sector round the atom that lies outside its
    /// rings, on the bisector unless another atom or a hydrogen already placed comes within a bond length of it;
    /// then turned (by up to a third of the sector) to where it has the most room, so that two neighbouring
    /// hydrogens do not meet. Null when nowhere in the sector has <see cref="MinimumHydrogenClearance"/>.
    /// </summary>
    private static Point2D? HydrogenPosition(Molecule molecule, IReadOnlyList<Point2D> positions, List<(int Centre, Point2D Position)> placed, int atom)
    {
        var occupied = molecule.NeighboursOf(atom).ToArray().Select(v => (positions[v] - positions[atom]).Angle).ToList();
        var rings = molecule.Rings.Where(r => r.Contains(atom)).Select(r => r.Select(v => positions[v]).ToArray()).ToArray();
        var gap = AngularGap.Widest(positions[atom], occupied, rings);
        Point2D best = default;
        double bestClearance = double.NegativeInfinity;
        for (int step = 0; step <= 8; step++)
        {
            // 0, +1, -1, +2, -2, ... twelfths of the sector away from the bisector.
            int k = (step + 1) / 2 * (step % 2 == 1 ? 1 : -1);
            var candidate = positions[atom] + (Point2D.FromAngle(gap.Bisector + (k * gap.Width / 12)) * HydrogenBondLength);
            double clearance = double.PositiveInfinity;
            for (int v = 0; v < positions.Count; v++)
            {
                if (v != atom)
                {
                    clearance = Math.Min(clearance, Point2D.Distance(candidate, positions[v]));
                }
            }

            foreach (var h in placed)
            {
                clearance = Math.Min(clearance, Point2D.Distance(candidate, h.Position));
            }

            // The first place (nearest the bisector) with a comfortable bond length of room will do.
            if (clearance >= 0.95)
            {
                return candidate;
            }

            if (clearance > bestClearance + 0.05)
            {
                best = candidate;
                bestClearance = clearance;
            }
        }

        return bestClearance >= MinimumHydrogenClearance ? best : null;
    }
}
