using System.Globalization;
using System.Text;

namespace TopoPool.Depiction;

/// <summary>
/// Writes one <see cref="ClusterPicture"/> as SVG: sizes the drawing, places the labels, then writes the cluster
/// highlights, the bonds, the residue dots, the peak rings, the labels, the title and the legend, in that order
/// (later on top).
/// </summary>
internal sealed class PictureRenderer
{
    private const double Margin = 16;
    private const double LegendRow = 20;
    private const double TitleRow = 22;
    private const double StrongestOpacity = 0.85;
    private const double WeakestOpacity = 0.2;

    private readonly ClusterPicture picture;
    private readonly int nodeCount;
    private readonly bool residues;
    private readonly double scale;
    private readonly double fontSize;
    private readonly double haloRadius;
    private readonly double dotRadius;
    private readonly double strokeWidth;
    private readonly Point2D[] screen;
    private readonly List<LabelPiece>[] labels;
    private readonly ScreenBox?[] stops;
    private readonly IReadOnlyList<int>[] neighbours;
    private readonly int[] clusterOfRank;
    private readonly string[] colours;
    private readonly double[] opacities;
    private readonly List<int>[] clustersOfNode;
    private readonly List<int>[] bondsOfCluster;
    private readonly double drawingRight;
    private readonly double drawingBottom;

    public PictureRenderer(ClusterPicture picture)
    {
        this.picture = picture;
        nodeCount = picture.Positions.Count;
        residues = picture.Kind == PictureKind.ResidueGraph;
        var positions = picture.Positions;
        double minX = 0, maxX = 0, minY = 0, maxY = 0;
        if (nodeCount > 0)
        {
            minX = positions.Min(p => p.X);
            maxX = positions.Max(p => p.X);
            minY = positions.Min(p => p.Y);
            maxY = positions.Max(p => p.Y);
        }

        double spanX = Math.Max(maxX - minX, 1e-9), spanY = Math.Max(maxY - minY, 1e-9);
        if (residues)
        {
            // Residues sit about one unit apart along a chain; large folds get a larger canvas rather than tiny text.
            scale = Math.Clamp(Math.Min(1100 / spanX, 900 / spanY), 12, 44);
            fontSize = Math.Clamp(scale * 0.3, 8, 11);
            haloRadius = scale * 0.36;
            dotRadius = Math.Clamp(scale * 0.09, 1.6, 3.5);
        }
        else
        {
            scale = Math.Clamp(Math.Min(640 / spanX, 520 / spanY), 14, 56);
            fontSize = Math.Clamp(scale * 0.42, 8, 21);
            haloRadius = scale * 0.34;
            dotRadius = 0;
        }

        strokeWidth = Math.Clamp(scale / 26, 1, 2.2);

        neighbours = Enumerable.Range(0, nodeCount).Select(_ => new List<int>()).ToArray();
        var chainNeighbours = Enumerable.Range(0, nodeCount).Select(_ => new List<int>()).ToArray();
        foreach (var bond in picture.Bonds)
        {
            ((List<int>)neighbours[bond.Begin]).Add(bond.End);
            ((List<int>)neighbours[bond.End]).Add(bond.Begin);
            if (bond.Order != DepictionBondOrder.Contact)
            {
                chainNeighbours[bond.Begin].Add(bond.End);
                chainNeighbours[bond.End].Add(bond.Begin);
            }
        }

        int k = picture.Clusters.Count;
        clusterOfRank = Enumerable.Range(0, k)
            .OrderByDescending(c => Strength(picture.Clusters[c].Weight))
            .ThenBy(c => c)
            .ToArray();
        var rankOfCluster = new int[k];
        for (int r = 0; r < k; r++)
        {
            rankOfCluster[clusterOfRank[r]] = r;
        }

        var palette = ClusterPalette.Colours(k);
        colours = Enumerable.Range(0, k).Select(c => palette[rankOfCluster[c]]).ToArray();
        double strongest = k == 0 ? 0 : picture.Clusters.Max(c => Strength(c.Weight));
        opacities = picture.Clusters
            .Select(c => strongest > 0 ? WeakestOpacity + ((StrongestOpacity - WeakestOpacity) * Strength(c.Weight) / strongest) : StrongestOpacity)
            .ToArray();

        clustersOfNode = new List<int>[nodeCount];
        for (int i = 0; i < nodeCount; i++)
        {
            clustersOfNode[i] = [];
        }

        foreach (int c in clusterOfRank)
        {
            foreach (int m in picture.Clusters[c].Members.Distinct())
            {
                clustersOfNode[m].Add(c);
            }
        }

        // The bonds inside each cluster (both ends members), in bond order: one pass over the bonds, not one per cluster.
        bondsOfCluster = new List<int>[k];
        for (int c = 0; c < k; c++)
        {
            bondsOfCluster[c] = [];
        }

        for (int b = 0; b < picture.Bonds.Count; b++)
        {
            var bond = picture.Bonds[b];
            foreach (int c in clustersOfNode[bond.Begin])
            {
                if (clustersOfNode[bond.End].Contains(c))
                {
                    bondsOfCluster[c].Add(b);
                }
            }
        }

        // Lay everything out with the top-left node at the origin, then move it all below the title, inside the margin.
        var local = positions.Select(p => new Point2D((p.X - minX) * scale, (maxY - p.Y) * scale)).ToArray();
        labels = residues
            ? ResidueLabelLayout.Place(picture.Labels, local, chainNeighbours, clusterOfRank.Select(c => picture.Clusters[c].Peak).ToArray(), fontSize, dotRadius)
            : AtomLabelLayout.Place(picture.Labels, local, neighbours, fontSize);

        double reach = haloRadius + 4;
        var extent = new ScreenBox(-reach, -reach, ((maxX - minX) * scale) + reach, ((maxY - minY) * scale) + reach);
        foreach (var pieces in labels.Where(l => l.Count > 0))
        {
            extent = ScreenBox.Union(extent, AtomLabelLayout.Bounds(pieces).Inflated(2));
        }

        int titleRows = (picture.Title is null ? 0 : 1) + (picture.Prediction is null ? 0 : 1);
        double dx = Margin - extent.Left, dy = Margin + (titleRows * TitleRow) + (titleRows > 0 ? 6 : 0) - extent.Top;
        screen = local.Select(p => new Point2D(p.X + dx, p.Y + dy)).ToArray();
        stops = new ScreenBox?[nodeCount];
        for (int i = 0; i < nodeCount; i++)
        {
            labels[i] = labels[i].Select(p => p with { X = p.X + dx, Baseline = p.Baseline + dy }).ToList();
            if (!residues && labels[i].Count > 0)
            {
                stops[i] = AtomLabelLayout.BondStop(labels[i], fontSize);
            }
        }

        drawingRight = extent.Right + dx;
        drawingBottom = extent.Bottom + dy;
    }

