namespace TopoPool.Depiction;

/// <summary>
/// The working state of one <see cref="MoleculeLayout"/> run. Each connected fragment is grown outward from a
/// root (its largest ring system, or an end of its longest chain) one atom at a time: chain atoms zig-zag at
/// 120°, substituents spread through the widest free sector of their atom, and a ring system met on the way is
/// dropped in whole from its template, attachment bond pointing away. Clashes are then relieved, each fragment
/// turned to lie flat, and the fragments set side by side.
/// </summary>
internal sealed class MoleculeLayoutBuilder
{
    private const double FragmentGap = 1.5;

    private readonly int atomCount;
    private readonly int[][] neighbours;
    private readonly DepictionBondOrder[][] neighbourOrders;
    private readonly bool[][] neighbourInRing;
    private readonly int[][] rings;
    private readonly int[][] ringsOfAtom;
    private readonly int[] systemOfAtom;
    private readonly List<int>[] systemRings;
    private readonly List<int>[] systemAtoms;
    private readonly Point2D[] positions;
    private readonly bool[] placed;
    private readonly List<int> placedAtoms = [];

    public MoleculeLayoutBuilder(MoleculeGraph graph)
    {
        atomCount = graph.AtomCount;
        var adjacency = new List<(int Atom, DepictionBondOrder Order)>[atomCount];
        for (int i = 0; i < atomCount; i++)
        {
            adjacency[i] = [];
        }

        foreach (var bond in graph.Bonds)
        {
            if (adjacency[bond.Begin].Exists(x => x.Atom == bond.End))
            {
                continue;
            }

            adjacency[bond.Begin].Add((bond.End, bond.Order));
            adjacency[bond.End].Add((bond.Begin, bond.Order));
        }

        neighbours = adjacency.Select(list => list.Select(x => x.Atom).ToArray()).ToArray();
        neighbourOrders = adjacency.Select(list => list.Select(x => x.Order).ToArray()).ToArray();
        rings = ValidRings(graph.Rings, neighbours);

        var ringBonds = new HashSet<(int, int)>();
        var atomRings = new List<int>[atomCount];
        for (int i = 0; i < atomCount; i++)
        {
            atomRings[i] = [];
        }

        for (int r = 0; r < rings.Length; r++)
        {
            int[] ring = rings[r];
            for (int k = 0; k < ring.Length; k++)
            {
                int a = ring[k], b = ring[(k + 1) % ring.Length];
                ringBonds.Add((Math.Min(a, b), Math.Max(a, b)));
                atomRings[a].Add(r);
            }
        }

        ringsOfAtom = atomRings.Select(list => list.ToArray()).ToArray();
        neighbourInRing = new bool[atomCount][];
        for (int a = 0; a < atomCount; a++)
        {
            neighbourInRing[a] = neighbours[a].Select(b => ringBonds.Contains((Math.Min(a, b), Math.Max(a, b)))).ToArray();
        }

        (systemOfAtom, systemRings, systemAtoms) = RingSystems(rings, atomCount);
        positions = new Point2D[atomCount];
        placed = new bool[atomCount];
    }

    public Point2D[] Run()
    {
        var fragments = Fragments();
        foreach (var fragment in fragments)
        {
            LayOutFragment(fragment);
            new LayoutClashRemover(fragment, neighbours, neighbourInRing, positions).Run();
            TurnFlat(fragment);
        }

        SetSideBySide(fragments);
        return positions;
    }

    /// <summary>The rings whose atoms really do form a cycle of bonds, each put in walking order.</summary>
    private static int[][] ValidRings(IReadOnlyList<IReadOnlyList<int>> input, int[][] neighbours)
    {
        var result = new List<int[]>();
        foreach (var ring in input)
        {
            int[] atoms = ring.Distinct().ToArray();
            if (atoms.Length < 3 || atoms.Length != ring.Count)
            {
                continue;
            }

            bool inOrder = true;
            for (int k = 0; k < atoms.Length && inOrder; k++)
            {
                inOrder = Array.IndexOf(neighbours[atoms[k]], atoms[(k + 1) % atoms.Length]) >= 0;
            }

            if (inOrder)
            {
                result.Add(atoms);
            }
            else if (WalkCycle(atoms, neighbours) is { } walked)
            {
                result.Add(walked);
            }
        }

        return [.. result];
    }

