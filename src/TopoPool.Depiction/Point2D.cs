namespace TopoPool.Depiction;

/// <summary>A point (or a direction) in the drawing plane, in bond-length units, y pointing up.</summary>
public readonly record struct Point2D(double X, double Y)
{
    public static Point2D Origin => default;

    public double Length => Math.Sqrt((X * X) + (Y * Y));

    /// <summary>The angle from the positive x axis, in radians, in (-π, π].</summary>
    public double Angle => Math.Atan2(Y, X);

    public static Point2D operator +(Point2D a, Point2D b) => new(a.X + b.X, a.Y + b.Y);

    public static Point2D operator -(Point2D a, Point2D b) => new(a.X - b.X, a.Y - b.Y);

    public static Point2D operator -(Point2D a) => new(-a.X, -a.Y);

    public static Point2D operator *(Point2D a, double s) => new(a.X * s, a.Y * s);

    public static Point2D operator *(double s, Point2D a) => new(a.X * s, a.Y * s);

    /// <summary>The unit vector at <paramref name="angle"/> radians from the positive x axis.</summary>
    public static Point2D FromAngle(double angle) => new(Math.Cos(angle), Math.Sin(angle));

    public static double Dot(Point2D a, Point2D b) => (a.X * b.X) + (a.Y * b.Y);

    /// <summary>The z component of the cross product: positive when <paramref name="b"/> lies counter-clockwise of <paramref name="a"/>.</summary>
    public static double Cross(Point2D a, Point2D b) => (a.X * b.Y) - (a.Y * b.X);

    public static double Distance(Point2D a, Point2D b) => (a - b).Length;

    public static double SquaredDistance(Point2D a, Point2D b)
    {
        double dx = a.X - b.X, dy = a.Y - b.Y;
        return (dx * dx) + (dy * dy);
    }

    /// <summary>This vector scaled to length 1 (the zero vector stays zero).</summary>
    public Point2D Normalized()
    {
        double length = Length;
        return length > 1e-12 ? new Point2D(X / length, Y / length) : default;
    }

    /// <summary>This vector turned counter-clockwise by <paramref name="angle"/> radians.</summary>
    public Point2D Rotated(double angle)
    {
        double c = Math.Cos(angle), s = Math.Sin(angle);
        return new Point2D((c * X) - (s * Y), (s * X) + (c * Y));
    }

    /// <summary>This vector turned a quarter counter-clockwise.</summary>
    public Point2D Perpendicular() => new(-Y, X);

    public override string ToString() => FormattableString.Invariant($"({X:0.###}, {Y:0.###})");
}
