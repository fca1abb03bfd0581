namespace TopoPool.Depiction;

/// <summary>
/// The tetrahedral configuration a reader sees in a drawing: the centre's neighbours in the plane, each raised
/// toward the viewer by a solid wedge (+1), lowered by a hashed one (-1) or left in the plane (0). With three drawn
/// neighbours the fourth (an implicit hydrogen or a lone pair, last in tag order) is taken to point opposite the
/// wedges. The answer is a chiral tag in the neighbours' order: 2 when, seen from the first neighbour, the others
/// turn counter-clockwise (SMILES @), 1 when clockwise (@@), 0 when the drawing does not say.
/// </summary>
internal static class WedgeReading
{
    /// <summary>Below this (in squared bond lengths) the drawn tetrahedron counts as flat.</summary>
    private const double Flat = 1e-3;

    public static int Tag(Point2D centre, IReadOnlyList<Point2D> neighbours, IReadOnlyList<int> heights)
    {
        ArgumentNullException.ThrowIfNull(neighbours);
        ArgumentNullException.ThrowIfNull(heights);
        if (neighbours.Count != heights.Count || neighbours.Count < 3 || neighbours.Count > 4)
        {
            return 0;
        }

        var points = new List<(double X, double Y, double Z)>(4);
        for (int i = 0; i < neighbours.Count; i++)
        {
            var d = (neighbours[i] - centre).Normalized();
            points.Add((d.X, d.Y, heights[i]));
        }

        if (points.Count == 3)
        {
            // The missing neighbour sits in the gap the drawn ones leave, on the far side from the wedges.
            double sx = points.Sum(p => p.X), sy = points.Sum(p => p.Y), sz = heights.Sum();
            points.Add((-sx * 0.5, -sy * 0.5, -Math.Sign(sz)));
        }

        var (x0, y0, z0) = points[0];
        double ax = points[1].X - x0, ay = points[1].Y - y0, az = points[1].Z - z0;
        double bx = points[2].X - x0, by = points[2].Y - y0, bz = points[2].Z - z0;
        double cx = points[3].X - x0, cy = points[3].Y - y0, cz = points[3].Z - z0;
        double volume = (ax * ((by * cz) - (bz * cy))) + (ay * ((bz * cx) - (bx * cz))) + (az * ((bx * cy) - (by * cx)));

        // With the centre inside, a positive volume of (n1 - n0, n2 - n0, n3 - n0) means n1, n2, n3 turn clockwise seen from n0.
        return volume > Flat ? 1 : volume < -Flat ? 2 : 0;
    }
}