    /// <summary>The ring's atoms in an order that walks along its bonds, or null when they do not form a simple cycle.</summary>
    private static int[]? WalkCycle(int[] atoms, int[][] neighbours)
    {
        var members = new HashSet<int>(atoms);
        var order = new List<int> { atoms[0] };
        int previous = -1, current = atoms[0];
        while (true)
        {
            int next = -1;
            foreach (int b in neighbours[current])
            {
                if (b != previous && members.Contains(b) && (!order.Contains(b) || (b == atoms[0] && order.Count == atoms.Length)))
                {
                    next = b;
                    break;
                }
            }

            if (next < 0)
            {
                return null;
            }

            if (next == atoms[0])
            {
                return order.Count == atoms.Length ? [.. order] : null;
            }

            order.Add(next);
            previous = current;
            current = next;
        }
    }

    /// <summary>Rings sharing an atom belong to one system; returns each atom's system (-1 outside rings) and each system's rings and atoms.</summary>
    private static (int[] SystemOfAtom, List<int>[] SystemRings, List<int>[] SystemAtoms) RingSystems(int[][] rings, int atomCount)
    {
        var parent = Enumerable.Range(0, rings.Length).ToArray();
        int Find(int r) => parent[r] == r ? r : parent[r] = Find(parent[r]);
        var firstRingOfAtom = new int[atomCount];
        Array.Fill(firstRingOfAtom, -1);
        for (int r = 0; r < rings.Length; r++)
        {
            foreach (int a in rings[r])
            {
                if (firstRingOfAtom[a] < 0)
                {
                    firstRingOfAtom[a] = r;
                }
                else
                {
                    int x = Find(firstRingOfAtom[a]), y = Find(r);
                    if (x != y)
                    {
                        parent[Math.Max(x, y)] = Math.Min(x, y);
                    }
                }
            }
        }

        var systemOfRoot = new Dictionary<int, int>();
        var systemRings = new List<List<int>>();
        for (int r = 0; r < rings.Length; r++)
        {
            int root = Find(r);
            if (!systemOfRoot.TryGetValue(root, out int system))
            {
                system = systemRings.Count;
                systemOfRoot[root] = system;
                systemRings.Add([]);
            }

            systemRings[system].Add(r);
        }

        var systemOfAtom = new int[atomCount];
        Array.Fill(systemOfAtom, -1);
        var systemAtoms = systemRings.Select(_ => new List<int>()).ToArray();
        for (int a = 0; a < atomCount; a++)
        {
            if (firstRingOfAtom[a] >= 0)
            {
                systemOfAtom[a] = systemOfRoot[Find(firstRingOfAtom[a])];
                systemAtoms[systemOfAtom[a]].Add(a);
            }
        }

        return (systemOfAtom, [.. systemRings], systemAtoms);
    }

    /// <summary>The connected components, each as its atoms ascending, ordered by their first atom.</summary>
    private List<int[]> Fragments()
    {
        var seen = new bool[atomCount];
        var result = new List<int[]>();
        var stack = new Stack<int>();
        for (int start = 0; start < atomCount; start++)
        {
            if (seen[start])
            {
                continue;
            }

            var members = new List<int>();
            seen[start] = true;
            stack.Push(start);
            while (stack.Count > 0)
            {
                int a = stack.Pop();
                members.Add(a);
                foreach (int b in neighbours[a])
                {
                    if (!seen[b])
                    {
                        seen[b] = true;
                        stack.Push(b);
                    }
                }
            }

            members.Sort();
            result.Add([.. members]);
        }

        return result;
    }

