using TopoPool.Chemistry.Proteins;
using TopoPool.Depiction;
using TopoPool.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TopoPool.Depiction.Tests;

/// <summary>
/// Residue graphs of 300 to 1,000 residues stay legible: no label overlaps another, none but a cluster peak's
/// covers another residue's dot, the labels that are written name their residues, the cluster peaks are labelled first, and every
/// cluster's colour shows in the rendered picture.
/// </summary>
public class ResiduePictureTests(ITestOutputHelper output)
{
    public static TheoryData<string> Proteins => new() { "1bni", "synthetic-500", "synthetic-1000" };

    private static Protein Load(string name) => name switch
    {
        "1bni" => PdbReader.ReadFile(SharedFolder.Path("data", "pdb", "1bni.pdb")).Protein,
        "synthetic-500" => PdbReader.Parse(SyntheticPdb.Text(SyntheticProtein.Globule(500))).Protein,
        _ => PdbReader.Parse(SyntheticPdb.Text(SyntheticProtein.Globule(1000))).Protein,
    };

    [Theory]
    [MemberData(nameof(Proteins))]
    public void Labels_of_a_large_residue_graph_are_thinned_until_none_overlaps(string name)
    {
        var protein = Load(name);
        var clusters = ExamplePictures.ClustersOf(protein);
        string svg = ClusterPicture.ForProtein(protein, clusters, name).ToSvg();
        var picture = new SvgPicture(svg);

        var overlaps = picture.OverlappingLabels();
        Assert.True(overlaps.Count == 0, string.Join("\n", overlaps));
        var dots = picture.Root.Descendants(SvgPicture.Svg + "circle").Where(c => (string?)c.Attribute("class") == "residue")
            .Select(c => (X: SvgPicture.Number(c, "cx"), Y: SvgPicture.Number(c, "cy"))).ToList();
        Assert.Equal(protein.Residues.Count, dots.Count);
        var peaks = clusters.Select(c => c.Peak).ToHashSet();
        foreach (var label in picture.Labels)
        {
            var residue = protein.Residues[label.Node];
            Assert.Equal($"{residue.Name}{residue.Number}", label.Text);
            if (peaks.Contains(label.Node))
            {
                continue;
            }

            var box = label.Box;
            box.Inflate(-1, -1);
            Assert.DoesNotContain(dots.Where((_, i) => i != label.Node), d => box.Contains((float)d.X, (float)d.Y));
        }

        // Peaks are labelled first: the strongest clusters' peaks always find a place.
        foreach (var cluster in clusters.OrderByDescending(c => c.Weight).Take(3))
        {
            Assert.NotNull(picture.LabelOf(cluster.Peak));
        }

        output.WriteLine($"{name}: {picture.Labels.Count} of {protein.Residues.Count} residues labelled");
        Assert.True(picture.Labels.Count >= Math.Min(60, protein.Residues.Count / 8), $"only {picture.Labels.Count} labels were written");

        using var bitmap = DepictionTestSupport.Render(svg);
        var colours = DepictionTestSupport.ClusterColours(picture.Root);
        var pixels = DepictionTestSupport.PixelsOfColours(bitmap, colours);
        for (int c = 0; c < colours.Count; c++)
        {
            Assert.True(pixels[c] > 100, $"{name}: cluster {colours[c].Cluster}'s colour covers only {pixels[c]} pixels");
        }
    }
}
