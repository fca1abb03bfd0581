namespace TopoPool.Depiction;

/// <summary>
/// Lays out one ring system (rings sharing atoms) in its own frame. The first ring is a regular polygon; then,
/// again and again, of the rings touching the placed part, the one that fits most cleanly is added: a fused ring
/// as a regular polygon built on the far side of the shared edge, a spiro ring touching its one placed atom and
/// pointing into that atom's widest free sector, and a ring sharing more (bridged or perifused) closed by arcs
/// between its placed atoms — unit steps where there is room, shorter steps or a straight bridge where not.
/// </summary>
internal sealed class RingSystemTemplate
{
    private readonly int[][] rings;
    private readonly IReadOnlyList<int> systemRings;
    private readonly Point2D[] positions;
    private readonly bool[] placed;
    private readonly List<int> placedAtoms = [];
    private readonly List<int> done = [];

    // How a spiro ring is turned off its atom's free bisector (radians) and whether it runs clockwise; variant 0 first.
    private static readonly (double Turn, bool Clockwise)[] SpiroVariants =
        [(0, false), (0, true), (0.45, false), (-0.45, false), (0.45, true), (-0.45, true)];

    private readonly int[] substituents;
    private readonly int firstRing;
    private readonly (double Turn, bool Clockwise) spiroVariant;
    private double totalCost;

    private RingSystemTemplate(int[][] rings, IReadOnlyList<int> systemRings, int[] substituents, int firstRing, (double, bool) spiroVariant)
    {
        this.rings = rings;
        this.systemRings = systemRings;
        this.substituents = substituents;
        this.firstRing = firstRing;
        this.spiroVariant = spiroVariant;
        positions = new Point2D[substituents.Length];
        placed = new bool[substituents.Length];
    }

    /// <summary>A ring system's atoms placed in its own frame.</summary>
    private readonly record struct RingPlan(double Cost, int[] Atoms, Point2D[] Points);

    /// <summary>Positions for the atoms of the rings <paramref name="systemRings"/>; other entries are left at the origin.</summary>
    /// <param name="rings">Every ring of the molecule, in ring order.</param>
    /// <param name="systemRings">The indices of the rings of this system.</param>
    /// <param name="substituents">For each atom of the molecule, how many of its neighbours lie outside the system.</param>
    public static Point2D[] Build(int[][] rings, IReadOnlyList<int> systemRings, int[] substituents)
    {
        int first = FirstRing(rings, systemRings);
        var best = new RingSystemTemplate(rings, systemRings, substituents, first, SpiroVariants[0]);
        best.Run();
        if (best.totalCost <= 0.5)
        {
            return best.positions;
        }

        // Something did not fit (a bridged system, or a spiro junction that crowds a ring fused on later): try
        // starting from each ring and each way of setting spiro rings on their atom, and keep the best.
        foreach (int start in systemRings.Prepend(first).Distinct())
        {
            foreach (var variant in SpiroVariants)
            {
                if (start == first && variant == SpiroVariants[0])
                {
                    continue;
                }

                var other = new RingSystemTemplate(rings, systemRings, substituents, start, variant);
                other.Run();
                if (other.totalCost < best.totalCost - 1e-6)
                {
                    best = other;
                }

                if (best.totalCost <= 0.5)
                {
                    return best.positions;
                }
            }
        }

        return best.positions;
    }

    private void Run()
    {
        int first = firstRing;
        int[] ring = rings[first];
        double radius = PlanarGeometry.RegularPolygonRadius(ring.Length);
        for (int j = 0; j < ring.Length; j++)
        {
            // A vertex on top: a hexagon stands on two vertical sides, the way chemists draw benzene.
            Place(ring[j], Point2D.FromAngle((Math.PI / 2) + (2 * Math.PI * j / ring.Length)) * radius);
        }

        done.Add(first);
        while (true)
        {
            int next = -1;
            RingPlan best = default;
            (int Fused, int Shared) bestRank = default;
            foreach (int r in systemRings)
            {
                int shared = done.Contains(r) ? 0 : rings[r].Count(a => placed[a]);
                if (shared == 0)
                {
                    continue;
                }

                var plan = Plan(rings[r], shared);
                // Between plans that fit equally well, a ring fused on one edge first, then the ring sharing most atoms.
                var rank = (IsFusedOnOneEdge(rings[r], shared) ? 1 : 0, shared);
                if (next < 0 || plan.Cost < best.Cost - 1e-6 || (Math.Abs(plan.Cost - best.Cost) <= 1e-6 && rank.CompareTo(bestRank) > 0))
                {
                    next = r;
                    best = plan;
                    bestRank = rank;
                }
            }

            if (next < 0)
            {
                break;
            }

            for (int k = 0; k < best.Atoms.Length; k++)
            {
                Place(best.Atoms[k], best.Points[k]);
            }

            totalCost += Math.Max(0, best.Cost);

            done.Add(next);
        }
    }

