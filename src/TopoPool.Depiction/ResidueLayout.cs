using System.Collections.Immutable;
using TopoPool.Chemistry.Proteins;

namespace TopoPool.Depiction;

/// <summary>
/// 2D coordinates for a residue graph: the C-alpha atoms projected onto their two principal axes (the plane that
/// shows the most of the fold), scaled so that neighbouring residues along a chain are about one unit apart (the
/// median), then residues that the projection stacked on one another nudged apart so their labels can be read.
/// Deterministic; time O(n log n) plus a capped amount of nudging (<see cref="SpreadingWork"/>), memory O(n).
/// </summary>
public static class ResidueLayout
{
    /// <summary>Residues projected closer than this (in units) are pushed apart.</summary>
    public const double MinimumSeparation = 0.6;

    /// <summary>
    /// The most pairs of residues measured while nudging crowded ones apart, per residue (over all rounds): enough
    /// for every round on a real fold, a bound on pictures where the projection piles hundreds of residues up.
    /// </summary>
    public const int SpreadingWork = 400;

    // Cell coordinates of the spreading grid are clamped so that neighbour arithmetic never overflows.
    private const long CellLimit = 1L << 40;

    /// <summary>The layout of residues at these C-alpha positions; every coordinate must be finite.</summary>
    public static ImmutableArray<Point2D> Compute(IReadOnlyList<ResiduePosition> residues)
    {
        ArgumentNullException.ThrowIfNull(residues);
        int n = residues.Count;
        if (n == 0)
        {
            return [];
        }

        double largest = 0;
        for (int k = 0; k < n; k++)
        {
            var r = residues[k];
            if (!double.IsFinite(r.X) || !double.IsFinite(r.Y) || !double.IsFinite(r.Z))
            {
                throw new ArgumentException($"residue {k} has a C-alpha coordinate that is not a finite number", nameof(residues));
            }

            largest = Math.Max(largest, Math.Max(Math.Abs(r.X), Math.Max(Math.Abs(r.Y), Math.Abs(r.Z))));
        }

        // The layout is scaled to the chain's steps in the end, so coordinates so large (or small) that their
        // squares would overflow (or vanish) can be brought to a safe range first without changing it.
        if (largest > 1e100 || (largest > 0 && largest < 1e-100))
        {
            residues = residues.Select(r => new ResiduePosition(r.Chain, r.X / largest, r.Y / largest, r.Z / largest)).ToArray();
        }

        double mx = residues.Average(r => r.X), my = residues.Average(r => r.Y), mz = residues.Average(r => r.Z);
        var covariance = new double[3, 3];
        foreach (var r in residues)
        {
            double[] d = [r.X - mx, r.Y - my, r.Z - mz];
            for (int i = 0; i < 3; i++)
            {
                for (int j = 0; j < 3; j++)
                {
                    covariance[i, j] += d[i] * d[j];
                }
            }
        }

        var (values, vectors) = SymmetricEigen(covariance);
        int[] order = [.. Enumerable.Range(0, 3).OrderByDescending(i => values[i]).ThenBy(i => i)];
        double[] first = Axis(vectors, order[0]), second = Axis(vectors, order[1]);
        var points = new Point2D[n];
        for (int k = 0; k < n; k++)
        {
            double dx = residues[k].X - mx, dy = residues[k].Y - my, dz = residues[k].Z - mz;
            points[k] = new Point2D((dx * first[0]) + (dy * first[1]) + (dz * first[2]), (dx * second[0]) + (dy * second[1]) + (dz * second[2]));
        }

        var steps = new List<double>();
        for (int k = 0; k + 1 < n; k++)
        {
            if (residues[k].Chain == residues[k + 1].Chain)
            {
                steps.Add(Point2D.Distance(points[k], points[k + 1]));
            }
        }

        steps.Sort();
        // The C-alpha–C-alpha distance along a chain is 3.8 Å; use it when there are no neighbours to measure.
        double step = steps.Count > 0 && steps[steps.Count / 2] > 1e-9 ? steps[steps.Count / 2] : 3.8;
        for (int k = 0; k < n; k++)
        {
            points[k] *= 1 / step;
        }

        SpreadCrowded(points);
        return [.. points];
    }

    /// <summary>The C-alpha positions of <paramref name="protein"/>'s residues, laid out.</summary>
    public static ImmutableArray<Point2D> Compute(Protein protein)
    {
        ArgumentNullException.ThrowIfNull(protein);
        return Compute(protein.Residues.Select(r => new ResiduePosition(r.Chain, r.X, r.Y, r.Z)).ToArray());
    }

    /// <summary>A column of the eigenvector matrix, its sign chosen so that its largest component is positive.</summary>
    private static double[] Axis(double[,] vectors, int column)
    {
        double[] axis = [vectors[0, column], vectors[1, column], vectors[2, column]];
        int largest = 0;
        for (int i = 1; i < 3; i++)
        {
            if (Math.Abs(axis[i]) > Math.Abs(axis[largest]) + 1e-12)
            {
                largest = i;
            }
        }

        if (axis[largest] < 0)
        {
            for (int i = 0; i < 3; i++)
            {
                axis[i] = -axis[i];
            }
        }

        return axis;
    }

