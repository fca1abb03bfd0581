namespace TopoPool.Depiction;

/// <summary>The small pieces of plane geometry the layouts share.</summary>
internal static class PlanarGeometry
{
    public static bool IsInsidePolygon(Point2D point, ReadOnlySpan<Point2D> polygon)
    {
        bool inside = false;
        for (int i = 0, j = polygon.Length - 1; i < polygon.Length; j = i++)
        {
            Point2D a = polygon[i], b = polygon[j];
            if ((a.Y > point.Y) != (b.Y > point.Y)
                && point.X < ((b.X - a.X) * (point.Y - a.Y) / (b.Y - a.Y)) + a.X)
            {
                inside = !inside;
            }
        }

        return inside;
    }

    /// <summary>Whether the open segments ab and cd cross (touching at an end or running along each other does not count).</summary>
    public static bool SegmentsCross(Point2D a, Point2D b, Point2D c, Point2D d)
    {
        const double eps = 1e-9;
        double d1 = Point2D.Cross(b - a, c - a), d2 = Point2D.Cross(b - a, d - a);
        double d3 = Point2D.Cross(d - c, a - c), d4 = Point2D.Cross(d - c, b - c);
        return ((d1 > eps && d2 < -eps) || (d1 < -eps && d2 > eps))
            && ((d3 > eps && d4 < -eps) || (d3 < -eps && d4 > eps));
    }

    public static double DistanceToSegment(Point2D p, Point2D a, Point2D b)
    {
        Point2D ab = b - a;
        double lengthSquared = Point2D.Dot(ab, ab);
        double t = lengthSquared < 1e-12 ? 0 : Math.Clamp(Point2D.Dot(p - a, ab) / lengthSquared, 0, 1);
        return Point2D.Distance(p, a + (ab * t));
    }

    public static Point2D Centroid(ReadOnlySpan<Point2D> points)
    {
        if (points.Length == 0)
        {
            return default;
        }

        double x = 0, y = 0;
        foreach (var p in points)
        {
            x += p.X;
            y += p.Y;
        }

        return new Point2D(x / points.Length, y / points.Length);
    }

    /// <summary>The circumradius of a regular polygon of <paramref name="sides"/> unit sides.</summary>
    public static double RegularPolygonRadius(int sides) => 0.5 / Math.Sin(Math.PI / sides);

    /// <summary>
    /// <paramref name="count"/> points that join <paramref name="from"/> to <paramref name="to"/> by count + 1 unit steps
    /// along one circular arc, bulging to the side of the directed line from→to given by <paramref name="side"/>
    /// (+1 left, -1 right). With |from−to| = 1 and count = n − 2 this is a regular n-gon on the edge. When the
    /// ends are too far apart for unit steps the points are spread evenly along the straight line.
    /// </summary>
    public static Point2D[] UnitArc(Point2D from, Point2D to, int count, int side) => Arc(from, to, count, side, 1);

    /// <summary>As <see cref="UnitArc"/>, with steps of length <paramref name="step"/> instead of 1.</summary>
    public static Point2D[] Arc(Point2D from, Point2D to, int count, int side, double step)
    {
        var points = new Point2D[count];
        int steps = count + 1;
        double chord = Point2D.Distance(from, to) / step;
        Point2D along = to - from;
        if (chord >= steps - 1e-9 || chord < 1e-9)
        {
            Point2D normal = chord < 1e-9 ? new Point2D(0, side) : along.Perpendicular().Normalized() * side;
            for (int k = 0; k < count; k++)
            {
                // Degenerate ends (the same point) get a loop of points out along the normal instead of a pile-up.
                points[k] = chord < 1e-9
                    ? from + (normal * (Math.Sin(Math.PI * (k + 1) / steps) * steps * step / Math.PI))
                    : from + (along * ((k + 1) / (double)steps));
            }

            return points;
        }

        // Each unit chord subtends 2α at the centre; the chord from→to is sin(steps·α)/sin(α), which falls from
        // steps to 0 as α rises from 0 to π/steps, so bisection finds the α that fits.
        double low = 1e-12, high = (Math.PI / steps) - 1e-12;
        for (int iteration = 0; iteration < 100; iteration++)
        {
            double mid = 0.5 * (low + high);
            if (Math.Sin(steps * mid) / Math.Sin(mid) > chord)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        double alpha = 0.5 * (low + high);
        double radius = 0.5 * step / Math.Sin(alpha);
        double arc = 2 * steps * alpha;
        Point2D bulge = along.Perpendicular().Normalized() * side;
        Point2D centre = ((from + to) * 0.5) - (bulge * (radius * Math.Cos(arc * 0.5)));

        // Walk the way round that ends on 'to' with the middle of the walk on the bulge side (a half circle ends
        // on 'to' either way; only the middle tells them apart).
        double start = (from - centre).Angle;
        double Miss(int turn)
        {
            double landing = Point2D.Distance(centre + (Point2D.FromAngle(start + (turn * arc)) * radius), to);
            Point2D middle = centre + (Point2D.FromAngle(start + (turn * arc / 2)) * radius);
            return landing + (Point2D.Cross(along, middle - from) * side > 0 ? 0 : 1);
        }

        int turn = Miss(1) <= Miss(-1) ? 1 : -1;
        for (int k = 0; k < count; k++)
        {
            points[k] = centre + (Point2D.FromAngle(start + (turn * 2 * alpha * (k + 1))) * radius);
        }

        return points;
    }
}
