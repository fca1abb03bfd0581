using System.Collections.Immutable;
using TopoPool.Core;

namespace TopoPool.Chemistry.Proteins;

/// <summary>
/// Every pair of points closer than a cut-off, found with a uniform grid of cubic cells one cut-off wide: a point's
/// partners lie in its own cell or one of the 26 around it, so only those are measured. Time and memory are linear
/// in the number of points plus the number of pairs found (points in one cell are mostly within the cut-off of one
/// another, so crowded cells pay for themselves in pairs), and the search stops as soon as it has found more pairs
/// than the caller allows.
/// </summary>
public static class ContactGrid
{
    // Cell coordinates are clamped to ±2^40 so that neighbour arithmetic never overflows; points beyond that
    // (over 10^12 cut-offs from the origin) share boundary cells, which costs time, never correctness.
    private const long CellLimit = 1L << 40;

    /// <summary>
    /// The pairs of points closer than <paramref name="cutoff"/> (Euclidean, strictly less), each once as
    /// <c>Edge(i, j)</c> with i &lt; j, in ascending order, unless there are more than
    /// <paramref name="maximumContacts"/> of them: then false, having done work and kept memory bounded by that limit.
    /// </summary>
    /// <param name="x">The points' x coordinates; every coordinate must be finite.</param>
    /// <param name="y">The y coordinates, as many as <paramref name="x"/>.</param>
    /// <param name="z">The z coordinates, as many as <paramref name="x"/>.</param>
    /// <param name="cutoff">A positive, finite distance.</param>
    /// <param name="maximumContacts">The most pairs to return.</param>
    /// <param name="contacts">The pairs; empty when the method returns false.</param>
    public static bool TryFind(
        ReadOnlySpan<double> x,
        ReadOnlySpan<double> y,
        ReadOnlySpan<double> z,
        double cutoff,
        int maximumContacts,
        out ImmutableArray<Edge> contacts)
    {
        int n = x.Length;
        if (y.Length != n || z.Length != n)
        {
            throw new ArgumentException($"{n} x, {y.Length} y and {z.Length} z coordinates were given; they must be as many");
        }

        if (!(cutoff > 0) || double.IsInfinity(cutoff))
        {
            throw new ArgumentOutOfRangeException(nameof(cutoff), cutoff, "the cut-off must be a positive, finite distance");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(maximumContacts);
        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(x[i]) || !double.IsFinite(y[i]) || !double.IsFinite(z[i]))
            {
                throw new ArgumentException($"point {i} ({x[i]}, {y[i]}, {z[i]}) is not finite");
            }
        }

        // Cells a hair wider than the cut-off, so that rounding in x / width never puts two points closer than the
        // cut-off two cells apart: the quotients err by at most 2^-53 of their size, hence the term in the largest
        // coordinate (nothing for real structures; coordinates of 10^15 widen 6 Å cells by 0.9 Å).
        double largest = 0;
        for (int i = 0; i < n; i++)
        {
            largest = Math.Max(largest, Math.Max(Math.Abs(x[i]), Math.Max(Math.Abs(y[i]), Math.Abs(z[i]))));
        }

        double width = (cutoff * (1 + (1.0 / (1 << 20)))) + (largest * Math.ScaleB(4, -52));
        var cells = new Cell[n];
        for (int i = 0; i < n; i++)
        {
            cells[i] = new Cell(CellOf(x[i], width), CellOf(y[i], width), CellOf(z[i], width));
        }

        // Points ordered by cell, and where each cell's run of points starts.
        int[] order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(cells.ToArray(), order);
        var runs = new Dictionary<Cell, (int Start, int Count)>();
        for (int start = 0; start < n;)
        {
            Cell cell = cells[order[start]];
            int end = start + 1;
            while (end < n && cells[order[end]] == cell)
            {
                end++;
            }

            runs.Add(cell, (start, end - start));
            start = end;
        }

        double squaredCutoff = cutoff * cutoff;
        var found = new List<long>();
        foreach (var (cell, run) in runs)
        {
            // Each pair of cells is visited once: the cell itself, then the 13 neighbours that come after it.
            for (int dx = -1; dx <= 1; dx++)
            {
                for (int dy = -1; dy <= 1; dy++)
                {
                    for (int dz = -1; dz <= 1; dz++)
                    {
                        var other = new Cell(cell.X + dx, cell.Y + dy, cell.Z + dz);
                        int order3 = other.CompareTo(cell);
                        if (order3 < 0 || !runs.TryGetValue(other, out var otherRun))
                        {
                            continue;
                        }

                        for (int a = run.Start; a < run.Start + run.Count; a++)
                        {
                            int i = order[a];
                            int from = order3 == 0 ? a + 1 : otherRun.Start;
                            for (int b = from; b < otherRun.Start + otherRun.Count; b++)
                            {
                                int j = order[b];
                                double ex = x[i] - x[j], ey = y[i] - y[j], ez = z[i] - z[j];
                                if ((ex * ex) + (ey * ey) + (ez * ez) < squaredCutoff)
                                {
                                    if (found.Count == maximumContacts)
                                    {
                                        contacts = [];
                                        return false;
                                    }

                                    found.Add(i < j ? ((long)i << 32) | (uint)j : ((long)j << 32) | (uint)i);
                                }
                            }
                        }
                    }
                }
            }
        }

        long[] pairs = [.. found];
        Array.Sort(pairs);
        var edges = ImmutableArray.CreateBuilder<Edge>(pairs.Length);
        foreach (long pair in pairs)
        {
            edges.Add(new Edge((int)(pair >> 32), (int)(pair & 0xFFFFFFFF)));
        }

        contacts = edges.MoveToImmutable();
        return true;
    }

    private static long CellOf(double coordinate, double width) =>
        (long)Math.Clamp(Math.Floor(coordinate / width), -CellLimit, CellLimit);

    /// <summary>A grid cell, ordered by x, then y, then z.</summary>
    private readonly record struct Cell(long X, long Y, long Z) : IComparable<Cell>
    {
        public int CompareTo(Cell other) =>
            X != other.X ? X.CompareTo(other.X) : Y != other.Y ? Y.CompareTo(other.Y) : Z.CompareTo(other.Z);
    }
}
