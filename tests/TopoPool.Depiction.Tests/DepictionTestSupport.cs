using System.Xml.Linq;
using SkiaSharp;
using Svg.Skia;
using Svg.Skia.TypefaceProviders;
using TopoPool.Chemistry.Tables;
using TopoPool.Depiction;
using TopoPool.Testing;
using Xunit;

namespace TopoPool.Depiction.Tests;

/// <summary>Shared data and measurements for the depiction tests.</summary>
internal static class DepictionTestSupport
{
    /// <summary>The SMILES of the Caco2 (Wang) set, in file order: its 'Drug' column, read with <see cref="DelimitedTable"/>.</summary>
    public static IReadOnlyList<string> Caco2Smiles()
    {
        string path = SharedFolder.Path("data", "tdc", "caco2_wang.csv");
        Assert.True(File.Exists(path), $"missing data file {path}");
        using var table = DelimitedTable.Open(path);
        int column = table.ColumnIndex("Drug");
        Assert.True(column >= 0, "no Drug column in " + path);
        var smiles = new List<string>();
        foreach (TableRecord record in table.Read())
        {
            Assert.True(record.IsValid, record.Describe(table.Source));
            smiles.Add(record.Values[column]);
        }

        return smiles;
    }

    /// <summary>
    /// Rings that share three or more atoms with another ring, or two atoms that are not bonded in the ring:
    /// bridged rings, which cannot all be regular polygons in the plane.
    /// </summary>
    public static bool[] BridgedRings(MoleculeGraph graph)
    {
        var rings = graph.Rings;
        var bonded = new HashSet<(int, int)>(graph.Bonds.Select(b => (Math.Min(b.Begin, b.End), Math.Max(b.Begin, b.End))));
        var bridged = new bool[rings.Count];
        for (int i = 0; i < rings.Count; i++)
        {
            for (int j = 0; j < rings.Count; j++)
            {
                if (i == j)
                {
                    continue;
                }

                var common = rings[i].Intersect(rings[j]).ToArray();
                if (common.Length >= 3 || (common.Length == 2 && !bonded.Contains((Math.Min(common[0], common[1]), Math.Max(common[0], common[1])))))
                {
                    bridged[i] = true;
                }
            }
        }

        return bridged;
    }

    /// <summary>The atoms of ring systems that hold a bridged ring (their bonds may be stretched or shortened).</summary>
    public static HashSet<int> AtomsOfBridgedSystems(MoleculeGraph graph)
    {
        var rings = graph.Rings;
        var bridged = BridgedRings(graph);
        var system = Enumerable.Range(0, rings.Count).ToArray();
        int Find(int r) => system[r] == r ? r : system[r] = Find(system[r]);
        for (int i = 0; i < rings.Count; i++)
        {
            for (int j = i + 1; j < rings.Count; j++)
            {
                if (rings[i].Intersect(rings[j]).Any())
                {
                    system[Find(i)] = Find(j);
                }
            }
        }

        var atoms = new HashSet<int>();
        for (int i = 0; i < rings.Count; i++)
        {
            if (Enumerable.Range(0, rings.Count).Any(j => Find(j) == Find(i) && bridged[j]))
            {
                atoms.UnionWith(rings[i]);
            }
        }

        return atoms;
    }

    /// <summary>Whether some atom lies in three or more rings (perifused systems such as ergoline, where regular rings cannot all fit).</summary>
    public static bool HasAtomInThreeRings(MoleculeGraph graph) =>
        Enumerable.Range(0, graph.AtomCount).Any(a => graph.Rings.Count(r => r.Contains(a)) >= 3);