    /// <summary>The ring fused to most others (then the largest, then the first), so the system grows outward from its middle.</summary>
    private static int FirstRing(int[][] rings, IReadOnlyList<int> systemRings)
    {
        int best = systemRings[0], bestFused = -1;
        foreach (int r in systemRings)
        {
            int fused = 0;
            foreach (int other in systemRings)
            {
                if (other != r && rings[r].Count(a => Array.IndexOf(rings[other], a) >= 0) >= 2)
                {
                    fused++;
                }
            }

            if (fused > bestFused || (fused == bestFused && rings[r].Length > rings[best].Length))
            {
                best = r;
                bestFused = fused;
            }
        }

        return best;
    }

    private bool IsFusedOnOneEdge(int[] ring, int shared)
    {
        if (shared != 2)
        {
            return false;
        }

        for (int k = 0; k < ring.Length; k++)
        {
            if (placed[ring[k]] && placed[ring[(k + 1) % ring.Length]])
            {
                return true;
            }
        }

        return false;
    }

    private void Place(int atom, Point2D position)
    {
        positions[atom] = position;
        if (!placed[atom])
        {
            placed[atom] = true;
            placedAtoms.Add(atom);
        }
    }

    /// <summary>Where the unplaced atoms of <paramref name="ring"/> would go, and how badly that would fit.</summary>
    private RingPlan Plan(int[] ring, int shared)
    {
        // Bonds of this ring whose two atoms were both placed by other rings keep whatever length they got.
        double misfit = 0;
        for (int k = 0; k < ring.Length; k++)
        {
            int a = ring[k], b = ring[(k + 1) % ring.Length];
            if (placed[a] && placed[b])
            {
                misfit += 3 * Math.Max(0, Math.Abs(Point2D.Distance(positions[a], positions[b]) - 1) - 0.05);
            }
        }

        if (shared == ring.Length)
        {
            return new RingPlan(misfit, [], []);
        }

        var plan = shared == 1 ? PlanSpiro(ring) : PlanArcs(ring);
        return plan with { Cost = plan.Cost + misfit };
    }

    private RingPlan PlanSpiro(int[] ring)
    {
        int at = Array.FindIndex(ring, a => placed[a]);
        int atom = ring[at];
        var occupied = new List<double>();
        var polygons = new List<Point2D[]>();
        foreach (int r in done)
        {
            int k = Array.IndexOf(rings[r], atom);
            if (k < 0)
            {
                continue;
            }

            int[] other = rings[r];
            occupied.Add((positions[other[(k + 1) % other.Length]] - positions[atom]).Angle);
            occupied.Add((positions[other[(k + other.Length - 1) % other.Length]] - positions[atom]).Angle);
            polygons.Add(other.Select(a => positions[a]).ToArray());
        }

        double outward = AngularGap.Widest(positions[atom], occupied, polygons).Bisector + spiroVariant.Turn;
        double radius = PlanarGeometry.RegularPolygonRadius(ring.Length);
        Point2D centre = positions[atom] + (Point2D.FromAngle(outward) * radius);
        double start = outward + Math.PI;
        double direction = spiroVariant.Clockwise ? -1 : 1;
        var atoms = new int[ring.Length - 1];
        var points = new Point2D[ring.Length - 1];
        for (int j = 1; j < ring.Length; j++)
        {
            atoms[j - 1] = ring[(at + j) % ring.Length];
            points[j - 1] = centre + (Point2D.FromAngle(start + (direction * 2 * Math.PI * j / ring.Length)) * radius);
        }

        return new RingPlan(10 * Clash(points, atom, atom), atoms, points);
    }

    /// <summary>
    /// Closes every run of unplaced ring atoms between the placed atoms at its ends. Runs are planned one after
    /// another as if the earlier ones were placed; nothing is kept.
    /// </summary>
    private RingPlan PlanArcs(int[] ring)
    {
        int n = ring.Length;
        int anchor = Array.FindIndex(ring, a => placed[a]);
        var atoms = new List<int>();
        var points = new List<Point2D>();
        double cost = 0;
        int j = 1;
        while (j <= n)
        {
            if (placed[ring[(anchor + j) % n]])
            {
                j++;
                continue;
            }

            int runStart = j;
            while (!placed[ring[(anchor + j) % n]])
            {
                j++;
            }

            int from = ring[(anchor + runStart - 1) % n];
            int to = ring[(anchor + j) % n];
            var runAtoms = Enumerable.Range(runStart, j - runStart).Select(k => ring[(anchor + k) % n]).ToArray();
            var (runCost, run) = BestClosure(from, to, runAtoms);
            cost += runCost;
            for (int k = 0; k < run.Length; k++)
            {
                int a = ring[(anchor + runStart + k) % n];
                atoms.Add(a);
                points.Add(run[k]);
                positions[a] = run[k];
                placed[a] = true;
            }
        }

        foreach (int a in atoms)
        {
            placed[a] = false;
        }

        return new RingPlan(cost, [.. atoms], [.. points]);
    }

