using System.Globalization;
using System.Xml.Linq;
using SkiaSharp;

namespace TopoPool.Depiction.Tests;

/// <summary>
/// What a picture's SVG shows, read back as a person would measure it: each written label with the ink box of its
/// glyphs (measured with SkiaSharp in DejaVu Sans, the face the pictures are rendered with, not with the picture's
/// own text metrics), and each bond's lines.
/// </summary>
internal sealed class SvgPicture
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly Lazy<SKTypeface> Face = new(() =>
    {
        const string font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
        return File.Exists(font) ? SKTypeface.FromFile(font) : SKTypeface.Default;
    });

    public SvgPicture(string svg)
    {
        Root = XDocument.Parse(svg).Root!;
        var labels = Root.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "labels");
        double baseSize = Number(labels, "font-size");
        Labels = Root.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "node").Select(t =>
        {
            var pieces = t.Elements(Svg + "tspan").Select(s =>
            {
                double size = s.Attribute("font-size") is { } a ? double.Parse(a.Value, CultureInfo.InvariantCulture) : baseSize;
                return (Role: (string?)s.Attribute("class") ?? "", Text: s.Value, X: Number(s, "x"), Y: Number(s, "y"), Size: size);
            }).ToList();
            var box = pieces.Select(p => InkBox(p.Text, p.X, p.Y, p.Size)).Aggregate(Union);
            return new Label(int.Parse(t.Attribute("data-node")!.Value, CultureInfo.InvariantCulture), t.Value, pieces, box);
        }).ToList();
    }

    public XElement Root { get; }

    public IReadOnlyList<Label> Labels { get; }

    public Label? LabelOf(int node) => Labels.SingleOrDefault(l => l.Node == node);

    /// <summary>The groups of lines of each bond, by bond index.</summary>
    public Dictionary<int, XElement> BondGroups() =>
        Root.Descendants(Svg + "g")
            .Where(g => ((string?)g.Attribute("class"))?.StartsWith("bond ", StringComparison.Ordinal) == true || ((string?)g.Attribute("class"))?.StartsWith("wedge ", StringComparison.Ordinal) == true)
            .ToDictionary(g => int.Parse(g.Attribute("data-bond")!.Value, CultureInfo.InvariantCulture));

    /// <summary>Every line of every bond (wedges excepted), as end points.</summary>
    public IEnumerable<(double X1, double Y1, double X2, double Y2)> BondLines() =>
        Root.Descendants(Svg + "g").Where(g => ((string?)g.Attribute("class"))?.StartsWith("bond ", StringComparison.Ordinal) == true)
            .SelectMany(g => g.Elements(Svg + "line"))
            .Select(l => (Number(l, "x1"), Number(l, "y1"), Number(l, "x2"), Number(l, "y2")));

    /// <summary>The lines of one role ("main", "inner", "side") of a bond group, merged end to end into one segment.</summary>
    public static (double X1, double Y1, double X2, double Y2)? Segment(XElement group, string role)
    {
        var lines = group.Elements(Svg + "line").Where(l => (string?)l.Attribute("class") == role).ToList();
        if (lines.Count == 0)
        {
            return null;
        }

        // A bond between atoms of different colours is written as two halves, the second continuing the first.
        return (Number(lines[0], "x1"), Number(lines[0], "y1"), Number(lines[^1], "x2"), Number(lines[^1], "y2"));
    }

    public static double Number(XElement element, string attribute) =>
        double.Parse(element.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    public static SKRect InkBox(string text, double x, double baseline, double size)
    {
        using var font = new SKFont(Face.Value, (float)size);
        font.MeasureText(text, out var bounds);
        return new SKRect((float)(x + bounds.Left), (float)(baseline + bounds.Top), (float)(x + bounds.Right), (float)(baseline + bounds.Bottom));
    }

    private static SKRect Union(SKRect a, SKRect b) =>
        new(Math.Min(a.Left, b.Left), Math.Min(a.Top, b.Top), Math.Max(a.Right, b.Right), Math.Max(a.Bottom, b.Bottom));

    /// <summary>Pairs of labels whose glyphs' boxes overlap (by more than a hair), as text for a failure message.</summary>
    public List<string> OverlappingLabels()
    {
        var problems = new List<string>();
        var sorted = Labels.OrderBy(l => l.Box.Left).ToList();
        for (int i = 0; i < sorted.Count; i++)
        {
            for (int j = i + 1; j < sorted.Count && sorted[j].Box.Left < sorted[i].Box.Right; j++)
            {
                var a = sorted[i].Box;
                var b = sorted[j].Box;
                if (a.Left + 0.5 < b.Right && b.Left + 0.5 < a.Right && a.Top + 0.5 < b.Bottom && b.Top + 0.5 < a.Bottom)
                {
                    problems.Add($"'{sorted[i].Text}' (node {sorted[i].Node}, {a}) overlaps '{sorted[j].Text}' (node {sorted[j].Node}, {b})");
                }
            }
        }

        return problems;
    }

    /// <summary>One written label: its node, its text, its runs (role, text, left end, baseline, size) and the box of its ink.</summary>
    public sealed record Label(int Node, string Text, IReadOnlyList<(string Role, string Text, double X, double Y, double Size)> Pieces, SKRect Box)
    {
        public (string Role, string Text, double X, double Y, double Size) Piece(string role) => Pieces.Single(p => p.Role == role);
    }
}