    private void LayOutFragment(int[] fragment)
    {
        placedAtoms.Clear();
        var queue = new Queue<int>();
        int rootSystem = -1;
        foreach (int a in fragment)
        {
            int s = systemOfAtom[a];
            if (s >= 0 && (rootSystem < 0 || systemAtoms[s].Count > systemAtoms[rootSystem].Count))
            {
                rootSystem = s;
            }
        }

        if (rootSystem >= 0)
        {
            Point2D[] template = RingSystemTemplate.Build(rings, systemRings[rootSystem], Substituents(rootSystem));
            foreach (int a in systemAtoms[rootSystem])
            {
                Place(a, template[a], queue);
            }
        }
        else
        {
            // An end of the longest chain (the far end of a breadth-first sweep from any atom), so the chain zig-zags across.
            Place(Farthest(Farthest(fragment[0])), Point2D.Origin, queue);
        }

        while (queue.Count > 0)
        {
            Expand(queue.Dequeue(), queue);
        }
    }

    /// <summary>For each atom, how many of its neighbours lie outside ring system <paramref name="system"/>.</summary>
    private int[] Substituents(int system)
    {
        var counts = new int[atomCount];
        foreach (int a in systemAtoms[system])
        {
            foreach (int b in neighbours[a])
            {
                if (systemOfAtom[b] != system)
                {
                    counts[a]++;
                }
            }
        }

        return counts;
    }

    private void Place(int atom, Point2D position, Queue<int> queue)
    {
        positions[atom] = position;
        placed[atom] = true;
        placedAtoms.Add(atom);
        queue.Enqueue(atom);
    }

    private int Farthest(int start)
    {
        var distance = new int[atomCount];
        Array.Fill(distance, -1);
        distance[start] = 0;
        var queue = new Queue<int>();
        queue.Enqueue(start);
        int farthest = start;
        while (queue.Count > 0)
        {
            int a = queue.Dequeue();
            if (distance[a] > distance[farthest] || (distance[a] == distance[farthest] && a < farthest))
            {
                farthest = a;
            }

            foreach (int b in neighbours[a])
            {
                if (distance[b] < 0)
                {
                    distance[b] = distance[a] + 1;
                    queue.Enqueue(b);
                }
            }
        }

        return farthest;
    }

    /// <summary>Places every unplaced neighbour of <paramref name="atom"/> (with the whole ring system of a ring atom).</summary>
    private void Expand(int atom, Queue<int> queue)
    {
        var unplaced = new List<int>();
        foreach (int b in neighbours[atom])
        {
            if (!placed[b])
            {
                unplaced.Add(b);
            }
        }

        if (unplaced.Count == 0)
        {
            return;
        }

        double[] angles = ChooseDirections(atom, unplaced);
        for (int k = 0; k < unplaced.Count; k++)
        {
            int b = unplaced[k];
            if (placed[b])
            {
                continue;
            }

            Point2D at = positions[atom] + Point2D.FromAngle(angles[k]);
            if (systemOfAtom[b] >= 0)
            {
                PlaceRingSystem(systemOfAtom[b], b, atom, at, queue);
            }
            else
            {
                Place(b, at, queue);
            }
        }
    }