    private static double Strength(double weight) => double.IsFinite(weight) ? Math.Abs(weight) : 0;

    public string Render()
    {
        var legend = LegendLines();
        double legendWidth = legend.Count == 0 ? 0 : legend.Max(l => TextMetrics.Width(l, 12)) + 30;
        // A long title (a SMILES) is cut to the width the drawing and legend need anyway, or 560 px.
        double available = Math.Max(560, Math.Max(drawingRight - Margin, legendWidth));
        string title = Shorten(picture.Title ?? "", 15, available);
        string prediction = picture.Prediction is null ? "" : Shorten("prediction: " + picture.Prediction, 14, available);
        double titleWidth = Math.Max(TextMetrics.Width(title, 15), TextMetrics.Width(prediction, 14));
        double width = Math.Max(240, Math.Ceiling(Math.Max(drawingRight, Margin + Math.Max(legendWidth, titleWidth)) + Margin));
        double legendTop = drawingBottom + 6;
        // The last legend row's baseline lies at legendTop + 8 + LegendRow × (rows − 1); leave room for its descenders.
        double height = Math.Ceiling(legendTop + (legend.Count == 0 ? 0 : 14 + (LegendRow * (legend.Count - 1))) + Margin);

        // Centre the drawing when the legend or the title make the picture wider than the molecule.
        double shift = Math.Max(0, (width - (drawingRight + Margin)) / 2);

        var svg = new SvgWriter();
        svg.Start("svg", ("xmlns", "http://www.w3.org/2000/svg"), ("width", width), ("height", height),
            ("viewBox", $"0 0 {SvgFormat.Number(width)} {SvgFormat.Number(height)}"), ("font-family", "DejaVu Sans, Verdana, Arial, Helvetica, sans-serif")).NewLine();
        svg.TextElement("title", picture.Title ?? "clusters").NewLine();
        svg.Empty("rect", ("x", 0), ("y", 0), ("width", width), ("height", height), ("fill", "#FFFFFF")).NewLine();
        double row = Margin + 14;
        if (picture.Title is not null)
        {
            svg.TextElement("text", title, ("class", "title"), ("x", Margin), ("y", row), ("font-size", 15), ("fill", "#222222")).NewLine();
            row += TitleRow;
        }

        if (picture.Prediction is not null)
        {
            svg.TextElement("text", prediction, ("class", "prediction"), ("x", Margin), ("y", row), ("font-size", 14), ("fill", "#444444")).NewLine();
        }

        svg.Start("g", ("class", "drawing"), ("transform", $"translate({SvgFormat.Number(shift)},0)")).NewLine();
        var bondColours = Enumerable.Range(0, nodeCount)
            .Select(i => residues ? "#404040" : labels[i].Count == 0 ? ElementColours.Default : ElementColours.Of(picture.Labels[i].Text))
            .ToArray();
        var strokes = new BondStrokes(picture.Bonds, screen, stops, bondColours, neighbours, picture.Rings, picture.Wedges, scale, residues ? strokeWidth * 0.8 : strokeWidth);
        strokes.WriteContacts(svg);
        WriteHalos(svg);
        strokes.Write(svg);
        if (residues)
        {
            WriteResidueDots(svg);
        }

        WritePeaks(svg);
        WriteLabels(svg);
        svg.End("g").NewLine();
        WriteLegend(svg, legend, legendTop);
        svg.End("svg").NewLine();
        return svg.ToString();
    }