    /// <summary>What is wrong with a layout, as text; empty when bonds, rings and spacing are all as they should be.</summary>
    public static List<string> GeometryProblems(MoleculeGraph graph, IReadOnlyList<Point2D> positions, double tolerance = 0.05, double minimumDistance = 0.4)
    {
        var problems = new List<string>();
        var exempt = AtomsOfBridgedSystems(graph);
        foreach (var bond in graph.Bonds)
        {
            double length = Point2D.Distance(positions[bond.Begin], positions[bond.End]);
            if (!(exempt.Contains(bond.Begin) && exempt.Contains(bond.End)) && Math.Abs(length - 1) > tolerance)
            {
                problems.Add($"bond {bond.Begin}-{bond.End} has length {length:0.000}");
            }
        }

        var bridged = BridgedRings(graph);
        for (int r = 0; r < graph.Rings.Count; r++)
        {
            if (bridged[r])
            {
                continue;
            }

            var ring = graph.Rings[r];
            var centre = new Point2D(ring.Average(a => positions[a].X), ring.Average(a => positions[a].Y));
            double radius = 0.5 / Math.Sin(Math.PI / ring.Count);
            for (int k = 0; k < ring.Count; k++)
            {
                double side = Point2D.Distance(positions[ring[k]], positions[ring[(k + 1) % ring.Count]]);
                double fromCentre = Point2D.Distance(positions[ring[k]], centre);
                if (Math.Abs(side - 1) > tolerance || Math.Abs(fromCentre - radius) > tolerance)
                {
                    problems.Add($"ring {r} ({ring.Count} atoms) is not a regular polygon at atom {ring[k]}: side {side:0.000}, radius {fromCentre:0.000} instead of {radius:0.000}");
                    break;
                }
            }
        }

        for (int i = 0; i < positions.Count; i++)
        {
            for (int j = i + 1; j < positions.Count; j++)
            {
                double d = Point2D.Distance(positions[i], positions[j]);
                if (d < minimumDistance)
                {
                    problems.Add($"atoms {i} and {j} are {d:0.000} apart");
                }
            }
        }

        return problems;
    }

    /// <summary>Renders an SVG to a bitmap on white with Svg.Skia; text is drawn with DejaVu Sans when the machine has it.</summary>
    public static SKBitmap Render(string svgText)
    {
        using var svg = new SKSvg();
        const string font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
        if (File.Exists(font))
        {
            svg.Settings.TypefaceProviders?.Insert(0, new CustomTypefaceProvider(font));
        }

        var picture = svg.FromSvg(svgText);
        Assert.NotNull(picture);
        var bounds = picture.CullRect;
        Assert.True(bounds.Width > 0 && bounds.Height > 0, $"the picture has no extent ({bounds})");
        var bitmap = new SKBitmap((int)Math.Ceiling(bounds.Width), (int)Math.Ceiling(bounds.Height));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        canvas.DrawPicture(picture);
        canvas.Flush();
        return bitmap;
    }

    /// <summary>Each cluster's halo colour as it looks on white: its colour blended with white at its opacity.</summary>
    public static List<(string Cluster, SKColor Colour)> ClusterColours(XElement root) =>
        root.Descendants(SvgPicture.Svg + "g").Where(g => (string?)g.Attribute("class") == "cluster-halo").Select(g =>
        {
            var (r, gr, b) = ClusterPalette.Parse(g.Attribute("fill")!.Value);
            double alpha = double.Parse(g.Attribute("opacity")!.Value, System.Globalization.CultureInfo.InvariantCulture);
            byte Blend(int channel) => (byte)Math.Round((255 * (1 - alpha)) + (channel * alpha));
            return (g.Attribute("data-cluster")!.Value, new SKColor(Blend(r), Blend(gr), Blend(b)));
        }).ToList();

    /// <summary>How many pixels of the bitmap have each cluster's halo colour (within 4 per channel).</summary>
    public static int[] PixelsOfColours(SKBitmap bitmap, IReadOnlyList<(string Cluster, SKColor Colour)> colours)
    {
        var matches = new int[colours.Count];
        for (int y = 0; y < bitmap.Height; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                var pixel = bitmap.GetPixel(x, y);
                for (int c = 0; c < colours.Count; c++)
                {
                    var expected = colours[c].Colour;
                    if (Math.Abs(pixel.Red - expected.Red) <= 4 && Math.Abs(pixel.Green - expected.Green) <= 4 && Math.Abs(pixel.Blue - expected.Blue) <= 4)
                    {
                        matches[c]++;
                    }
                }
            }
        }

        return matches;
    }

    public static void SavePng(SKBitmap bitmap, string path)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
    }
}
