namespace TopoPool.Depiction;

/// <summary>
/// Relieves a laid-out fragment of atoms that crowd each other, atoms that sit on bonds, and bonds that cross:
/// worst problem first, it tries to swing the smaller side of each chain bond between the two offenders (mirror
/// it across the bond, or turn it about the bond's fixed end by 30° or 60°) and keeps the move that lowers the
/// total penalty most. Ring systems move only as rigid wholes, so rings stay regular and bonds keep their length.
/// </summary>
internal sealed class LayoutClashRemover
{
    private const double Near = 0.75;
    private const double TooClose = 0.45;
    private const double BondMargin = 0.35;
    private const double CrossingPenalty = 12;

    // Bending a substituent off its ideal direction costs this much per 30°, so it is done only when it clearly helps.
    private const double TurnCost = 0.3;

    private readonly int[] atoms;
    private readonly int[][] neighbours;
    private readonly bool[][] neighbourInRing;
    private readonly Point2D[] positions;
    private readonly (int A, int B)[] bonds;

    public LayoutClashRemover(int[] atoms, int[][] neighbours, bool[][] neighbourInRing, Point2D[] positions)
    {
        this.atoms = atoms;
        this.neighbours = neighbours;
        this.neighbourInRing = neighbourInRing;
        this.positions = positions;
        var list = new List<(int, int)>();
        foreach (int a in atoms)
        {
            foreach (int b in neighbours[a])
            {
                if (a < b)
                {
                    list.Add((a, b));
                }
            }
        }

        bonds = [.. list];
    }

    public void Run()
    {
        if (atoms.Length < 3)
        {
            return;
        }

        double score = Score();
        var hopeless = new HashSet<(int, int)>();
        int maxRounds = 10 + (2 * atoms.Length);
        for (int round = 0; round < maxRounds && score > 1e-9; round++)
        {
            bool improved = false;
            foreach (var problem in Problems())
            {
                if (hopeless.Contains((problem.First, problem.Second)))
                {
                    continue;
                }

                if (TryFix(problem, ref score))
                {
                    improved = true;
                    break;
                }

                hopeless.Add((problem.First, problem.Second));
            }

            if (!improved)
            {
                break;
            }
        }
    }

    private readonly record struct Problem(double Penalty, int First, int Second, int[] Ends);

    private readonly record struct Move(int[] Moving, int Pivot, int Hinge, int Kind);

    /// <summary>Applies the best move for <paramref name="problem"/> when it lowers the score; returns whether it did.</summary>
    private bool TryFix(Problem problem, ref double score)
    {
        var bridges = new List<(int Fixed, int Moving)>();
        for (int e = 0; e + 1 < problem.Ends.Length; e += 2)
        {
            foreach (var bridge in BridgesOnPath(problem.Ends[e], problem.Ends[e + 1]))
            {
                if (!bridges.Contains(bridge) && !bridges.Contains((bridge.Moving, bridge.Fixed)))
                {
                    bridges.Add(bridge);
                }
            }
        }

        Move? best = null;
        double bestScore = score - 1e-6;
        foreach (var (u, v) in bridges)
        {
            int[] side = SideOf(v, u);
            int pivot = u, hinge = v;
            if (side.Length * 2 > atoms.Length)
            {
                side = SideOf(u, v);
                (pivot, hinge) = (v, u);
            }

            for (int kind = 0; kind < 5; kind++)
            {
                var move = new Move(side, pivot, hinge, kind);
                var saved = side.Select(a => positions[a]).ToArray();
                Apply(move);
                double candidate = Score() + (TurnCost * Math.Abs(TurnSteps(kind)));
                for (int k = 0; k < side.Length; k++)
                {
                    positions[side[k]] = saved[k];
                }

                if (candidate < bestScore)
                {
                    bestScore = candidate;
                    best = move;
                }
            }
        }

        if (best is not { } chosen)
        {
            return false;
        }

        Apply(chosen);
        score = Score();
        return true;
    }

    private static int TurnSteps(int kind) => kind switch { 1 => 1, 2 => -1, 3 => 2, 4 => -2, _ => 0 };

    /// <summary>Kind 0 mirrors the moving side across the bond pivot–hinge; kinds 1–4 turn it about the pivot by ±30° or ±60°.</summary>
    private void Apply(Move move)
    {
        Point2D pivot = positions[move.Pivot];
        if (move.Kind == 0)
        {
            Point2D axis = (positions[move.Hinge] - pivot).Normalized();
            foreach (int a in move.Moving)
            {
                Point2D v = positions[a] - pivot;
                positions[a] = pivot + (axis * (2 * Point2D.Dot(v, axis))) - v;
            }

            return;
        }

        double angle = TurnSteps(move.Kind) * Math.PI / 6;
        foreach (int a in move.Moving)
        {
            positions[a] = pivot + (positions[a] - pivot).Rotated(angle);
        }
    }

    /// <summary>The atoms reachable from <paramref name="start"/> without crossing the bond to <paramref name="across"/>.</summary>
    private int[] SideOf(int start, int across)
    {
        var seen = new HashSet<int> { start };
        var stack = new Stack<int>();
        stack.Push(start);
        var side = new List<int>();
        while (stack.Count > 0)
        {
            int a = stack.Pop();
            side.Add(a);
            foreach (int b in neighbours[a])
            {
                if (!(a == start && b == across) && seen.Add(b))
                {
                    stack.Push(b);
                }
            }
        }

        side.Sort();
        return [.. side];
    }