    /// <summary>The bond direction (radians) for each of <paramref name="unplaced"/>, in the same order.</summary>
    private double[] ChooseDirections(int atom, List<int> unplaced)
    {
        int k = unplaced.Count;
        var occupied = new List<double>();
        int placedNeighbour = -1;
        foreach (int b in neighbours[atom])
        {
            if (placed[b])
            {
                occupied.Add((positions[b] - positions[atom]).Angle);
                placedNeighbour = b;
            }
        }

        var angles = new double[k];
        if (occupied.Count == 0)
        {
            // The root of a chain: the first bond runs down to the right, so the zig-zag that follows runs across.
            int slots = Math.Max(k, 3);
            int[] bySize = BySubtreeSize(atom, unplaced);
            for (int j = 0; j < k; j++)
            {
                angles[bySize[j]] = (-Math.PI / 6) - (2 * Math.PI * j / slots);
            }

            return angles;
        }

        if (systemOfAtom[atom] >= 0 || occupied.Count >= 2)
        {
            var gap = AngularGap.Widest(positions[atom], occupied, PlacedRingPolygons(atom));
            for (int j = 0; j < k; j++)
            {
                angles[j] = gap.Spread(j, k);
            }

            return angles;
        }

        double back = occupied[0];
        if (k == 1)
        {
            angles[0] = IsLinear(atom) ? back + Math.PI : TransTurn(atom, placedNeighbour, back);
            return angles;
        }

        int[] order = BySubtreeSize(atom, unplaced);
        if (k == 2)
        {
            double trans = TransTurn(atom, placedNeighbour, back);
            angles[order[0]] = trans;
            angles[order[1]] = back + back - trans;
            return angles;
        }

        if (k == 3)
        {
            angles[order[0]] = back + Math.PI;
            double trans = TransTurn(atom, placedNeighbour, back);
            angles[order[1]] = back + ((trans - back) * 0.75);
            angles[order[2]] = back - ((trans - back) * 0.75);
            return angles;
        }

        for (int j = 0; j < k; j++)
        {
            angles[order[j]] = back + (2 * Math.PI * (j + 1) / (k + 1));
        }

        return angles;
    }

    /// <summary>
    /// Of the two 120° turns from the bond back to <paramref name="previous"/>, the one that puts the next atom on
    /// the far side from the atom before <paramref name="previous"/> (a zig-zag); without such an atom, the clockwise one.
    /// </summary>
    private double TransTurn(int atom, int previous, double back)
    {
        double left = back + (2 * Math.PI / 3), right = back - (2 * Math.PI / 3);
        Point2D axis = positions[atom] - positions[previous];
        int reference = -1;
        foreach (int q in neighbours[previous])
        {
            if (q != atom && placed[q] && Math.Abs(Point2D.Cross(axis, positions[q] - positions[previous])) > 1e-6)
            {
                reference = q;
                break;
            }
        }

        if (reference < 0)
        {
            return right;
        }

        double referenceSide = Point2D.Cross(axis, positions[reference] - positions[previous]);
        double leftSide = Point2D.Cross(axis, positions[atom] + Point2D.FromAngle(left) - positions[previous]);
        return (leftSide > 0) == (referenceSide > 0) ? right : left;
    }

    /// <summary>An atom with a triple bond or two double bonds and two neighbours sits on a straight line.</summary>
    private bool IsLinear(int atom)
    {
        if (neighbours[atom].Length != 2)
        {
            return false;
        }

        int triples = 0, doubles = 0;
        foreach (var order in neighbourOrders[atom])
        {
            if (order == DepictionBondOrder.Triple)
            {
                triples++;
            }
            else if (order == DepictionBondOrder.Double)
            {
                doubles++;
            }
        }

        return triples > 0 || doubles > 1;
    }

    /// <summary>Positions of <paramref name="unplaced"/> sorted by the size of the branch behind each, largest first (ties: input order).</summary>
    private int[] BySubtreeSize(int atom, List<int> unplaced)
    {
        var sizes = unplaced.Select(b => BranchSize(b, atom)).ToArray();
        return Enumerable.Range(0, unplaced.Count).OrderByDescending(j => sizes[j]).ThenBy(j => j).ToArray();
    }

    /// <summary>The number of atoms reachable from <paramref name="start"/> without passing through <paramref name="from"/>.</summary>
    private int BranchSize(int start, int from)
    {
        var seen = new HashSet<int> { from, start };
        var stack = new Stack<int>();
        stack.Push(start);
        int count = 0;
        while (stack.Count > 0)
        {
            int a = stack.Pop();
            count++;
            foreach (int b in neighbours[a])
            {
                if (seen.Add(b))
                {
                    stack.Push(b);
                }
            }
        }

        return count;
    }

    private List<Point2D[]> PlacedRingPolygons(int atom)
    {
        var polygons = new List<Point2D[]>();
        foreach (int r in ringsOfAtom[atom])
        {
            if (Array.TrueForAll(rings[r], a => placed[a]))
            {
                polygons.Add(rings[r].Select(a => positions[a]).ToArray());
            }
        }

        return polygons;
    }

