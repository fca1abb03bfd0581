using System.Globalization;

namespace TopoPool.Depiction;

/// <summary>
/// Where the text of an atom label goes, as RDKit places it: the element symbol centred on the atom, a mass number
/// as a superscript before it, the hydrogens (H with a subscript count) on the side away from the bonds and the
/// charge as a superscript after the symbol — after the hydrogens when they follow it ("NH₃⁺", "H₃N⁺", "HO").
/// The side is read from the sum of the bond directions: bonds leaning right put the hydrogens on the left, bonds
/// steeper than 70° put them above or below (never for an atom with one bond), and an isolated oxygen, sulfur or
/// halogen writes them first ("H₂O", "HCl"). Where that side would run into another label, the next side is tried.
/// </summary>
internal static class AtomLabelLayout
{
    public const double SmallFontRatio = 0.65;

    private static readonly double SteepSlope = Math.Tan(70 * Math.PI / 180);

    internal enum Side
    {
        East,
        West,
        North,
        South,
    }

    /// <summary>
    /// The pieces of every label that is written (an empty list for hidden labels), in screen coordinates (y down).
    /// </summary>
    /// <param name="labels">The labels.</param>
    /// <param name="screen">Each node's position on the picture.</param>
    /// <param name="neighbours">Each node's bonded nodes.</param>
    /// <param name="fontSize">The size of element symbols.</param>
    public static List<LabelPiece>[] Place(IReadOnlyList<NodeLabel> labels, IReadOnlyList<Point2D> screen, IReadOnlyList<int>[] neighbours, double fontSize)
    {
        int n = labels.Count;
        var pieces = new List<LabelPiece>[n];
        var placed = new List<ScreenBox>();
        // The symbols alone first, so that hydrogens can keep clear of labels placed after them too.
        var symbolBoxes = new ScreenBox?[n];
        for (int i = 0; i < n; i++)
        {
            if (!labels[i].Hidden && labels[i].Text.Length > 0)
            {
                symbolBoxes[i] = Symbol(labels[i], screen[i], fontSize).Box.Inflated(0.06 * fontSize);
            }
        }

        for (int i = 0; i < n; i++)
        {
            pieces[i] = [];
            if (symbolBoxes[i] is null)
            {
                continue;
            }

            var label = labels[i];
            var preferred = PreferredSide(label, screen[i], neighbours[i].Select(v => screen[v]).ToArray());
            List<LabelPiece>? chosen = null;
            foreach (var side in SidesToTry(preferred, neighbours[i].Count))
            {
                var candidate = Pieces(label, screen[i], side, fontSize);
                var box = Bounds(candidate);
                bool clear = !placed.Any(box.Overlaps)
                    && !Enumerable.Range(0, n).Any(j => j != i && symbolBoxes[j] is { } other && other.Overlaps(box));
                if (clear || label.Hydrogens == 0)
                {
                    chosen = candidate;
                    break;
                }

                chosen ??= candidate;
            }

            pieces[i] = chosen!;
            placed.Add(Bounds(pieces[i]));
        }

        return pieces;
    }

    /// <summary>The box round all the pieces of one label, with room for glyphs that reach a little past their advance.</summary>
    public static ScreenBox Bounds(IReadOnlyList<LabelPiece> pieces)
    {
        var box = pieces[0].Box;
        for (int k = 1; k < pieces.Count; k++)
        {
            box = ScreenBox.Union(box, pieces[k].Box);
        }

        return box.Inflated(0.06 * pieces[0].FontSize);
    }

    /// <summary>The box that bonds stop at: the ink of the label's capitals and digits, with a margin.</summary>
    public static ScreenBox BondStop(IReadOnlyList<LabelPiece> pieces, double fontSize)
    {
        ScreenBox? box = null;
        foreach (var piece in pieces)
        {
            var ink = new ScreenBox(piece.X, piece.Baseline - (TextMetrics.CapHeight * piece.FontSize), piece.X + piece.Width, piece.Baseline + (0.05 * piece.FontSize));
            box = box is { } b ? ScreenBox.Union(b, ink) : ink;
        }

        return box!.Value.Inflated(fontSize * 0.16);
    }