    private static string Shorten(string text, double size, double available)
    {
        if (TextMetrics.Width(text, size) <= available)
        {
            return text;
        }

        while (text.Length > 1 && TextMetrics.Width(text + "…", size) > available)
        {
            text = text[..^1];
        }

        if (char.IsHighSurrogate(text[^1]))
        {
            text = text[..^1];
        }

        return text + "…";
    }

    private void WriteHalos(SvgWriter svg)
    {
        svg.Start("g", ("class", "halos")).NewLine();
        double bandWidth = scale * (residues ? 0.5 : 0.46);

        // Weakest first, so that the strongest cluster lies on top.
        for (int r = clusterOfRank.Length - 1; r >= 0; r--)
        {
            int c = clusterOfRank[r];
            var members = new HashSet<int>(picture.Clusters[c].Members);
            svg.Start("g", ("class", "cluster-halo"), ("data-cluster", c + 1), ("fill", colours[c]), ("stroke", colours[c]), ("stroke-linecap", "round"), ("opacity", opacities[c])).NewLine();
            foreach (int b in bondsOfCluster[c])
            {
                var bond = picture.Bonds[b];

                // A bond inside several clusters is split lengthwise into one band per cluster.
                var sharing = clustersOfNode[bond.Begin].Where(clustersOfNode[bond.End].Contains).ToList();
                int slot = sharing.IndexOf(c);
                // Contacts of a residue graph are many: their bands are kept thin so the halo does not become a blob.
                double band = (bond.Order == DepictionBondOrder.Contact ? bandWidth * 0.4 : bandWidth) / sharing.Count;
                var from = screen[bond.Begin];
                var to = screen[bond.End];
                double length = Point2D.Distance(from, to);
                if (length < 1e-6)
                {
                    continue;
                }

                var u = (to - from) * (1 / length);
                var n = u.Perpendicular() * ((slot - ((sharing.Count - 1) / 2.0)) * band);
                double inset = Math.Min(haloRadius * 0.7, length / 2);
                var a = from + (u * inset) + n;
                var z = to - (u * inset) + n;
                svg.Empty("line", ("x1", a.X), ("y1", a.Y), ("x2", z.X), ("y2", z.Y), ("stroke-width", band), ("fill", "none")).NewLine();
            }

            foreach (int m in members.Order())
            {
                var (x, y) = (screen[m].X, screen[m].Y);
                var shared = clustersOfNode[m];
                if (shared.Count <= 1)
                {
                    svg.Empty("circle", ("cx", x), ("cy", y), ("r", haloRadius), ("stroke", "none")).NewLine();
                    continue;
                }

                // A shared node: one pie slice per cluster, strongest first, clockwise from the top.
                int slice = shared.IndexOf(c);
                double sweep = 2 * Math.PI / shared.Count;
                double from = (-Math.PI / 2) + (slice * sweep), to = from + sweep;
                string slicePath = string.Create(CultureInfo.InvariantCulture,
                    $"M {SvgFormat.Number(x)} {SvgFormat.Number(y)} L {SvgFormat.Number(x + (haloRadius * Math.Cos(from)))} {SvgFormat.Number(y + (haloRadius * Math.Sin(from)))} A {SvgFormat.Number(haloRadius)} {SvgFormat.Number(haloRadius)} 0 {(sweep > Math.PI ? 1 : 0)} 1 {SvgFormat.Number(x + (haloRadius * Math.Cos(to)))} {SvgFormat.Number(y + (haloRadius * Math.Sin(to)))} Z");
                svg.Empty("path", ("class", "shared"), ("d", slicePath), ("stroke", "none")).NewLine();
            }

            svg.End("g").NewLine();
        }

        svg.End("g").NewLine();
    }