    /// <summary>The chain (non-ring) bonds on a shortest path from <paramref name="from"/> to <paramref name="to"/>, each as (nearer from, nearer to).</summary>
    private List<(int Fixed, int Moving)> BridgesOnPath(int from, int to)
    {
        var result = new List<(int Fixed, int Moving)>();
        if (from == to)
        {
            return result;
        }

        var previous = new Dictionary<int, int> { [from] = -1 };
        var queue = new Queue<int>();
        queue.Enqueue(from);
        while (queue.Count > 0 && !previous.ContainsKey(to))
        {
            int a = queue.Dequeue();
            foreach (int b in neighbours[a])
            {
                if (previous.TryAdd(b, a))
                {
                    queue.Enqueue(b);
                }
            }
        }

        if (!previous.ContainsKey(to))
        {
            return result;
        }

        for (int b = to; previous[b] >= 0; b = previous[b])
        {
            int a = previous[b];
            if (!neighbourInRing[a][Array.IndexOf(neighbours[a], b)])
            {
                result.Add((a, b));
            }
        }

        result.Reverse();
        return result;
    }

    /// <summary>Every crowded pair, atom on a bond and crossing, worst first.</summary>
    private List<Problem> Problems()
    {
        var problems = new List<Problem>();
        for (int x = 0; x < atoms.Length; x++)
        {
            for (int y = x + 1; y < atoms.Length; y++)
            {
                double penalty = PairPenalty(atoms[x], atoms[y]);
                if (penalty > 0)
                {
                    problems.Add(new Problem(penalty, atoms[x], atoms[y], [atoms[x], atoms[y]]));
                }
            }
        }

        for (int i = 0; i < bonds.Length; i++)
        {
            var (a, b) = bonds[i];
            foreach (int k in atoms)
            {
                double penalty = AtomOnBondPenalty(k, a, b);
                if (penalty > 0)
                {
                    problems.Add(new Problem(penalty, k, -1 - i, [k, a, k, b]));
                }
            }
        }

        for (int i = 0; i < bonds.Length; i++)
        {
            for (int j = i + 1; j < bonds.Length; j++)
            {
                if (Cross(bonds[i], bonds[j]))
                {
                    var (a, b) = bonds[i];
                    var (c, d) = bonds[j];
                    problems.Add(new Problem(CrossingPenalty, -1 - i, -1 - j, [a, c, b, d, a, d, b, c]));
                }
            }
        }

        return [.. problems.OrderByDescending(p => p.Penalty)];
    }

    private double Score()
    {
        double score = 0;
        for (int x = 0; x < atoms.Length; x++)
        {
            for (int y = x + 1; y < atoms.Length; y++)
            {
                score += PairPenalty(atoms[x], atoms[y]);
            }
        }

        foreach (var (a, b) in bonds)
        {
            foreach (int k in atoms)
            {
                score += AtomOnBondPenalty(k, a, b);
            }
        }

        for (int i = 0; i < bonds.Length; i++)
        {
            for (int j = i + 1; j < bonds.Length; j++)
            {
                if (Cross(bonds[i], bonds[j]))
                {
                    score += CrossingPenalty;
                }
            }
        }

        return score;
    }

    private double PairPenalty(int a, int b)
    {
        Point2D p = positions[a], q = positions[b];
        double dx = p.X - q.X, dy = p.Y - q.Y;
        double squared = (dx * dx) + (dy * dy);
        if (squared >= Near * Near || Array.IndexOf(neighbours[a], b) >= 0)
        {
            return 0;
        }

        double d = Math.Sqrt(squared);
        double penalty = 10 * ((Near - d) / Near) * ((Near - d) / Near);
        return d < TooClose ? penalty + 10 : penalty;
    }

    private double AtomOnBondPenalty(int k, int a, int b)
    {
        if (k == a || k == b)
        {
            return 0;
        }

        Point2D p = positions[k], from = positions[a], to = positions[b];
        if (p.X < Math.Min(from.X, to.X) - BondMargin || p.X > Math.Max(from.X, to.X) + BondMargin
            || p.Y < Math.Min(from.Y, to.Y) - BondMargin || p.Y > Math.Max(from.Y, to.Y) + BondMargin)
        {
            return 0;
        }

        double d = PlanarGeometry.DistanceToSegment(p, from, to);
        return d < BondMargin ? 10 * ((BondMargin - d) / BondMargin) * ((BondMargin - d) / BondMargin) : 0;
    }

    private bool Cross((int A, int B) first, (int A, int B) second)
    {
        if (first.A == second.A || first.A == second.B || first.B == second.A || first.B == second.B)
        {
            return false;
        }

        Point2D a = positions[first.A], b = positions[first.B], c = positions[second.A], d = positions[second.B];
        if (Math.Max(a.X, b.X) < Math.Min(c.X, d.X) || Math.Max(c.X, d.X) < Math.Min(a.X, b.X)
            || Math.Max(a.Y, b.Y) < Math.Min(c.Y, d.Y) || Math.Max(c.Y, d.Y) < Math.Min(a.Y, b.Y))
        {
            return false;
        }

        return PlanarGeometry.SegmentsCross(a, b, c, d);
    }
}
