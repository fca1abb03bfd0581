using System.Text.RegularExpressions;
using TopoPool.Testing;
using Xunit;

namespace TopoPool.Readme.Tests;

/// <summary>
/// The benchmark figures of README's "Results" section are copied from the generated pages under <c>results/</c>
/// (<c>benchmark --summary</c>), never typed in: every "mean (std)" (three decimals for accuracy and
/// Caco2 MAE, two for PPBR's MAE) and every "difference [low, high]" the section
/// quotes is on one of those pages. The synthetic-set paragraphs after the grid's are not grid figures and not checked.
/// </summary>
public sealed partial class ResultsSectionTests
{
    private const string SectionStart = "## Results";
    private const string GridEnd = "On the built-in synthetic motif set";

    [GeneratedRegex(@"\d+\.\d{2,3} \(\d+\.\d{2,3}\)")]
    private static partial Regex MeanAndStd();

    [GeneratedRegex(@"[+−]\d+\.\d{2,3} \[[+−]\d+\.\d{2,3}, [+−]\d+\.\d{2,3}\]")]
    private static partial Regex PairedInterval();

    private static string GridText()
    {
        string readme = File.ReadAllText(ReadmeBlock.ReadmePath);
        int start = readme.IndexOf(SectionStart, StringComparison.Ordinal);
        int end = readme.IndexOf(GridEnd, start, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "README.md has a Results section whose grid part ends where the synthetic set begins");
        // Markdown bold and line breaks inside a figure would hide it from the patterns.
        return Regex.Replace(readme[start..end].Replace("**", "", StringComparison.Ordinal), @"\s*\n\s*", " ");
    }

    private static string Pages() =>
        string.Join("\n", Directory.GetFiles(Path.Combine(SharedFolder.RepositoryRoot, "results"), "README.md", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Select(File.ReadAllText)).Replace("**", "", StringComparison.Ordinal);

    [Fact]
    public void Every_grid_figure_of_the_Results_section_is_on_a_generated_results_page()
    {
        string text = GridText(), pages = Pages();
        var figures = MeanAndStd().Matches(text).Concat(PairedInterval().Matches(text)).Select(m => m.Value).Distinct().ToList();
        Assert.True(figures.Count >= 20, $"the section quotes the grid ({figures.Count} figures found)");
        var missing = figures.Where(f => !pages.Contains(f, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"README.md Results quotes figures no page under results/ holds: {string.Join("; ", missing)}");
    }
}
