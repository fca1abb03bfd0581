using System.Globalization;
using System.Text;

namespace TopoPool.Depiction;

/// <summary>
/// The lines of the bonds of a picture, as SVG, in RDKit's manner: every bond stops short of a written label and is
/// split at its middle, each half in the colour of its atom's element; a double bond in a ring keeps its main line
/// on the bond and draws the second, shorter one inside the ring; a double bond to a terminal atom is two lines
/// either side of the bond; any other double bond has its second line on the side where more of its atoms'
/// neighbours are; a triple bond is three lines; wedges are solid or hashed triangles from the stereocentre; a
/// residue contact is a thin light grey line, written apart so that it can lie under the cluster highlights.
/// </summary>
internal sealed class BondStrokes
{
    /// <summary>The distance between the lines of a double bond, in bond lengths (RDKit's multiple-bond offset).</summary>
    public const double DoubleBondGap = 0.16;

    /// <summary>How much of each end the inner line of a ring double bond leaves out, in bond lengths.</summary>
    public const double InnerLineInset = 0.13;

    private readonly IReadOnlyList<DepictionBond> bonds;
    private readonly IReadOnlyList<Point2D> screen;
    private readonly ScreenBox?[] stops;
    private readonly string[] colours;
    private readonly IReadOnlyList<int>[] neighbours;
    private readonly IReadOnlyList<IReadOnlyList<int>> rings;
    private readonly double scale;
    private readonly double strokeWidth;
    private readonly Dictionary<(int, int), DepictionWedge> wedges;

    public BondStrokes(IReadOnlyList<DepictionBond> bonds, IReadOnlyList<Point2D> screen, ScreenBox?[] stops, string[] colours,
        IReadOnlyList<int>[] neighbours, IReadOnlyList<IReadOnlyList<int>> rings, IReadOnlyList<DepictionWedge> wedges, double scale, double strokeWidth)
    {
        this.bonds = bonds;
        this.screen = screen;
        this.stops = stops;
        this.colours = colours;
        this.neighbours = neighbours;
        this.rings = rings;
        this.scale = scale;
        this.strokeWidth = strokeWidth;
        this.wedges = [];
        foreach (var wedge in wedges)
        {
            this.wedges[(Math.Min(wedge.Centre, wedge.Neighbour), Math.Max(wedge.Centre, wedge.Neighbour))] = wedge;
        }
    }

    /// <summary>Writes the residue contacts, light and thin: they go under the cluster highlights.</summary>
    public void WriteContacts(SvgWriter svg)
    {
        if (!bonds.Any(b => b.Order == DepictionBondOrder.Contact))
        {
            return;
        }

        svg.Start("g", ("class", "contacts"), ("stroke", "#C8C8C8"), ("stroke-width", strokeWidth * 0.45), ("fill", "none")).NewLine();
        foreach (var bond in bonds.Where(b => b.Order == DepictionBondOrder.Contact))
        {
            var a = screen[bond.Begin];
            var z = screen[bond.End];
            svg.Empty("line", ("class", "contact"), ("x1", a.X), ("y1", a.Y), ("x2", z.X), ("y2", z.Y)).NewLine();
        }

        svg.End("g").NewLine();
    }