    private void WriteResidueDots(SvgWriter svg)
    {
        svg.Start("g", ("class", "residues"), ("fill", "#333333")).NewLine();
        for (int i = 0; i < nodeCount; i++)
        {
            svg.Empty("circle", ("class", "residue"), ("data-node", i), ("cx", screen[i].X), ("cy", screen[i].Y), ("r", dotRadius)).NewLine();
        }

        svg.End("g").NewLine();
    }

    private void WritePeaks(SvgWriter svg)
    {
        svg.Start("g", ("class", "peaks"), ("fill", "none")).NewLine();
        foreach (int c in clusterOfRank)
        {
            var p = screen[picture.Clusters[c].Peak];
            svg.Empty("circle", ("class", "peak"), ("data-cluster", c + 1), ("cx", p.X), ("cy", p.Y), ("r", haloRadius + 2),
                ("stroke", ClusterPalette.Scale(colours[c], 0.6)), ("stroke-width", Math.Max(2, strokeWidth * 1.2))).NewLine();
        }

        svg.End("g").NewLine();
    }

    private void WriteLabels(SvgWriter svg)
    {
        svg.Start("g", ("class", "labels"), ("font-size", fontSize)).NewLine();
        for (int i = 0; i < nodeCount; i++)
        {
            if (labels[i].Count == 0)
            {
                continue;
            }

            string colour = residues ? "#222222" : ElementColours.Of(picture.Labels[i].Text);
            svg.Start("text", ("class", "node"), ("data-node", i), ("fill", colour));
            foreach (var piece in labels[i])
            {
                string? size = Math.Abs(piece.FontSize - fontSize) < 1e-9 ? null : SvgFormat.Number(piece.FontSize);
                svg.TextElement("tspan", piece.Text, ("class", piece.Role.ToString()), ("x", piece.X), ("y", piece.Baseline), ("font-size", size));
            }

            svg.End("text").NewLine();
        }

        svg.End("g").NewLine();
    }

    private List<string> LegendLines()
    {
        var lines = new List<string>();
        if (clusterOfRank.Length == 0)
        {
            return lines;
        }

        lines.Add("clusters, strongest first (colour strength ∝ weight σ; ring = peak)");
        foreach (int c in clusterOfRank.Take(ListedClusters))
        {
            var cluster = picture.Clusters[c];
            int size = cluster.Members.Distinct().Count();
            string weight = cluster.Weight.ToString("0.00", CultureInfo.InvariantCulture);
            lines.Add($"cluster {c + 1} · σ = {weight} · peak {picture.Labels[cluster.Peak].Name} · {size} {(size == 1 ? picture.NodeNoun.TrimEnd('s') : picture.NodeNoun)}");
        }

        int unlisted = clusterOfRank.Length - ListedClusters;
        if (unlisted > 0)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"… and {unlisted:N0} weaker {(unlisted == 1 ? "cluster" : "clusters")}, drawn but not listed"));
        }

        return lines;
    }

    /// <summary>How many clusters the legend lists, strongest first.</summary>
    private int ListedClusters => Math.Min(clusterOfRank.Length, Math.Max(0, picture.LegendLimit));

    private void WriteLegend(SvgWriter svg, List<string> lines, double top)
    {
        if (lines.Count == 0)
        {
            return;
        }

        svg.Start("g", ("class", "legend"), ("font-size", 12), ("fill", "#222222")).NewLine();
        svg.TextElement("text", lines[0], ("class", "legend-title"), ("x", Margin), ("y", top + 12), ("fill", "#555555")).NewLine();
        for (int r = 0; r < ListedClusters; r++)
        {
            int c = clusterOfRank[r];
            double y = top + 8 + (LegendRow * (r + 1));
            svg.Empty("rect", ("class", "legend-swatch"), ("data-cluster", c + 1), ("x", Margin), ("y", y - 11), ("width", 14), ("height", 14), ("rx", 3),
                ("fill", colours[c]), ("fill-opacity", opacities[c]), ("stroke", ClusterPalette.Scale(colours[c], 0.6)), ("stroke-width", 1.5)).NewLine();
            svg.TextElement("text", lines[r + 1], ("class", "legend-entry"), ("data-cluster", c + 1), ("x", Margin + 22), ("y", y)).NewLine();
        }

        if (lines.Count > ListedClusters + 1)
        {
            svg.TextElement("text", lines[^1], ("class", "legend-more"), ("x", Margin), ("y", top + 8 + (LegendRow * (ListedClusters + 1))), ("fill", "#555555")).NewLine();
        }

        svg.End("g").NewLine();
    }
}
