using System.Globalization;
using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;
using TopoPool.Chemistry.Proteins;
using TopoPool.Testing;
using TopoPool.Depiction;
using Xunit;

namespace TopoPool.Depiction.Tests;

/// <summary>
/// Residue graphs of large proteins and awkward coordinates: the layout and the picture are complete and correct
/// (every residue placed and labelled, every cluster drawn in its own colour), and nothing throws on coordinates.
/// How long they take is measured in tests/TopoPool.Benchmarks, not here.
/// </summary>
public class ProteinScaleTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly Lazy<Protein> Crambin = new(() => PdbReader.ReadFile(SharedFolder.Path("data", "pdb", "1crn.pdb")).Protein);

    private static readonly Lazy<Protein> TenThousand = new(() => PdbReader.Parse(SyntheticPdb.Text(SyntheticProtein.Globule(10_000))).Protein);

    [Fact]
    public void The_palette_gives_distinct_colours_past_the_few_thousand_its_hues_can_make()
    {
        // The generated hues repeat after 30,000 ranks and give under 5,000 distinct colours: 12,000 needs the rest.
        var colours = ClusterPalette.Colours(12_000);
        Assert.Equal(12_000, colours.Select(c => c.ToUpperInvariant()).Distinct().Count());
        Assert.All(colours, c => Assert.Matches("^#[0-9A-F]{6}$", c));
        Assert.Equal(ClusterPalette.Colours(120), colours.Take(120));
        Assert.Empty(ClusterPalette.Colours(0));
    }

    [Fact]
    public void A_ten_thousand_residue_protein_is_laid_out_completely_and_the_same_way_twice()
    {
        var protein = TenThousand.Value;
        var positions = ResidueLayout.Compute(protein);

        Assert.Equal(10_000, positions.Length);
        Assert.All(positions, p => Assert.True(double.IsFinite(p.X) && double.IsFinite(p.Y), $"{p} is not finite"));
        var steps = Enumerable.Range(0, positions.Length - 1)
            .Where(i => protein.Residues[i].Chain == protein.Residues[i + 1].Chain)
            .Select(i => Point2D.Distance(positions[i], positions[i + 1]))
            .Order()
            .ToArray();
        Assert.InRange(steps[steps.Length / 2], 0.8, 1.25);
        Assert.Equal(positions.ToArray(), ResidueLayout.Compute(protein).ToArray());
    }

    [Fact]
    public void Residues_piled_on_one_point_are_spread_and_stay_finite()
    {
        var residues = Enumerable.Range(0, 5_000).Select(i => new ResiduePosition('A', 1.5, -2, 3)).ToArray();
        var positions = ResidueLayout.Compute(residues);
        Assert.Equal(5_000, positions.Length);
        Assert.All(positions, p => Assert.True(double.IsFinite(p.X) && double.IsFinite(p.Y), $"{p} is not finite"));
        Assert.True(positions.Distinct().Count() > 4_900, "the pile was not spread");
    }

    [Theory]
    [InlineData(1e200)]
    [InlineData(1e-200)]
    [InlineData(1e7)]
    public void The_layout_does_not_depend_on_the_scale_of_the_coordinates(double scale)
    {
        var protein = PdbReader.ReadFile(SharedFolder.Path("data", "pdb", "1crn.pdb")).Protein;
        var residues = protein.Residues.Select(r => new ResiduePosition(r.Chain, r.X, r.Y, r.Z)).ToArray();
        var expected = ResidueLayout.Compute(residues);
        var scaled = ResidueLayout.Compute(residues.Select(r => new ResiduePosition(r.Chain, r.X * scale, r.Y * scale, r.Z * scale)).ToArray());
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Point2D.Distance(expected[i], scaled[i]) < 1e-6, $"residue {i}: {scaled[i]} instead of {expected[i]}");
        }
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Non_finite_coordinates_are_refused_as_an_argument_not_an_arithmetic_failure(double bad)
    {
        ResiduePosition[] residues = [new('A', 0, 0, 0), new('A', 3.8, bad, 0), new('A', 7.6, 0, 0)];
        var error = Assert.Throws<ArgumentException>(() => ResidueLayout.Compute(residues));
        Assert.Contains("residue 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_residue_and_cluster_of_a_ten_thousand_residue_picture_is_drawn_and_the_legend_is_capped()
    {
        var protein = TenThousand.Value;
        // Every residue its own cluster but pairs of neighbours sharing one: 7,500 clusters, more than the hues give.
        var clusters = Enumerable.Range(0, 7_500)
            .Select(c => c < 5_000 ? new DepictionCluster([c], c, 1.0 / (c + 1)) : new DepictionCluster([2 * (c - 5_000), (2 * (c - 5_000)) + 1], 2 * (c - 5_000), 0.5))
            .ToArray();
        var root = XDocument.Parse(ClusterPicture.ForProtein(protein, clusters, "synthetic").ToSvg()).Root!;

        // Every residue is drawn as a dot; labels are written where they fit, each naming its own residue.
        var dots = root.Descendants(Svg + "circle").Where(c => (string?)c.Attribute("class") == "residue").ToList();
        Assert.Equal(Enumerable.Range(0, 10_000), dots.Select(d => int.Parse(d.Attribute("data-node")!.Value, CultureInfo.InvariantCulture)));
        var labels = root.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "node").ToList();
        Assert.InRange(labels.Count, 100, 10_000);
        foreach (var label in labels)
        {
            var residue = protein.Residues[int.Parse(label.Attribute("data-node")!.Value, CultureInfo.InvariantCulture)];
            Assert.Equal($"{residue.Name}{residue.Number}", label.Value);
        }

        var halos = root.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "cluster-halo").ToList();
        Assert.Equal(7_500, halos.Count);
        Assert.Equal(7_500, halos.Select(g => g.Attribute("fill")!.Value).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(7_500, root.Descendants(Svg + "circle").Count(c => (string?)c.Attribute("class") == "peak"));

        var legend = root.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "legend-entry").ToList();
        Assert.Equal(ClusterPicture.ProteinLegendLimit, legend.Count);
        Assert.StartsWith("cluster 1 · σ = 1.00", legend[0].Value, StringComparison.Ordinal);
        Assert.Equal("… and 7,460 weaker clusters, drawn but not listed", root.Descendants(Svg + "text").Single(t => (string?)t.Attribute("class") == "legend-more").Value);
        double height = double.Parse(root.Attribute("height")!.Value, CultureInfo.InvariantCulture);
        double lastRow = double.Parse(root.Descendants(Svg + "text").Single(t => (string?)t.Attribute("class") == "legend-more").Attribute("y")!.Value, CultureInfo.InvariantCulture);
        Assert.InRange(height - lastRow, 0, 40);
    }

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public Property Each_cluster_halo_holds_a_band_for_exactly_the_contacts_inside_the_cluster() =>
        Prop.ForAll(
            Gen.ListOf(Gen.ListOf(Gen.Choose(0, 45)).Where(m => m.Count > 0)).Where(c => c.Count > 0).ToArbitrary(),
            memberLists =>
            {
                var protein = Crambin.Value;
                var clusters = memberLists.Select((m, i) => new DepictionCluster(m, m[0], 0.1 + (i % 7))).ToArray();
                var root = XDocument.Parse(ClusterPicture.ForProtein(protein, clusters).ToSvg()).Root!;
                var bandCounts = root.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "cluster-halo")
                    .ToDictionary(g => int.Parse(g.Attribute("data-cluster")!.Value, CultureInfo.InvariantCulture) - 1, g => g.Elements(Svg + "line").Count());
                var positions = ResidueLayout.Compute(protein);
                bool all = true;
                for (int c = 0; c < clusters.Length; c++)
                {
                    var members = clusters[c].Members.ToHashSet();
                    // A band is drawn for each contact with both ends in the cluster, unless its ends were drawn on one spot.
                    int expected = protein.Edges.Count(e => members.Contains(e.Source) && members.Contains(e.Target)
                        && Point2D.Distance(positions[e.Source], positions[e.Target]) > 1e-6);
                    all &= bandCounts[c] == expected;
                }

                return all.Label(string.Join("; ", bandCounts.Select(kv => $"cluster {kv.Key + 1}: {kv.Value} bands")));
            });
}