    internal static Side PreferredSide(NodeLabel label, Point2D at, IReadOnlyList<Point2D> bonded)
    {
        if (bonded.Count == 0)
        {
            return label.Text is "O" or "S" or "Se" or "Te" or "F" or "Cl" or "Br" or "I" or "At" ? Side.West : Side.East;
        }

        double sx = 0, sy = 0;
        foreach (var p in bonded)
        {
            var d = (p - at).Normalized();
            sx += d.X;
            sy += d.Y;
        }

        bool steep = Math.Abs(sx) < 1e-4 || Math.Abs(sy / sx) > SteepSlope;
        if (!steep || bonded.Count == 1)
        {
            return sx > 1e-4 ? Side.West : Side.East;
        }

        // Screen y points down: bonds going down put the hydrogens on top.
        return sy > 0 ? Side.North : Side.South;
    }

    private static IEnumerable<Side> SidesToTry(Side preferred, int bondCount)
    {
        yield return preferred;
        Side[] others = preferred is Side.East or Side.West
            ? [preferred == Side.East ? Side.West : Side.East, Side.North, Side.South]
            : [preferred == Side.North ? Side.South : Side.North, Side.East, Side.West];
        foreach (var side in others)
        {
            if (bondCount <= 1 && side is Side.North or Side.South)
            {
                continue;
            }

            yield return side;
        }
    }

    private static LabelPiece Symbol(NodeLabel label, Point2D at, double fontSize)
    {
        double width = TextMetrics.Width(label.Text, fontSize);
        return new LabelPiece(label.Text, at.X - (width / 2), at.Y + (TextMetrics.CapHeight * fontSize / 2), fontSize, "symbol");
    }

    internal static List<LabelPiece> Pieces(NodeLabel label, Point2D at, Side side, double fontSize)
    {
        double small = fontSize * SmallFontRatio;
        var symbol = Symbol(label, at, fontSize);
        double baseline = symbol.Baseline;
        double superscript = baseline - (fontSize * 0.45), subscript = baseline + (fontSize * 0.25);
        var pieces = new List<LabelPiece>();

        double left = symbol.X;
        if (label.Isotope > 0)
        {
            string mass = label.Isotope.ToString(CultureInfo.InvariantCulture);
            left -= TextMetrics.Width(mass, small);
            pieces.Add(new LabelPiece(mass, left, superscript, small, "isotope"));
        }

        pieces.Add(symbol);
        double right = symbol.X + symbol.Width;
        string count = label.Hydrogens > 1 ? label.Hydrogens.ToString(CultureInfo.InvariantCulture) : "";
        double hydrogenWidth = TextMetrics.Width("H", fontSize);
        if (label.Hydrogens > 0)
        {
            switch (side)
            {
                case Side.East:
                    pieces.Add(new LabelPiece("H", right, baseline, fontSize, "hydrogens"));
                    right += hydrogenWidth;
                    if (count.Length > 0)
                    {
                        pieces.Add(new LabelPiece(count, right, subscript, small, "count"));
                        right += TextMetrics.Width(count, small);
                    }

                    break;
                case Side.West:
                    double start = left - hydrogenWidth - TextMetrics.Width(count, small);
                    pieces.Insert(0, new LabelPiece("H", start, baseline, fontSize, "hydrogens"));
                    if (count.Length > 0)
                    {
                        pieces.Insert(1, new LabelPiece(count, start + hydrogenWidth, subscript, small, "count"));
                    }

                    break;
                default:
                    double line = side == Side.North ? -fontSize * 1.05 : fontSize * 1.05;
                    double x = at.X - (hydrogenWidth / 2);
                    pieces.Add(new LabelPiece("H", x, baseline + line, fontSize, "hydrogens"));
                    if (count.Length > 0)
                    {
                        pieces.Add(new LabelPiece(count, x + hydrogenWidth, baseline + line + (fontSize * 0.25), small, "count"));
                    }

                    break;
            }
        }

        if (label.Charge != 0)
        {
            int magnitude = Math.Abs(label.Charge);
            string text = (magnitude == 1 ? "" : magnitude.ToString(CultureInfo.InvariantCulture)) + (label.Charge > 0 ? "+" : "\u2212");
            pieces.Add(new LabelPiece(text, right, superscript, small, "charge"));
        }

        return pieces;
    }
}