    /// <summary>Writes every bond but the residue contacts.</summary>
    public void Write(SvgWriter svg)
    {
        svg.Start("g", ("class", "bonds"), ("stroke", ElementColours.Default), ("stroke-width", strokeWidth), ("stroke-linecap", "round"), ("fill", "none")).NewLine();
        var ringCentres = rings.Select(r => PlanarGeometry.Centroid(r.Select(a => screen[a]).ToArray())).ToArray();
        for (int b = 0; b < bonds.Count; b++)
        {
            var bond = bonds[b];
            if (bond.Order == DepictionBondOrder.Contact)
            {
                continue;
            }

            var a = screen[bond.Begin];
            var z = screen[bond.End];
            double length = Point2D.Distance(a, z);
            if (length < 1e-6)
            {
                continue;
            }

            if (wedges.TryGetValue((Math.Min(bond.Begin, bond.End), Math.Max(bond.Begin, bond.End)), out var wedge))
            {
                WriteWedge(svg, b, wedge);
                continue;
            }

            var u = (z - a) * (1 / length);
            var normal = u.Perpendicular();
            double gap = DoubleBondGap * scale;
            string kind = bond.Order switch
            {
                DepictionBondOrder.Double => "double",
                DepictionBondOrder.Triple => "triple",
                DepictionBondOrder.Aromatic => "aromatic",
                _ => "single",
            };
            svg.Start("g", ("class", $"bond {kind}"), ("data-bond", b));
            switch (bond.Order)
            {
                case DepictionBondOrder.Double or DepictionBondOrder.Aromatic:
                    var side = InnerSide(bond, ringCentres, a, normal);
                    if (side is { } inward)
                    {
                        Line(svg, bond, a, z, "main");
                        double inset = InnerLineInset * scale;
                        Line(svg, bond, a + (inward * gap) + (u * inset), z + (inward * gap) - (u * inset), bond.Order == DepictionBondOrder.Aromatic ? "aromatic" : "inner");
                    }
                    else
                    {
                        Line(svg, bond, a + (normal * (gap / 2)), z + (normal * (gap / 2)), "side");
                        Line(svg, bond, a - (normal * (gap / 2)), z - (normal * (gap / 2)), bond.Order == DepictionBondOrder.Aromatic ? "aromatic" : "side");
                    }

                    break;
                case DepictionBondOrder.Triple:
                    Line(svg, bond, a, z, "main");
                    Line(svg, bond, a + (normal * gap), z + (normal * gap), "side");
                    Line(svg, bond, a - (normal * gap), z - (normal * gap), "side");
                    break;
                default:
                    Line(svg, bond, a, z, "main");
                    break;
            }

            svg.End("g").NewLine();
        }

        svg.End("g").NewLine();
    }

    /// <summary>
    /// The unit normal toward which the second line of a double bond goes: into the ring holding the bond that has
    /// the most double bonds (then the smallest); for a bond outside rings whose atoms both have other neighbours, to
    /// the side where more of those are. Null for a symmetric pair of lines (a bond to a terminal atom, or no side
    /// better than the other).
    /// </summary>
    private Point2D? InnerSide(DepictionBond bond, Point2D[] ringCentres, Point2D a, Point2D normal)
    {
        int best = -1, bestDoubles = -1;
        for (int r = 0; r < rings.Count; r++)
        {
            if (!RingHasBond(rings[r], bond.Begin, bond.End))
            {
                continue;
            }

            int doubles = DoubleBondsIn(rings[r]);
            if (best < 0 || doubles > bestDoubles || (doubles == bestDoubles && rings[r].Count < rings[best].Count))
            {
                best = r;
                bestDoubles = doubles;
            }
        }

        if (best >= 0)
        {
            return Point2D.Dot(ringCentres[best] - a, normal) >= 0 ? normal : -normal;
        }

        var begin = neighbours[bond.Begin];
        var end = neighbours[bond.End];
        if (begin.Count <= 1 || end.Count <= 1)
        {
            return null;
        }

        int positive = 0, negative = 0;
        foreach (int v in begin.Concat(end))
        {
            if (v == bond.Begin || v == bond.End)
            {
                continue;
            }

            double side = Point2D.Dot(screen[v] - a, normal);
            if (side > 1e-6)
            {
                positive++;
            }
            else if (side < -1e-6)
            {
                negative++;
            }
        }

        return positive > negative ? normal : negative > positive ? -normal : (positive > 0 ? normal : null);
    }

    private static bool RingHasBond(IReadOnlyList<int> ring, int x, int y)
    {
        for (int k = 0; k < ring.Count; k++)
        {
            int p = ring[k], q = ring[(k + 1) % ring.Count];
            if ((p == x && q == y) || (p == y && q == x))
            {
                return true;
            }
        }

        return false;
    }