    /// <summary>
    /// The points that close the run <paramref name="runAtoms"/> of ring atoms from <paramref name="from"/> to
    /// <paramref name="to"/>, with their cost: a unit-step arc on the far side from the placed rings when that side
    /// is free (always so for a fused ring); else a flatter arc of shorter steps or a straight bridge, whichever
    /// crowds the placed atoms, encloses them or crosses their bonds least.
    /// </summary>
    private (double Cost, Point2D[] Points) BestClosure(int from, int to, int[] runAtoms)
    {
        int count = runAtoms.Length;
        Point2D start = positions[from], end = positions[to];
        var placedBonds = new List<(Point2D, Point2D)>();
        var placedPolygons = new List<Point2D[]>();
        foreach (int r in done)
        {
            int[] ring = rings[r];
            for (int k = 0; k < ring.Length; k++)
            {
                placedBonds.Add((positions[ring[k]], positions[ring[(k + 1) % ring.Length]]));
            }

            placedPolygons.Add(ring.Select(a => positions[a]).ToArray());
        }

        Point2D reference = ReferencePoint(from, to);
        Point2D[] best = [];
        double bestCost = double.PositiveInfinity;
        foreach (double step in new[] { 1.0, 0.85, 0.7 })
        {
            foreach (int side in new[] { 1, -1 })
            {
                Consider(PlanarGeometry.Arc(start, end, count, side, step));
            }
        }

        Consider(PlanarGeometry.Arc(start, end, count, 1, Point2D.Distance(start, end) / (count + 1)));
        return (bestCost, best);

        void Consider(Point2D[] candidate)
        {
            double cost = 10 * Clash(candidate, from, to);
            double stretch = 0;
            Point2D previous = start;
            for (int k = 0; k <= candidate.Length; k++)
            {
                Point2D next = k < candidate.Length ? candidate[k] : end;
                stretch = Math.Max(stretch, Math.Abs(Point2D.Distance(previous, next) - 1));
                foreach (var (a, b) in placedBonds)
                {
                    if (PlanarGeometry.SegmentsCross(previous, next, a, b))
                    {
                        cost += 3;
                    }
                }

                previous = next;
            }

            foreach (var p in candidate)
            {
                foreach (var (a, b) in placedBonds)
                {
                    double d = PlanarGeometry.DistanceToSegment(p, a, b);
                    if (d < 0.3)
                    {
                        cost += 10 * (0.3 - d);
                    }
                }
            }

            // An atom inside a placed ring has no room for its substituents.
            for (int k = 0; k < candidate.Length; k++)
            {
                if (substituents[runAtoms[k]] > 0 && placedPolygons.Exists(polygon => PlanarGeometry.IsInsidePolygon(candidate[k], polygon)))
                {
                    cost += 2 * substituents[runAtoms[k]];
                }
            }

            // Placed atoms caught between the new arc and the chord would sit inside the new ring.
            var region = new Point2D[candidate.Length + 2];
            region[0] = start;
            candidate.CopyTo(region, 1);
            region[^1] = end;
            foreach (int a in placedAtoms)
            {
                if (a != from && a != to && PlanarGeometry.IsInsidePolygon(positions[a], region))
                {
                    cost += 3;
                }
            }

            // Between equals, the side away from the placed rings.
            cost += (2 * stretch) - (1e-3 * Point2D.Distance(PlanarGeometry.Centroid(candidate), reference));
            if (cost < bestCost - 1e-9)
            {
                best = candidate;
                bestCost = cost;
            }
        }
    }

    /// <summary>
    /// Where the placed part lies as seen from the gap between <paramref name="from"/> and <paramref name="to"/>: the
    /// centre of the placed rings holding both (a fused edge), else of those holding either, else of everything.
    /// </summary>
    private Point2D ReferencePoint(int from, int to)
    {
        foreach (bool both in new[] { true, false })
        {
            double x = 0, y = 0;
            int count = 0;
            foreach (int r in done)
            {
                bool hasFrom = Array.IndexOf(rings[r], from) >= 0, hasTo = Array.IndexOf(rings[r], to) >= 0;
                if (both ? hasFrom && hasTo : hasFrom || hasTo)
                {
                    foreach (int a in rings[r])
                    {
                        x += positions[a].X;
                        y += positions[a].Y;
                        count++;
                    }
                }
            }

            if (count > 0)
            {
                return new Point2D(x / count, y / count);
            }
        }

        return PlanarGeometry.Centroid(placedAtoms.Select(a => positions[a]).ToArray());
    }

    /// <summary>How much the candidate points crowd the placed atoms other than the two they hang from.</summary>
    private double Clash(Point2D[] candidate, int from, int to)
    {
        const double near = 0.7;
        double clash = 0;
        foreach (var p in candidate)
        {
            foreach (int a in placedAtoms)
            {
                if (a == from || a == to || !placed[a])
                {
                    continue;
                }

                double d = Point2D.Distance(p, positions[a]);
                if (d < near)
                {
                    clash += near - d;
                }
            }
        }

        return clash;
    }
}
