namespace TopoPool.Depiction;

/// <summary>
/// A free sector around an atom, between two of its bonds: it opens at <see cref="Start"/> (radians) and runs
/// counter-clockwise through <see cref="Width"/>.
/// </summary>
internal readonly record struct AngularGap(double Start, double Width)
{
    public double Bisector => Start + (Width / 2);

    /// <summary>The direction of the <paramref name="k"/>-th of <paramref name="count"/> bonds spread evenly through the gap.</summary>
    public double Spread(int k, int count) => Start + (Width * (k + 1) / (count + 1));

    /// <summary>
    /// The widest sector between the <paramref name="occupied"/> bond directions around <paramref name="centre"/>
    /// that does not lie inside one of the <paramref name="rings"/> (polygons through the atom); when every
    /// sector is inside a ring, the widest of all. With no bonds the whole circle, opening at 0.
    /// </summary>
    public static AngularGap Widest(Point2D centre, List<double> occupied, IReadOnlyList<Point2D[]> rings)
    {
        if (occupied.Count == 0)
        {
            return new AngularGap(0, 2 * Math.PI);
        }

        occupied.Sort();
        AngularGap best = default, bestInside = default;
        bool found = false, foundInside = false;
        for (int i = 0; i < occupied.Count; i++)
        {
            double start = occupied[i];
            double width = occupied.Count == 1 ? 2 * Math.PI : (i + 1 < occupied.Count ? occupied[i + 1] : occupied[0] + (2 * Math.PI)) - start;
            var gap = new AngularGap(start, width);
            if (IsInsideRing(centre, gap, rings))
            {
                if (!foundInside || width > bestInside.Width + 1e-9)
                {
                    bestInside = gap;
                    foundInside = true;
                }
            }
            else if (!found || width > best.Width + 1e-9)
            {
                best = gap;
                found = true;
            }
        }

        return found ? best : bestInside;
    }

    private static bool IsInsideRing(Point2D centre, AngularGap gap, IReadOnlyList<Point2D[]> rings)
    {
        if (rings.Count == 0)
        {
            return false;
        }

        Point2D probe = centre + (Point2D.FromAngle(gap.Bisector) * 0.25);
        foreach (var ring in rings)
        {
            if (PlanarGeometry.IsInsidePolygon(probe, ring))
            {
                return true;
            }
        }

        return false;
    }
}