    private int DoubleBondsIn(IReadOnlyList<int> ring)
    {
        int count = 0;
        foreach (var bond in bonds)
        {
            if (bond.Order is DepictionBondOrder.Double or DepictionBondOrder.Aromatic && RingHasBond(ring, bond.Begin, bond.End))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>A line from near <paramref name="from"/> to near <paramref name="to"/>, cut at the bond's labels, in two colours.</summary>
    private void Line(SvgWriter svg, DepictionBond bond, Point2D from, Point2D to, string role)
    {
        if (!Clip(bond, ref from, ref to))
        {
            return;
        }

        string? dash = role == "aromatic" ? "3 2.5" : null;
        string first = colours[bond.Begin], second = colours[bond.End];
        if (first == second)
        {
            Segment(svg, from, to, first, role, dash);
            return;
        }

        var middle = (from + to) * 0.5;
        Segment(svg, from, middle, first, role, dash);
        Segment(svg, middle, to, second, role, dash);
    }

    private static void Segment(SvgWriter svg, Point2D from, Point2D to, string colour, string role, string? dash) =>
        svg.Empty("line", ("class", role), ("x1", from.X), ("y1", from.Y), ("x2", to.X), ("y2", to.Y),
            ("stroke", colour == ElementColours.Default ? null : colour), ("stroke-dasharray", dash));

    /// <summary>Cuts the segment where it leaves the label box of the bond's first atom and enters that of its second; false when nothing is left.</summary>
    private bool Clip(DepictionBond bond, ref Point2D from, ref Point2D to)
    {
        double start = stops[bond.Begin] is { } a ? a.ExitFraction(from.X, from.Y, to.X, to.Y) : 0;
        double end = stops[bond.End] is { } z ? z.ExitFraction(to.X, to.Y, from.X, from.Y) : 0;
        if (start + end >= 0.98)
        {
            return false;
        }

        var d = to - from;
        var newFrom = from + (d * start);
        to = to - (d * end);
        from = newFrom;
        return Point2D.Distance(from, to) > 0.5;
    }

    /// <summary>A wedge, narrow at the stereocentre: a filled triangle, or a row of widening dashes when hashed.</summary>
    private void WriteWedge(SvgWriter svg, int index, DepictionWedge wedge)
    {
        var bond = new DepictionBond(wedge.Centre, wedge.Neighbour);
        var from = screen[wedge.Centre];
        var to = screen[wedge.Neighbour];
        if (!Clip(bond, ref from, ref to))
        {
            return;
        }

        var d = to - from;
        var normal = d.Normalized().Perpendicular();
        double halfWidth = scale * 0.12;
        string near = colours[wedge.Centre], far = colours[wedge.Neighbour];
        svg.Start("g", ("class", wedge.Hashed ? "wedge hashed" : "wedge solid"), ("data-bond", index), ("data-centre", wedge.Centre), ("data-neighbour", wedge.Neighbour));
        if (wedge.Hashed)
        {
            int count = Math.Max(4, (int)Math.Round(d.Length / (scale * 0.14)));
            for (int k = 1; k <= count; k++)
            {
                double t = k / (double)count;
                var p = from + (d * t);
                double w = Math.Max(strokeWidth, halfWidth * t);
                string colour = t > 0.5 ? far : near;
                svg.Empty("line", ("x1", p.X + (normal.X * w)), ("y1", p.Y + (normal.Y * w)), ("x2", p.X - (normal.X * w)), ("y2", p.Y - (normal.Y * w)),
                    ("stroke-width", strokeWidth * 0.8), ("stroke", colour == ElementColours.Default ? null : colour));
            }
        }
        else
        {
            var middle = from + (d * 0.5);
            var tip1 = to + (normal * halfWidth);
            var tip2 = to - (normal * halfWidth);
            var mid1 = middle + (normal * (halfWidth / 2));
            var mid2 = middle - (normal * (halfWidth / 2));
            if (near == far)
            {
                Polygon(svg, near, from, tip1, tip2);
            }
            else
            {
                Polygon(svg, near, from, mid1, mid2);
                Polygon(svg, far, mid1, tip1, tip2, mid2);
            }
        }

        svg.End("g").NewLine();
    }

    private void Polygon(SvgWriter svg, string colour, params Point2D[] points) =>
        svg.Empty("polygon", ("points", string.Join(" ", points.Select(p => $"{SvgFormat.Number(p.X)},{SvgFormat.Number(p.Y)}"))),
            ("fill", colour), ("stroke", colour), ("stroke-width", strokeWidth * 0.5), ("stroke-linejoin", "round"));
}