    /// <summary>Eigenvalues and eigenvectors (as columns) of a symmetric 3×3 matrix, by cyclic Jacobi rotations.</summary>
    private static (double[] Values, double[,] Vectors) SymmetricEigen(double[,] matrix)
    {
        var a = (double[,])matrix.Clone();
        var v = new double[3, 3] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };
        for (int sweep = 0; sweep < 50; sweep++)
        {
            double off = Math.Abs(a[0, 1]) + Math.Abs(a[0, 2]) + Math.Abs(a[1, 2]);
            if (off < 1e-12 * (Math.Abs(a[0, 0]) + Math.Abs(a[1, 1]) + Math.Abs(a[2, 2]) + 1e-300))
            {
                break;
            }

            for (int p = 0; p < 2; p++)
            {
                for (int q = p + 1; q < 3; q++)
                {
                    if (Math.Abs(a[p, q]) < 1e-300)
                    {
                        continue;
                    }

                    double theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
                    // theta * theta overflows for |theta| > 1e154; t is then 1 / (2 theta) to double precision.
                    double t = Math.Abs(theta) > 1e150 ? 0.5 / theta
                        : (theta >= 0 ? 1 : -1) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1));
                    double c = 1 / Math.Sqrt((t * t) + 1), s = t * c;
                    for (int k = 0; k < 3; k++)
                    {
                        double akp = a[k, p], akq = a[k, q];
                        a[k, p] = (c * akp) - (s * akq);
                        a[k, q] = (s * akp) + (c * akq);
                    }

                    for (int k = 0; k < 3; k++)
                    {
                        double apk = a[p, k], aqk = a[q, k];
                        a[p, k] = (c * apk) - (s * aqk);
                        a[q, k] = (s * apk) + (c * aqk);
                    }

                    for (int k = 0; k < 3; k++)
                    {
                        double vkp = v[k, p], vkq = v[k, q];
                        v[k, p] = (c * vkp) - (s * vkq);
                        v[k, q] = (s * vkp) + (c * vkq);
                    }
                }
            }
        }

        return ([a[0, 0], a[1, 1], a[2, 2]], v);
    }

    /// <summary>
    /// Pushes apart, a little at a time, pairs closer than <see cref="MinimumSeparation"/>; residues projected onto
    /// the very same point part along a direction fixed by their indices. Each round sorts the residues into square
    /// cells of that size, row by row, so that a residue's neighbours lie in three runs of the sorted order (the row
    /// above, its own, the row below); rounds stop when nothing is crowded, after 40, or when
    /// <see cref="SpreadingWork"/> pairs per residue have been measured.
    /// </summary>
    private static void SpreadCrowded(Point2D[] points)
    {
        int n = points.Length;
        double cell = MinimumSeparation;
        long budget = (long)SpreadingWork * n;
        // Sorted by cell, then by index: the order of the pairs, and so the sums of the pushes, never depends on the sort.
        var keys = new (long Row, long Column, int Index)[n];
        var sortedKeys = new (long Row, long Column, int Index)[n];
        var order = new int[n];
        var push = new Point2D[n];
        for (int round = 0; round < 40 && budget > 0; round++)
        {
            for (int k = 0; k < n; k++)
            {
                keys[k] = (CellOf(points[k].Y, cell), CellOf(points[k].X, cell), k);
                order[k] = k;
            }

            keys.CopyTo(sortedKeys, 0);
            Array.Sort(sortedKeys, order);
            Array.Clear(push);
            bool crowded = false;
            for (int k = 0; k < n && budget > 0; k++)
            {
                var (row, column, _) = keys[k];
                for (long r = row - 1; r <= row + 1; r++)
                {
                    int from = LowerBound(sortedKeys, (r, column - 1, int.MinValue)), to = LowerBound(sortedKeys, (r, column + 2, int.MinValue));
                    for (int at = from; at < to; at++)
                    {
                        int j = order[at];
                        if (j <= k)
                        {
                            continue;
                        }

                        budget--;
                        Point2D d = points[j] - points[k];
                        double distance = d.Length;
                        if (distance >= MinimumSeparation)
                        {
                            continue;
                        }

                        crowded = true;
                        Point2D direction = distance > 1e-9 ? d * (1 / distance) : Point2D.FromAngle((k * 2.399963) + j);
                        Point2D shift = direction * ((MinimumSeparation - distance) * 0.25);
                        push[k] -= shift;
                        push[j] += shift;
                    }
                }
            }

            if (!crowded)
            {
                break;
            }

            for (int k = 0; k < n; k++)
            {
                points[k] += push[k];
            }
        }
    }

    private static long CellOf(double coordinate, double cell) =>
        (long)Math.Clamp(Math.Floor(coordinate / cell), -CellLimit, CellLimit);

    /// <summary>The first position in <paramref name="sorted"/> whose key is not less than <paramref name="key"/>.</summary>
    private static int LowerBound((long Row, long Column, int Index)[] sorted, (long Row, long Column, int Index) key)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            int middle = low + ((high - low) / 2);
            if (sorted[middle].CompareTo(key) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
