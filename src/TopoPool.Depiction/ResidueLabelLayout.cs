using System.Globalization;

namespace TopoPool.Depiction;

/// <summary>
/// Which residue labels a residue graph writes, and where: each label beside its residue's dot, on the side facing
/// away from its chain neighbours when there is room (eight places round the dot are tried), and only where it
/// overlaps no label already written and covers no other residue's dot (a cluster peak's label may cover dots
/// crowding round it). Residues are taken in order of interest —
/// cluster peaks (strongest cluster first), chain ends, residue numbers divisible by 10, then by 5, then the rest
/// in order — so that a crowded picture keeps the labels a reader looks for and drops the others. A grid of cells
/// keeps the checks local: time O(n) for n residues of a picture of bounded density.
/// </summary>
internal static class ResidueLabelLayout
{
    private static readonly double[] Directions = [0, 180, 90, 270, 45, 135, 225, 315];

    /// <param name="labels">The residue labels.</param>
    /// <param name="screen">Each residue's position on the picture.</param>
    /// <param name="chainNeighbours">Each residue's neighbours along its chain.</param>
    /// <param name="priority">Residues to label before any other, most important first (cluster peaks).</param>
    /// <param name="fontSize">The label size.</param>
    /// <param name="dotRadius">The radius of the residue dots.</param>
    /// <returns>Per residue, its one label piece or an empty list.</returns>
    public static List<LabelPiece>[] Place(IReadOnlyList<NodeLabel> labels, IReadOnlyList<Point2D> screen, IReadOnlyList<int>[] chainNeighbours, IReadOnlyList<int> priority, double fontSize, double dotRadius)
    {
        int n = labels.Count;
        var pieces = new List<LabelPiece>[n];
        for (int i = 0; i < n; i++)
        {
            pieces[i] = [];
        }

        double cell = Math.Max(fontSize * 4, dotRadius * 4);
        var dots = new Dictionary<(long, long), List<int>>();
        for (int i = 0; i < n; i++)
        {
            Bucket(dots, CellOf(screen[i].X, cell), CellOf(screen[i].Y, cell)).Add(i);
        }

        var written = new Dictionary<(long, long), List<ScreenBox>>();
        var important = priority.ToHashSet();
        foreach (int node in Order(labels, chainNeighbours, priority))
        {
            if (labels[node].Hidden || labels[node].Text.Length == 0)
            {
                continue;
            }

            // A peak's label may cover other dots where they crowd round it; only labels must never overlap.
            var piece = Fit(node, labels[node].Text, screen, chainNeighbours[node], fontSize, dotRadius, important.Contains(node) ? null : dots, written, cell);
            if (piece is { } p)
            {
                pieces[node].Add(p);
                var box = Padded(p);
                foreach (var key in CellsOf(box, cell))
                {
                    Bucket(written, key.Item1, key.Item2).Add(box);
                }
            }
        }

        return pieces;
    }

    private static LabelPiece? Fit(int node, string text, IReadOnlyList<Point2D> screen, IReadOnlyList<int> chainNeighbours, double fontSize, double dotRadius,
        Dictionary<(long, long), List<int>>? dots, Dictionary<(long, long), List<ScreenBox>> written, double cell)
    {
        var at = screen[node];
        double width = TextMetrics.Width(text, fontSize);
        double height = (TextMetrics.Ascent + TextMetrics.Descent) * fontSize;
        double away = 0;
        if (chainNeighbours.Count > 0)
        {
            var sum = chainNeighbours.Aggregate(Point2D.Origin, (s, v) => s + (screen[v] - at).Normalized());
            away = sum.Length > 1e-6 ? (-sum).Angle * 180 / Math.PI : 90;
        }

        foreach (double direction in Directions.OrderBy(d => AngleBetween(d, away)).ThenBy(d => Array.IndexOf(Directions, d)))
        {
            double radians = direction * Math.PI / 180;
            double ux = Math.Cos(radians), uy = Math.Sin(radians);
            // The box touches the dot's margin on the chosen side: its centre lies half a box beyond it.
            double gap = dotRadius + (fontSize * 0.2);
            double cx = at.X + (ux * (gap + (width / 2))), cy = at.Y + (uy * (gap + (height / 2)));
            double baseline = cy + (height / 2) - (TextMetrics.Descent * fontSize);
            var piece = new LabelPiece(text, cx - (width / 2), baseline, fontSize, "residue");
            var box = Padded(piece);
            if (Clear(node, box, screen, dotRadius, dots, written, cell))
            {
                return piece;
            }
        }

        return null;
    }

    private static bool Clear(int node, ScreenBox box, IReadOnlyList<Point2D> screen, double dotRadius, Dictionary<(long, long), List<int>>? dots, Dictionary<(long, long), List<ScreenBox>> written, double cell)
    {
        var reach = box.Inflated(dotRadius);
        foreach (var key in CellsOf(reach, cell))
        {
            if (written.TryGetValue(key, out var boxes) && boxes.Any(box.Overlaps))
            {
                return false;
            }

            if (dots is not null && dots.TryGetValue(key, out var members) && members.Any(m => m != node && reach.Contains(screen[m].X, screen[m].Y)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A label's box with room for glyphs that reach a little past their advance (and a hair between labels).</summary>
    private static ScreenBox Padded(LabelPiece piece) => piece.Box.Inflated(0.06 * piece.FontSize);

    /// <summary>Residues in the order their labels are tried.</summary>
    private static IEnumerable<int> Order(IReadOnlyList<NodeLabel> labels, IReadOnlyList<int>[] chainNeighbours, IReadOnlyList<int> priority)
    {
        int n = labels.Count;
        var rank = new int[n];
        for (int i = 0; i < n; i++)
        {
            int number = LeadingNumber(labels[i].Text);
            rank[i] = chainNeighbours[i].Count <= 1 ? 1 : number % 10 == 0 ? 2 : number % 5 == 0 ? 3 : 4;
        }

        var seen = new bool[n];
        foreach (int node in priority)
        {
            if ((uint)node < (uint)n && !seen[node])
            {
                seen[node] = true;
                yield return node;
            }
        }

        foreach (int node in Enumerable.Range(0, n).Where(i => !seen[i]).OrderBy(i => rank[i]).ThenBy(i => i))
        {
            yield return node;
        }
    }

    /// <summary>The residue number in a label such as "THR21" or "ALA7A"; 1 (not round) when there is none.</summary>
    private static int LeadingNumber(string text)
    {
        int start = 0;
        while (start < text.Length && !char.IsAsciiDigit(text[start]) && text[start] != '-')
        {
            start++;
        }

        int end = start;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || (end == start && text[end] == '-')))
        {
            end++;
        }

        return int.TryParse(text.AsSpan(start, end - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number) ? number : 1;
    }

    private static double AngleBetween(double a, double b)
    {
        double d = Math.Abs(((a - b) % 360 + 360) % 360);
        return Math.Min(d, 360 - d);
    }

    private static long CellOf(double value, double cell) => (long)Math.Floor(value / cell);

    private static IEnumerable<(long, long)> CellsOf(ScreenBox box, double cell)
    {
        for (long x = CellOf(box.Left, cell); x <= CellOf(box.Right, cell); x++)
        {
            for (long y = CellOf(box.Top, cell); y <= CellOf(box.Bottom, cell); y++)
            {
                yield return (x, y);
            }
        }
    }

    private static List<T> Bucket<T>(Dictionary<(long, long), List<T>> grid, long x, long y)
    {
        if (!grid.TryGetValue((x, y), out var list))
        {
            list = [];
            grid[(x, y)] = list;
        }

        return list;
    }
}
