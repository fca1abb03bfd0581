using System.Globalization;
using System.Xml.Linq;
using SkiaSharp;
using TopoPool.Chemistry.Proteins;
using TopoPool.Chemistry.Smiles;
using TopoPool.Depiction;
using TopoPool.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TopoPool.Depiction.Tests;

public class PictureTests(ITestOutputHelper output)
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private const string Aspirin = "CC(=O)Oc1ccccc1C(=O)O";

    // Atoms 0–3: the acetyl ester (peak C1, the carbonyl carbon); 4–9 the ring; 10–12 the acid (peak O12).
    // Atom 4 (the ring carbon bearing the ester oxygen) is in both of the first two clusters.
    private static readonly DepictionCluster[] AspirinClusters =
    [
        new([0, 1, 2, 3, 4], 1, 0.41),
        new([4, 5, 6, 7, 8, 9], 6, 0.83),
        new([10, 11, 12], 12, 0.2),
    ];

    [Fact]
    public void The_aspirin_picture_is_a_standalone_svg_with_its_oxygens_labelled_and_its_carbons_bare()
    {
        var molecule = SmilesReader.Parse(Aspirin);
        string svg = ClusterPicture.ForMolecule(molecule, AspirinClusters, "aspirin").ToSvg();
        var root = XDocument.Parse(svg).Root!;

        Assert.Equal(Svg + "svg", root.Name);
        Assert.NotNull(root.Attribute("width"));
        Assert.NotNull(root.Attribute("height"));
        Assert.Equal($"0 0 {root.Attribute("width")!.Value} {root.Attribute("height")!.Value}", root.Attribute("viewBox")!.Value);
        Assert.DoesNotContain("href", svg, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", svg, StringComparison.OrdinalIgnoreCase);

        // Atoms 2, 3, 11 and 12 are the oxygens; the nine carbons, methyl included, are bare vertices.
        var labels = NodeLabels(root).ToDictionary(l => int.Parse(l.Attribute("data-node")!.Value, CultureInfo.InvariantCulture), l => l.Value);
        Assert.Equal([2, 3, 11, 12], labels.Keys.Order());
        Assert.Equal("O", labels[2]);
        Assert.Equal("O", labels[3]);
        Assert.Equal("O", labels[11]);
        Assert.Contains(labels[12], new[] { "OH", "HO" });
    }

    [Fact]
    public void Each_cluster_has_its_own_colour_and_strength_follows_its_weight()
    {
        var molecule = SmilesReader.Parse("CC12CCC3c4ccc(O)cc4CCC3C1CCC2O");
        var clusters = Enumerable.Range(0, 6).Select(k => new DepictionCluster([3 * k, (3 * k) + 1, (3 * k) + 2], 3 * k, 0.1 * (k + 1))).ToArray();
        var root = XDocument.Parse(ClusterPicture.ForMolecule(molecule, clusters).ToSvg()).Root!;

        var halos = root.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "cluster-halo").ToList();
        Assert.Equal(6, halos.Count);
        Assert.Equal(6, halos.Select(g => g.Attribute("fill")!.Value.ToUpperInvariant()).Distinct().Count());

        var opacity = halos.ToDictionary(g => int.Parse(g.Attribute("data-cluster")!.Value, CultureInfo.InvariantCulture), g => double.Parse(g.Attribute("opacity")!.Value, CultureInfo.InvariantCulture));
        Assert.Equal(0.85, opacity[6], 2);
        for (int k = 1; k < 6; k++)
        {
            Assert.True(opacity[k] < opacity[k + 1], $"cluster {k} (weaker) is drawn as strongly as cluster {k + 1}");
        }

        // Each legend swatch has its cluster's colour.
        foreach (var swatch in root.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("class") == "legend-swatch"))
        {
            var halo = halos.Single(g => g.Attribute("data-cluster")!.Value == swatch.Attribute("data-cluster")!.Value);
            Assert.Equal(halo.Attribute("fill")!.Value, swatch.Attribute("fill")!.Value);
        }
    }

    [Fact]
    public void The_palette_gives_distinct_colours_for_many_clusters()
    {
        var colours = ClusterPalette.Colours(120);
        Assert.Equal(120, colours.Select(c => c.ToUpperInvariant()).Distinct().Count());
        Assert.All(colours, c => Assert.Matches("^#[0-9A-F]{6}$", c));
    }

    [Fact]
    public void The_legend_lists_every_cluster_strongest_first_with_weight_and_peak()
    {
        var root = XDocument.Parse(ClusterPicture.ForMolecule(SmilesReader.Parse(Aspirin), AspirinClusters).ToSvg()).Root!;
        var entries = root.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "legend-entry").Select(t => t.Value).ToList();
        Assert.Equal(
            ["cluster 2 · σ = 0.83 · peak C6 · 6 atoms", "cluster 1 · σ = 0.41 · peak C1 · 5 atoms", "cluster 3 · σ = 0.20 · peak O12 · 3 atoms"],
            entries);
    }

    [Fact]
    public void Shared_nodes_are_split_between_their_clusters_and_peaks_are_ringed()
    {
        var root = XDocument.Parse(ClusterPicture.ForMolecule(SmilesReader.Parse(Aspirin), AspirinClusters).ToSvg()).Root!;
        var slices = root.Descendants(Svg + "path").Where(p => (string?)p.Attribute("class") == "shared").ToList();
        Assert.Equal(2, slices.Count);
        Assert.Equal(2, slices.Select(p => p.Parent!.Attribute("data-cluster")!.Value).Distinct().Count());

        var peaks = root.Descendants(Svg + "circle").Where(c => (string?)c.Attribute("class") == "peak").ToList();
        Assert.Equal(3, peaks.Count);
        // Each ring is centred on one of its cluster's node highlights: the peak's.
        var labelOfNode = NodeLabels(root).ToDictionary(l => l.Attribute("data-node")!.Value);
        foreach (var (cluster, peak) in new[] { ("1", 1), ("2", 6), ("3", 12) })
        {
            var ring = peaks.Single(p => p.Attribute("data-cluster")!.Value == cluster);
            var halo = root.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "cluster-halo" && g.Attribute("data-cluster")!.Value == cluster);
            var centres = halo.Elements(Svg + "circle").Select(c => (Number(c, "cx"), Number(c, "cy")))
                .Concat(halo.Elements(Svg + "path").Select(p => p.Attribute("d")!.Value.Split(' ')).Select(d => (double.Parse(d[1], CultureInfo.InvariantCulture), double.Parse(d[2], CultureInfo.InvariantCulture))))
                .ToList();
            Assert.Contains(centres, c => Math.Abs(c.Item1 - Number(ring, "cx")) < 0.01 && Math.Abs(c.Item2 - Number(ring, "cy")) < 0.01);
        }

        // The acid oxygen O12, the third cluster's peak, is labelled, and its ring is drawn round its symbol.
        var oxygen = labelOfNode["12"].Elements(Svg + "tspan").Single(t => (string?)t.Attribute("class") == "symbol");
        var peakRing = peaks.Single(p => p.Attribute("data-cluster")!.Value == "3");
        Assert.InRange(Number(peakRing, "cy"), Number(oxygen, "y") - 12, Number(oxygen, "y"));
    }

    [Fact]
    public void Nothing_in_the_drawing_reaches_the_legend()
    {
        foreach (string smiles in new[] { Aspirin, "CC(C)Cc1ccc(cc1)C(C)C(=O)O", "CC12CCC3c4ccc(O)cc4CCC3C1CCC2O" })
        {
            var molecule = SmilesReader.Parse(smiles);
            var clusters = new[] { new DepictionCluster(Enumerable.Range(0, molecule.AtomCount).ToArray(), molecule.AtomCount - 1, 0.5) };
            var root = XDocument.Parse(ClusterPicture.ForMolecule(molecule, clusters, smiles).ToSvg()).Root!;
            double legendTop = root.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "legend")
                .Descendants(Svg + "rect").Min(r => Number(r, "y"));
            var drawing = root.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "drawing");
            double lowest = drawing.Descendants(Svg + "circle").Max(c => Number(c, "cy") + Number(c, "r"));
            lowest = Math.Max(lowest, drawing.Descendants(Svg + "tspan").Select(t => Number(t, "y") + 4).DefaultIfEmpty(0).Max());
            Assert.True(lowest < legendTop, $"{smiles}: the drawing reaches y = {lowest:0.0}, the legend starts at {legendTop:0.0}");
            Assert.True(legendTop + 20 <= Number(root, "height"), "the legend runs off the picture");
        }
    }

    [Fact]
    public void Charges_are_superscripts_and_text_is_escaped()
    {
        var molecule = SmilesReader.Parse("C[N+](C)(C)C.[O-]C(=O)C");
        string title = "a <title> & \"quotes\" 'here'";
        string svg = ClusterPicture.ForMolecule(molecule, [new DepictionCluster([0, 1], 1, 1)], title).ToSvg();
        var root = XDocument.Parse(svg).Root!;
        Assert.Equal(title, root.Descendants(Svg + "text").Single(t => (string?)t.Attribute("class") == "title").Value);

        var labels = NodeLabels(root).ToDictionary(l => l.Attribute("data-node")!.Value);
        var plus = labels["1"].Elements(Svg + "tspan").Single(t => (string?)t.Attribute("class") == "charge");
        var nitrogen = labels["1"].Elements(Svg + "tspan").Single(t => (string?)t.Attribute("class") == "symbol");
        Assert.Equal("+", plus.Value);
        Assert.Equal("N+", labels["1"].Value);
        Assert.True(Number(plus, "y") < Number(nitrogen, "y") - 3, "the charge is not raised");
        Assert.True(Number(plus, "x") >= Number(nitrogen, "x") + 8, "the charge is not after the symbol");
        Assert.Equal("\u2212", labels["5"].Elements(Svg + "tspan").Single(t => (string?)t.Attribute("class") == "charge").Value);
        Assert.Equal("O\u2212", labels["5"].Value);
    }

    [Fact]
    public void A_picture_without_clusters_has_no_legend_and_bad_input_is_refused()
    {
        var root = XDocument.Parse(ClusterPicture.ForMolecule(SmilesReader.Parse("c1ccccc1O"), []).ToSvg()).Root!;
        Assert.Contains(Assert.Single(NodeLabels(root)).Value, new[] { "OH", "HO" });
        Assert.DoesNotContain(root.Descendants(Svg + "g"), g => (string?)g.Attribute("class") == "legend");

        Point2D[] two = [new(0, 0), new(1, 0)];
        NodeLabel[] labels = [new("C", "C0"), new("O", "O1")];
        Assert.Throws<ArgumentException>(() => new ClusterPicture(two, labels.Take(1).ToArray(), [], []));
        Assert.Throws<ArgumentException>(() => new ClusterPicture(two, labels, [new DepictionBond(0, 2)], []));
        Assert.Throws<ArgumentException>(() => new ClusterPicture(two, labels, [], [new DepictionCluster([0, 3], 0, 1)]));
    }

    [Fact]
    public void Residue_graphs_are_drawn_with_residue_labels()
    {
        string path = SharedFolder.Path("data", "pdb", "1crn.pdb");
        Assert.True(File.Exists(path), $"missing data file {path}");
        var protein = PdbReader.ReadFile(path).Protein;
        var clusters = new[] { new DepictionCluster([0, 1, 2, 3, 4, 5], 3, 0.7), new DepictionCluster([20, 21, 22, 23], 22, 0.4) };
        string svg = ClusterPicture.ForProtein(protein, clusters, "crambin").ToSvg();
        var root = XDocument.Parse(svg).Root!;

        var labels = NodeLabels(root);
        // Every residue is a dot; a small protein has room for nearly every label, and the chain's first residue is labelled.
        Assert.Equal(Enumerable.Range(0, protein.Residues.Count), root.Descendants(Svg + "circle").Where(c => (string?)c.Attribute("class") == "residue")
            .Select(c => int.Parse(c.Attribute("data-node")!.Value, CultureInfo.InvariantCulture)));
        Assert.InRange(labels.Count, protein.Residues.Count * 9 / 10, protein.Residues.Count);
        Assert.Equal("THR1", labels.Single(l => l.Attribute("data-node")!.Value == "0").Value);
        Assert.Empty(new SvgPicture(svg).OverlappingLabels());
        var entries = root.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "legend-entry").Select(t => t.Value).ToList();
        Assert.Equal($"cluster 1 · σ = 0.70 · peak {protein.Residues[3].Label} · 6 residues", entries[0]);

        using var bitmap = DepictionTestSupport.Render(svg);
        DepictionTestSupport.SavePng(bitmap, Path.Combine(Path.GetTempPath(), "topopool-depiction-1crn.png"));
        AssertDrawn(bitmap, ClusterColours(root));
    }

    [Fact]
    public void The_aspirin_picture_renders_to_a_png_with_its_cluster_colours()
    {
        string svg = ClusterPicture.ForMolecule(SmilesReader.Parse(Aspirin), AspirinClusters, "aspirin · " + Aspirin).ToSvg();
        using var bitmap = DepictionTestSupport.Render(svg);
        string file = Path.Combine(Path.GetTempPath(), "topopool-depiction-aspirin.png");
        DepictionTestSupport.SavePng(bitmap, file);
        output.WriteLine($"wrote {file} ({bitmap.Width}×{bitmap.Height})");
        AssertDrawn(bitmap, ClusterColours(XDocument.Parse(svg).Root!));
    }

    [Fact]
    public void A_fused_ring_picture_renders_to_a_png_with_its_cluster_colours()
    {
        // Estradiol: an aromatic ring fused to three aliphatic rings.
        var molecule = SmilesReader.Parse("CC12CCC3c4ccc(O)cc4CCC3C1CCC2O");
        var clusters = new[]
        {
            new DepictionCluster([5, 6, 7, 8, 9, 10, 11], 8, 0.9),
            new DepictionCluster([12, 13, 14, 4, 3], 13, 0.55),
            new DepictionCluster([15, 16, 17, 18, 19, 1, 0], 19, 0.3),
        };
        string svg = ClusterPicture.ForMolecule(molecule, clusters, "estradiol").ToSvg();
        using var bitmap = DepictionTestSupport.Render(svg);
        string file = Path.Combine(Path.GetTempPath(), "topopool-depiction-fused.png");
        DepictionTestSupport.SavePng(bitmap, file);
        output.WriteLine($"wrote {file} ({bitmap.Width}×{bitmap.Height})");
        AssertDrawn(bitmap, ClusterColours(XDocument.Parse(svg).Root!));
    }

    [Fact]
    public void A_broken_svg_does_not_render()
    {
        Assert.ThrowsAny<Exception>(() =>
        {
            using var bitmap = DepictionTestSupport.Render("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><g></svg>");
        });
    }

    private static List<XElement> NodeLabels(XElement root) =>
        root.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "node").ToList();

    private static double Number(XElement element, string attribute) =>
        double.Parse(element.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    private static List<(string Cluster, SKColor Colour)> ClusterColours(XElement root) => DepictionTestSupport.ClusterColours(root);

    /// <summary>The picture is not blank: enough ink, dark bonds and labels, and every cluster's halo colour.</summary>
    private void AssertDrawn(SKBitmap bitmap, List<(string Cluster, SKColor Colour)> clusterColours)
    {
        int total = bitmap.Width * bitmap.Height, inked = 0, dark = 0;
        var matches = new int[clusterColours.Count];
        for (int y = 0; y < bitmap.Height; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                var pixel = bitmap.GetPixel(x, y);
                if (pixel.Red < 245 || pixel.Green < 245 || pixel.Blue < 245)
                {
                    inked++;
                }

                if (pixel.Red < 90 && pixel.Green < 90 && pixel.Blue < 90)
                {
                    dark++;
                }

                for (int c = 0; c < clusterColours.Count; c++)
                {
                    var expected = clusterColours[c].Colour;
                    if (Math.Abs(pixel.Red - expected.Red) <= 4 && Math.Abs(pixel.Green - expected.Green) <= 4 && Math.Abs(pixel.Blue - expected.Blue) <= 4)
                    {
                        matches[c]++;
                    }
                }
            }
        }

        output.WriteLine($"{inked} of {total} pixels inked, {dark} dark; halo pixels per cluster: {string.Join(", ", clusterColours.Select((c, i) => $"{c.Cluster}: {matches[i]}"))}");
        Assert.True(inked > total / 20, $"only {inked} of {total} pixels are not white");
        Assert.True(dark > 200, $"only {dark} dark pixels: bonds and labels are missing");
        for (int c = 0; c < clusterColours.Count; c++)
        {
            Assert.True(matches[c] > 100, $"cluster {clusterColours[c].Cluster}'s colour {clusterColours[c].Colour} covers only {matches[c]} pixels");
        }
    }
}