    /// <summary>
    /// Drops ring system <paramref name="system"/> in whole so that <paramref name="attachment"/> lands on
    /// <paramref name="at"/> with its widest free sector facing <paramref name="parent"/>; of the template and its
    /// mirror image, the one that crowds the atoms already placed the least.
    /// </summary>
    private void PlaceRingSystem(int system, int attachment, int parent, Point2D at, Queue<int> queue)
    {
        Point2D[] template = RingSystemTemplate.Build(rings, systemRings[system], Substituents(system));
        var occupied = new List<double>();
        foreach (int b in neighbours[attachment])
        {
            if (systemOfAtom[b] == system)
            {
                occupied.Add((template[b] - template[attachment]).Angle);
            }
        }

        var polygons = ringsOfAtom[attachment].Select(r => rings[r].Select(a => template[a]).ToArray()).ToList();
        double outward = AngularGap.Widest(template[attachment], occupied, polygons).Bisector;
        double turn = (positions[parent] - at).Angle - outward;
        var atoms = systemAtoms[system];

        Point2D[] Transform(bool mirror)
        {
            var result = new Point2D[atoms.Count];
            double c = Math.Cos(2 * outward), s = Math.Sin(2 * outward);
            for (int k = 0; k < atoms.Count; k++)
            {
                Point2D v = template[atoms[k]] - template[attachment];
                if (mirror)
                {
                    v = new Point2D((c * v.X) + (s * v.Y), (s * v.X) - (c * v.Y));
                }

                result[k] = at + v.Rotated(turn);
            }

            return result;
        }

        Point2D[] plain = Transform(false), mirrored = Transform(true);
        Point2D[] chosen = Crowding(mirrored) < Crowding(plain) - 1e-9 ? mirrored : plain;
        for (int k = 0; k < atoms.Count; k++)
        {
            Place(atoms[k], chosen[k], queue);
        }
    }

    private double Crowding(Point2D[] candidate)
    {
        const double near = 1.0;
        double crowding = 0;
        foreach (var p in candidate)
        {
            foreach (int a in placedAtoms)
            {
                double d = Point2D.Distance(p, positions[a]);
                if (d < near)
                {
                    crowding += (near - d) * (near - d);
                }
            }
        }

        return crowding;
    }

    /// <summary>
    /// Turns the fragment so its long axis lies across, by a multiple of 30° so that the 30°-grid of hexagons and
    /// zig-zags stays on the grid.
    /// </summary>
    private void TurnFlat(int[] fragment)
    {
        if (fragment.Length < 2)
        {
            return;
        }

        Point2D centre = PlanarGeometry.Centroid(fragment.Select(a => positions[a]).ToArray());
        double xx = 0, yy = 0, xy = 0;
        foreach (int a in fragment)
        {
            Point2D d = positions[a] - centre;
            xx += d.X * d.X;
            yy += d.Y * d.Y;
            xy += d.X * d.Y;
        }

        double axis = 0.5 * Math.Atan2(2 * xy, xx - yy);
        double step = Math.PI / 6;
        double turn = -Math.Round(axis / step, MidpointRounding.AwayFromZero) * step;
        if (Math.Abs(turn) < 1e-12)
        {
            return;
        }

        foreach (int a in fragment)
        {
            positions[a] = centre + (positions[a] - centre).Rotated(turn);
        }
    }

    private void SetSideBySide(List<int[]> fragments)
    {
        double cursor = 0;
        foreach (int[] fragment in fragments)
        {
            double minX = fragment.Min(a => positions[a].X), maxX = fragment.Max(a => positions[a].X);
            double minY = fragment.Min(a => positions[a].Y), maxY = fragment.Max(a => positions[a].Y);
            var shift = new Point2D(cursor - minX, -0.5 * (minY + maxY));
            foreach (int a in fragment)
            {
                positions[a] += shift;
            }

            cursor += maxX - minX + FragmentGap;
        }
    }
}
