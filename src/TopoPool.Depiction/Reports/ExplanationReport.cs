using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace TopoPool.Depiction.Reports;

/// <summary>
/// The report page of <c>explain --html</c>: one self-contained HTML file with the summary of the substructures that
/// most often carry the highest weight, and a table of the explained inputs (record, molecule, prediction, strongest
/// cluster, its weight, the picture inline as SVG) that sorts by a click on a column's header (numbers as numbers) and
/// filters by the words typed into a box. Its script and style are written into the page and a content security
/// policy forbids every fetch, so it opens the same without network access.
/// </summary>
public static partial class ExplanationReport
{
    /// <summary>The columns of the table, in order: header text and how the column sorts.</summary>
    public static readonly IReadOnlyList<(string Header, string Sort)> Columns =
    [
        ("#", "number"), ("molecule", "text"), ("prediction", "auto"), ("strongest cluster", "text"), ("weight", "number"), ("picture", ""),
    ];

    public static string Html(string title, string? subtitle, IReadOnlyList<ExplanationReportRow> rows, IReadOnlyList<ReportedPattern> summary)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>").Append(Text(title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<header>\n<h1>").Append(Text(title)).Append("</h1>\n");
        if (subtitle is not null) html.Append("<p class=\"subtitle\">").Append(Text(subtitle)).Append("</p>\n");
        html.Append("</header>\n");
        AppendSummary(html, rows, summary);
        AppendTable(html, rows);
        html.Append("<script>\n").Append(ExplanationReportScript.Text).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendSummary(StringBuilder html, IReadOnlyList<ExplanationReportRow> rows, IReadOnlyList<ReportedPattern> summary)
    {
        int withCluster = rows.Count(r => r.Strongest is not null);
        html.Append("<section id=\"summary\">\n<h2>Substructures that most often carry the highest weight</h2>\n");
        html.Append(CultureInfo.InvariantCulture,
            $"<p>The highest-weighted cluster of each of the {withCluster} inputs with a cluster, as its atoms counted by element (aromatic atoms in lower case: <code>c6</code> is a benzene ring).</p>\n");
        html.Append("<table id=\"summary-table\">\n<thead><tr><th>substructure</th><th>inputs</th><th>share</th><th>example</th></tr></thead>\n<tbody>\n");
        foreach (var p in summary)
        {
            html.Append("<tr><td><span class=\"pattern\">").Append(Text(p.Pattern)).Append("</span></td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"count\">{p.Count}</td><td class=\"share\">{p.Share * 100:F1}%</td>");
            html.Append("<td><code>").Append(Text(p.Example)).Append("</code></td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void AppendTable(StringBuilder html, IReadOnlyList<ExplanationReportRow> rows)
    {
        html.Append("<section id=\"inputs\">\n<h2>Inputs</h2>\n<p class=\"controls\"><label>Filter <input id=\"filter\" type=\"search\" autocomplete=\"off\" ");
        html.Append("placeholder=\"words in the name, SMILES, prediction or cluster\"></label> <span id=\"shown\" aria-live=\"polite\">");
        html.Append(CultureInfo.InvariantCulture, $"{rows.Count} of {rows.Count} shown</span></p>\n");
        html.Append("<table id=\"explanations\">\n<thead><tr>");
        foreach (var (header, sort) in Columns)
        {
            html.Append(sort.Length == 0 ? "<th>" : $"<th data-sort=\"{sort}\"><button type=\"button\" class=\"sort\">")
                .Append(Text(header)).Append(sort.Length == 0 ? "</th>" : "</button></th>");
        }
        html.Append("</tr></thead>\n<tbody>\n");
        for (int i = 0; i < rows.Count; i++) AppendRow(html, rows[i], i);
        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void AppendRow(StringBuilder html, ExplanationReportRow row, int position)
    {
        var searchable = new[] { row.Name, row.Smiles, row.Prediction, row.Strongest?.Substructure, row.Strongest?.Pattern }
            .Concat(row.Strongest?.Members ?? []).Where(s => !string.IsNullOrEmpty(s));
        html.Append(CultureInfo.InvariantCulture, $"<tr data-record=\"{row.Record}\" data-position=\"{position}\" data-search=\"")
            .Append(Text(string.Join(" ", searchable).ToLowerInvariant())).Append("\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<td class=\"record\">{row.Record}</td>\n");
        html.Append("<td class=\"molecule\"><span class=\"name\">").Append(Text(row.Name)).Append("</span>");
        if (row.Smiles is not null && row.Smiles != row.Name) html.Append("<br><code class=\"smiles\">").Append(Text(row.Smiles)).Append("</code>");
        html.Append("</td>\n<td class=\"prediction\">").Append(Text(row.Prediction ?? "")).Append("</td>\n");
        if (row.Strongest is { } c)
        {
            html.Append("<td class=\"cluster\" data-value=\"").Append(Text(c.Substructure)).Append("\"><code class=\"substructure\">")
                .Append(Text(c.Substructure)).Append("</code> <span class=\"pattern\">").Append(Text(c.Pattern)).Append("</span>")
                .Append("<div class=\"members\">").Append(Text(string.Join(" ", c.Members))).Append("</div></td>\n");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"weight\" data-value=\"{c.Weight:R}\">{c.Weight:F3}</td>\n");
        }
        else
        {
            html.Append("<td class=\"cluster\"></td>\n<td class=\"weight\"></td>\n");
        }
        html.Append("<td class=\"picture\">").Append(InlineSvg(row.Svg, $"r{position}-")).Append("</td>\n</tr>\n");
    }

    /// <summary>
    /// A picture made to stand inside the page: no XML prolog or doctype, no namespace declarations (HTML gives an
    /// inline &lt;svg&gt; its namespace), and every id (with its url(#…) and href="#…" uses) prefixed per row so that
    /// pictures never take each other's gradients or clip paths.
    /// </summary>
    public static string InlineSvg(string svg, string idPrefix)
    {
        var text = XmlProlog().Replace(svg, "");
        text = NamespaceDeclaration().Replace(text, "");
        text = IdAttribute().Replace(text, m => $"{m.Groups[1].Value}=\"{idPrefix}{m.Groups[2].Value}\"");
        text = UrlReference().Replace(text, m => $"url(#{idPrefix}{m.Groups[1].Value})");
        text = HrefReference().Replace(text, m => $"{m.Groups[1].Value}=\"#{idPrefix}{m.Groups[2].Value}\"");
        return text.Trim();
    }

    private static string Text(string value) => WebUtility.HtmlEncode(value);

    [GeneratedRegex(@"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex XmlProlog();

    [GeneratedRegex(@"\s+xmlns(?::[A-Za-z]+)?=""[^""]*""")]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"(?<=\s)(id)=""([^""]+)""")]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex UrlReference();

    [GeneratedRegex(@"(?<=\s)((?:xlink:)?href)=""#([^""]+)""")]
    private static partial Regex HrefReference();

    private const string Style = """
        body { font-family: system-ui, "DejaVu Sans", "Liberation Sans", Arial, sans-serif; margin: 1.5rem; color: #222; background: #fff; }
        h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
        .subtitle { color: #555; margin: 0; }
        table { border-collapse: collapse; }
        th, td { border-bottom: 1px solid #ddd; padding: .35rem .6rem; text-align: left; vertical-align: top; }
        thead th { background: #f3f3f3; position: sticky; top: 0; z-index: 1; }
        th button.sort { font: inherit; font-weight: bold; border: 0; background: none; padding: 0; cursor: pointer; color: #0b4f8a; }
        th[aria-sort="ascending"] button.sort::after { content: " \25B2"; }
        th[aria-sort="descending"] button.sort::after { content: " \25BC"; }
        td.record, td.weight, td.count, td.share { text-align: right; font-variant-numeric: tabular-nums; }
        code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: .9em; word-break: break-all; }
        .pattern { display: inline-block; background: #eef3fa; border-radius: 3px; padding: 0 .3rem; }
        .members { color: #666; font-size: .85em; margin-top: .2rem; }
        td.molecule { max-width: 22rem; }
        td.picture svg { width: 320px; height: auto; display: block; }
        .controls input { width: 24rem; max-width: 90vw; padding: .25rem; font: inherit; }
        #shown { color: #555; margin-left: .5rem; }
        tr[hidden] { display: none; }

        """;
}
