namespace TopoPool.Depiction;

/// <summary>An axis-aligned rectangle in picture (screen) coordinates, y pointing down: the ink of a piece of text.</summary>
internal readonly record struct ScreenBox(double Left, double Top, double Right, double Bottom)
{
    public double Width => Right - Left;

    public double Height => Bottom - Top;

    public static ScreenBox Union(ScreenBox a, ScreenBox b) =>
        new(Math.Min(a.Left, b.Left), Math.Min(a.Top, b.Top), Math.Max(a.Right, b.Right), Math.Max(a.Bottom, b.Bottom));

    public ScreenBox Inflated(double by) => new(Left - by, Top - by, Right + by, Bottom + by);

    public ScreenBox Shifted(double dx, double dy) => new(Left + dx, Top + dy, Right + dx, Bottom + dy);

    /// <summary>Whether the two boxes share some area (touching edges do not count).</summary>
    public bool Overlaps(ScreenBox other) =>
        Left < other.Right && other.Left < Right && Top < other.Bottom && other.Top < Bottom;

    public bool Contains(double x, double y) => x > Left && x < Right && y > Top && y < Bottom;

    /// <summary>
    /// How far along the segment from (x1, y1) to (x2, y2) — as a fraction, 0 at the start — it leaves this box,
    /// when it starts inside; 0 when it starts outside. Used to stop a bond at the edge of its atom's label.
    /// </summary>
    public double ExitFraction(double x1, double y1, double x2, double y2)
    {
        if (!Contains(x1, y1))
        {
            return 0;
        }

        double dx = x2 - x1, dy = y2 - y1, exit = 1;
        if (dx > 1e-12)
        {
            exit = Math.Min(exit, (Right - x1) / dx);
        }
        else if (dx < -1e-12)
        {
            exit = Math.Min(exit, (Left - x1) / dx);
        }

        if (dy > 1e-12)
        {
            exit = Math.Min(exit, (Bottom - y1) / dy);
        }
        else if (dy < -1e-12)
        {
            exit = Math.Min(exit, (Top - y1) / dy);
        }

        return Math.Clamp(exit, 0, 1);
    }
}
