using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using TopoPool.Testing;
using Xunit;

namespace TopoPool.Cli.Tests.Commands;

/// <summary>
/// <c>topopool explain --pdb FILE --svg</c> on generated proteins far larger than the shared ones, run as a person
/// would: the outputs must be complete and correct (every residue in the JSON and the picture, every cluster drawn),
/// and inputs beyond the documented limits refused with one line. Time and memory are measured in
/// tests/TopoPool.Benchmarks and reported with the change, not asserted here.
/// </summary>
public class ExplainLargeProteinTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>The labels of the residues with a C-alpha atom, read from the ATOM lines by their columns.</summary>
    private static List<string> AlphaCarbonLabels(string pdb) =>
        pdb.Split('\n')
            .Where(l => l.StartsWith("ATOM  ", StringComparison.Ordinal) && l.Substring(12, 4) == " CA ")
            .Select(l => $"{l[21]}:{l.Substring(17, 3)}{int.Parse(l.Substring(22, 4), CultureInfo.InvariantCulture)}")
            .ToList();

    private static (JsonElement Json, XElement Svg) Explain(string folder, string name, string pdb)
    {
        string input = Path.Combine(folder, name + ".pdb"), picture = Path.Combine(folder, name + ".svg");
        File.WriteAllText(input, pdb);
        var result = CliProcess.RunIn(folder, null, ["explain", "--pdb", input, "--svg", picture]);
        Assert.False(result.TimedOut, $"{name}: no answer within {CliProcess.HangGuard}");
        Assert.True(result.ExitCode == 0, $"{name}: exit {result.ExitCode}: {result.StandardError}");
        Assert.Equal("", result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        return (json.RootElement.Clone(), XDocument.Load(picture).Root!);
    }

    /// <summary>What must hold of every explanation: each residue once, in file order, in some cluster; clusters hold their peaks; one halo per cluster.</summary>
    private static void AssertComplete(List<string> labels, JsonElement json, XElement svg)
    {
        var nodes = json.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(labels, nodes.Select(n => n.GetProperty("label").GetString()));
        Assert.Equal(Enumerable.Range(0, labels.Count), nodes.Select(n => n.GetProperty("index").GetInt32()));
        Assert.All(nodes, n => Assert.True(float.IsFinite(n.GetProperty("score").GetSingle())));

        var clusters = json.GetProperty("clusters").EnumerateArray().ToList();
        var members = clusters.Select(c => c.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("index").GetInt32()).ToList()).ToList();
        Assert.Equal(Enumerable.Range(0, labels.Count), members.SelectMany(m => m).Distinct().Order());
        Assert.All(clusters.Zip(members), p => Assert.Contains(p.First.GetProperty("peak").GetInt32(), p.Second));
        Assert.All(clusters, c => Assert.Equal(labels[c.GetProperty("peak").GetInt32()], c.GetProperty("peak_label").GetString()));

        // Every residue is drawn as a dot; labels are written only where they collide with no other, each naming its residue.
        var dots = svg.Descendants(Svg + "circle").Where(c => (string?)c.Attribute("class") == "residue").ToList();
        Assert.Equal(Enumerable.Range(0, labels.Count), dots.Select(d => int.Parse(d.Attribute("data-node")!.Value, CultureInfo.InvariantCulture)).Order());
        var drawn = svg.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "node").ToList();
        Assert.NotEmpty(drawn);
        Assert.All(drawn, t => Assert.Equal(labels[int.Parse(t.Attribute("data-node")!.Value, CultureInfo.InvariantCulture)][2..], t.Value));
        var halos = svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "cluster-halo").ToList();
        Assert.Equal(clusters.Count, halos.Count);
        Assert.Equal(clusters.Count, halos.Select(g => g.Attribute("fill")!.Value).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void A_ten_thousand_residue_protein_is_explained_and_drawn_completely()
    {
        var folder = Directory.CreateTempSubdirectory("topopool-large-protein").FullName;
        string pdb = SyntheticPdb.Text(SyntheticProtein.Globule(10_000));
        var (json, svg) = Explain(folder, "globule", pdb);
        AssertComplete(AlphaCarbonLabels(pdb), json, svg);
        Assert.Equal(10_000, json.GetProperty("nodes").GetArrayLength());
    }

    [Fact]
    public void Five_thousand_residues_without_a_contact_are_five_thousand_clusters_each_drawn_in_its_own_colour()
    {
        // Residues 7 Å apart on a lattice: no contacts, so every residue is its own cluster. More clusters than the
        // palette's hues give (about 4,970) used to hang the picture.
        var lines = Enumerable.Range(0, 5_000).Select(i => FormattableString.Invariant(
            $"ATOM  {i + 1,5}  CA  GLY {(char)('A' + (i / 1000))}{(i % 1000) + 1,4}    {i % 20 * 7.0,8:F3}{i / 20 % 20 * 7.0,8:F3}{i / 400 * 7.0,8:F3}  1.00  0.00           C"));
        string pdb = string.Join('\n', lines) + "\nEND\n";
        var folder = Directory.CreateTempSubdirectory("topopool-apart-protein").FullName;
        var (json, svg) = Explain(folder, "apart", pdb);
        AssertComplete(AlphaCarbonLabels(pdb), json, svg);
        Assert.Equal(5_000, json.GetProperty("clusters").GetArrayLength());
    }

    [Fact]
    public void Many_chains_packed_tightly_among_twenty_thousand_waters_are_explained_completely()
    {
        // Fifty chains of 100 residues in a sphere three times denser than a folded protein, with 20,000 HETATM waters.
        var protein = SyntheticProtein.Create(residues: 5_000, chainLength: 100, volumePerResidue: 45, waters: 20_000, seed: 3);
        string pdb = SyntheticPdb.Text(protein);
        var folder = Directory.CreateTempSubdirectory("topopool-packed-protein").FullName;
        var (json, svg) = Explain(folder, "packed", pdb);
        AssertComplete(AlphaCarbonLabels(pdb), json, svg);
        Assert.Equal(50, json.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("label").GetString()![0]).Distinct().Count());
    }

    [Fact]
    public void Copies_of_a_protein_overlaid_as_chains_are_refused_in_one_line()
    {
        // 5,000 residues packed at one per 5 Å³, far denser than C-alpha atoms can be: the graph would have millions
        // of contacts (the 11 GB case).
        string pdb = SyntheticPdb.Text(SyntheticProtein.Create(residues: 5_000, chainLength: 500, volumePerResidue: 5, waters: 0, seed: 1));
        var folder = Directory.CreateTempSubdirectory("topopool-dense-protein").FullName;
        string input = Path.Combine(folder, "dense.pdb");
        File.WriteAllText(input, pdb);
        var result = CliProcess.RunIn(folder, null, ["explain", "--pdb", input, "--svg", Path.Combine(folder, "dense.svg")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            "error: dense.pdb: 5,000 residues have more than 83,775 C-alpha contacts closer than 6 Å: denser than C-alpha atoms can pack (one per 27 Å³ is the most read); are copies of the structure overlaid as chains or models?",
            result.StandardError.Trim());
        Assert.Equal("", result.StandardOutput);
        Assert.False(File.Exists(Path.Combine(folder, "dense.svg")));
    }

    [Fact]
    public void More_residues_than_the_documented_limit_are_refused_in_one_line()
    {
        // 100,001 C-alpha atoms 7 Å apart (no contacts): only their number is too large.
        var text = new System.Text.StringBuilder();
        for (int i = 0; i <= 100_000; i++)
        {
            text.Append(FormattableString.Invariant(
                $"ATOM  {(i % 99_999) + 1,5}  CA  GLY {(char)('A' + (i / 5000))}{(i % 5000) + 1,4}    {i % 50 * 7.0,8:F3}{i / 50 % 50 * 7.0,8:F3}{i / 2500 * 7.0,8:F3}  1.00  0.00           C\n"));
        }

        var folder = Directory.CreateTempSubdirectory("topopool-huge-protein").FullName;
        string input = Path.Combine(folder, "huge.pdb");
        File.WriteAllText(input, text.ToString());
        var result = CliProcess.RunIn(folder, null, ["explain", "--pdb", input]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            "error: huge.pdb: more than 100,000 residues with a C-alpha atom: residue graphs are limited to 100,000 residues, so that explaining and drawing one takes seconds and stays within a few gigabytes",
            result.StandardError.Trim());
        Assert.Equal("", result.StandardOutput);
    }
}
