using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Xunit;

namespace TopoPool.Cli.Tests.Commands;

/// <summary>
/// <c>explain --html FILE</c> writes one self-contained page. Read with a strict HTML5 parser and compared with what
/// the same run prints: the JSON line of each molecule (clusters, weights, atoms) and the <c>--summary</c> table.
/// The page's sorting and filtering in a real browser are tested in tests/TopoPool.Browser.Tests.
/// </summary>
public class ExplainReportPageTests
{
    private static readonly string[] Molecules =
    [
        "CC(=O)Oc1ccccc1C(=O)O", "c1ccc[nH]1", "C1CC", "C[N+](=O)[O-]", "CCO", "c1ccc2ccccc2c1", "OC(=O)CCc1ccccc1",
    ];

    [Fact]
    public void The_page_has_one_row_per_explained_molecule_with_its_strongest_cluster_and_picture_and_the_summary()
    {
        var folder = Directory.CreateTempSubdirectory("topopool-report").FullName;
        var input = Path.Combine(folder, "molecules.smi");
        File.WriteAllLines(input, Molecules);
        var page = Path.Combine(folder, "report.html");
        var result = CliProcess.Run(null, "explain", "--input", input, "--html", page, "--summary");
        Assert.True(result.ExitCode == ExitCodes.SomeInputsSkipped, result.StandardError);
        Assert.Contains("molecules.smi line 3 (record 3)", result.StandardError);

        var html = File.ReadAllText(page);
        var document = new HtmlParser(new HtmlParserOptions { IsStrictMode = true }).ParseDocument(html);
        var lines = result.StandardOutput.Split('\n').Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(l => !l.TryGetProperty("error", out _)).ToList();
        var rows = document.QuerySelectorAll("table#explanations > tbody > tr").ToList();

        // One row per molecule explained, in input order, numbered by record (record 3 could not be read).
        Assert.Equal([1, 2, 4, 5, 6, 7], rows.Select(r => int.Parse(r.GetAttribute("data-record")!, CultureInfo.InvariantCulture)));
        Assert.Equal([1, 2, 4, 5, 6, 7], rows.Select(r => int.Parse(Cell(r, "record").TextContent, CultureInfo.InvariantCulture)));
        Assert.Equal(Molecules.Where((_, i) => i != 2), rows.Select(r => Cell(r, "molecule").QuerySelector(".name")!.TextContent));
        Assert.Equal(lines.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal("", Cell(r, "prediction").TextContent));

        for (int i = 0; i < rows.Count; i++)
        {
            // The strongest cluster is the first (highest-weighted) cluster of the molecule's JSON line.
            var strongest = lines[i].GetProperty("clusters")[0];
            var weight = Cell(rows[i], "weight");
            Assert.Equal(strongest.GetProperty("weight").GetDouble(), double.Parse(weight.GetAttribute("data-value")!, CultureInfo.InvariantCulture), 6);
            Assert.Equal(strongest.GetProperty("weight").GetDouble().ToString("F3", CultureInfo.InvariantCulture), weight.TextContent);
            var members = strongest.GetProperty("members").EnumerateArray().Select(m => $"{m.GetProperty("label").GetString()}{m.GetProperty("index").GetInt32()}");
            Assert.Equal(string.Join(" ", members), Cell(rows[i], "cluster").QuerySelector(".members")!.TextContent);

            // The picture is inline: one <svg>, a skeletal formula with a label per atom other than carbon (none of these
            // carbons is isolated, charged or an isotope), nothing fetched.
            var pictures = Cell(rows[i], "picture").QuerySelectorAll("svg");
            Assert.Single(pictures);
            int heteroatoms = lines[i].GetProperty("nodes").EnumerateArray().Count(n => n.GetProperty("label").GetString() != "C");
            Assert.Equal(heteroatoms, pictures[0].QuerySelectorAll("text.node").Length);
        }
        Assert.Equal("c1ccc[nH]1", Cell(rows[1], "cluster").QuerySelector(".substructure")!.TextContent);

        // The summary is the one --summary prints, and its counts are the rows' patterns counted.
        var printed = result.StandardOutput.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| highest", StringComparison.Ordinal) && !l.StartsWith("| ---", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries)).Select(f => (Pattern: f[1], Count: int.Parse(f[2], CultureInfo.InvariantCulture))).ToList();
        var summary = document.QuerySelectorAll("#summary table > tbody > tr")
            .Select(r => r.QuerySelectorAll("td").ToList())
            .Select(c => (Pattern: c[0].TextContent.Trim(), Count: int.Parse(c[1].TextContent, CultureInfo.InvariantCulture))).ToList();
        Assert.NotEmpty(summary);
        Assert.Equal(printed, summary);
        var rowPatterns = rows.Select(r => Cell(r, "cluster").QuerySelector(".pattern")!.TextContent).ToList();
        Assert.All(summary, s => Assert.Equal(s.Count, rowPatterns.Count(p => p == s.Pattern)));

        AssertSelfContained(document, html);
    }

    [Fact]
    public void A_protein_page_names_the_strongest_cluster_by_residue()
    {
        var page = Path.Combine(Directory.CreateTempSubdirectory("topopool-report-protein").FullName, "protein.html");
        var result = CliProcess.Run(null, "explain", "--pdb", TopoPool.Testing.SharedFolder.Path("data/pdb/1crn.pdb"), "--html", page);
        Assert.True(result.ExitCode == 0, result.StandardError);
        var html = File.ReadAllText(page);
        var document = new HtmlParser(new HtmlParserOptions { IsStrictMode = true }).ParseDocument(html);
        var row = Assert.Single(document.QuerySelectorAll("table#explanations > tbody > tr"));
        Assert.Equal("1crn.pdb", Cell(row, "molecule").TextContent);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var residues = json.RootElement.GetProperty("clusters")[0].GetProperty("members").EnumerateArray().Select(m => m.GetProperty("label").GetString());
        Assert.Equal(string.Join(" ", residues), Cell(row, "cluster").QuerySelector(".substructure")!.TextContent);
        Assert.Single(Cell(row, "picture").QuerySelectorAll("svg"));
        AssertSelfContained(document, html);
    }

    /// <summary>Nothing on the page can reach the network: no address, no fetched element, no external style, a policy forbidding fetches.</summary>
    private static void AssertSelfContained(IDocument document, string html)
    {
        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(document.QuerySelectorAll("link, img, iframe, object, embed, video, audio, source, base"));
        Assert.DoesNotContain(document.All, e => e.HasAttribute("src"));
        Assert.All(document.All.Where(e => e.HasAttribute("href") || e.HasAttribute("xlink:href")),
            e => Assert.StartsWith("#", e.GetAttribute("href") ?? e.GetAttribute("xlink:href")));
        Assert.All(Regex.Matches(html, @"url\(\s*([^)]*)\)").Select(m => m.Groups[1].Value.Trim('\'', '"', ' ')), url => Assert.StartsWith("#", url));
        var policy = document.QuerySelector("meta[http-equiv='Content-Security-Policy']");
        Assert.NotNull(policy);
        Assert.Contains("default-src 'none'", policy.GetAttribute("content"));
        Assert.Single(document.QuerySelectorAll("script"));
        Assert.False(document.QuerySelector("script")!.HasAttribute("src"));
    }

    private static IElement Cell(IElement row, string column) =>
        row.QuerySelector($"td.{column}") ?? throw new Xunit.Sdk.XunitException($"row {row.GetAttribute("data-record")} has no {column} cell");
}
