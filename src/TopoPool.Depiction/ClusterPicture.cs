using System.Globalization;
using System.Text;
using TopoPool.Chemistry;
using TopoPool.Chemistry.Proteins;

namespace TopoPool.Depiction;

/// <summary>
/// A picture of a graph and its clusters, written as a standalone SVG: bonds (double bonds with their second line
/// inside the ring, triple bonds, aromatic bonds with a dashed inner line), a text label at every node, each
/// cluster as a translucent halo of its own colour whose strength follows the cluster weight (the strongest
/// cluster at full strength), nodes shared by several clusters split into pie slices, each cluster's peak ringed,
/// and a legend below the drawing listing the clusters strongest first.
/// </summary>
public sealed class ClusterPicture
{
    private const double Margin = 16;
    private const double LegendRow = 20;
    private const double StrongestOpacity = 0.85;
    private const double WeakestOpacity = 0.2;

    private readonly IReadOnlyList<Point2D> positions;
    private readonly IReadOnlyList<NodeLabel> labels;
    private readonly IReadOnlyList<DepictionBond> bonds;
    private readonly IReadOnlyList<DepictionCluster> clusters;

    /// <param name="positions">One position per node, in bond-length units, y up (as the layouts give them).</param>
    /// <param name="labels">One label per node.</param>
    /// <param name="bonds">The bonds (or contacts) to draw.</param>
    /// <param name="clusters">The clusters; they are numbered from 1 in this order.</param>
    public ClusterPicture(IReadOnlyList<Point2D> positions, IReadOnlyList<NodeLabel> labels, IReadOnlyList<DepictionBond> bonds, IReadOnlyList<DepictionCluster> clusters)
    {
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(bonds);
        ArgumentNullException.ThrowIfNull(clusters);
        if (labels.Count != positions.Count)
        {
            throw new ArgumentException($"{labels.Count} labels were given for {positions.Count} nodes", nameof(labels));
        }

        int n = positions.Count;
        if (positions.Any(p => !double.IsFinite(p.X) || !double.IsFinite(p.Y)))
        {
            throw new ArgumentException("every position must be a finite point", nameof(positions));
        }

        foreach (var bond in bonds)
        {
            if ((uint)bond.Begin >= (uint)n || (uint)bond.End >= (uint)n)
            {
                throw new ArgumentException($"bond {bond.Begin}-{bond.End} names a node outside 0..{n - 1}", nameof(bonds));
            }
        }

        for (int c = 0; c < clusters.Count; c++)
        {
            var cluster = clusters[c] ?? throw new ArgumentException($"cluster {c + 1} is null", nameof(clusters));
            if (cluster.Members is null || cluster.Members.Any(m => (uint)m >= (uint)n) || (uint)cluster.Peak >= (uint)n)
            {
                throw new ArgumentException($"cluster {c + 1} names a node outside 0..{n - 1}", nameof(clusters));
            }
        }

        this.positions = positions;
        this.labels = labels;
        this.bonds = bonds;
        this.clusters = clusters;
    }

    /// <summary>A line written above the drawing; none when null.</summary>
    public string? Title { get; init; }

    /// <summary>The rings, in ring order, so that second lines of double and aromatic bonds go inside them.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Rings { get; init; } = [];

    /// <summary>What the legend calls the nodes ("atoms", "residues").</summary>
    public string NodeNoun { get; init; } = "atoms";

    /// <summary>
    /// The most clusters the legend lists (the strongest); a last line counts the others. Every cluster is drawn
    /// whatever this is. Unlimited by default; residue graphs of large proteins have thousands of clusters.
    /// </summary>
    public int LegendLimit { get; init; } = int.MaxValue;

    /// <summary>How many clusters the legend of a residue graph lists.</summary>
    public const int ProteinLegendLimit = 40;

    /// <summary>A molecule laid out by <see cref="MoleculeLayout"/>, every atom labelled.</summary>
    public static ClusterPicture ForMolecule(Molecule molecule, IReadOnlyList<DepictionCluster> clusters, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        var graph = MoleculeGraph.FromMolecule(molecule);
        return new ClusterPicture(MoleculeLayout.Compute(graph), molecule.Atoms.Select(NodeLabel.ForAtom).ToArray(), graph.Bonds, clusters)
        {
            Title = title,
            Rings = graph.Rings,
        };
    }

    /// <summary>
    /// A protein's residue graph laid out by <see cref="ResidueLayout"/>: backbone links drawn as bonds, other
    /// contacts as thin grey lines, residues labelled by code and number.
    /// </summary>
    public static ClusterPicture ForProtein(Protein protein, IReadOnlyList<DepictionCluster> clusters, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(protein);
        var residues = protein.Residues;
        var bonds = protein.Edges.Select(e =>
        {
            bool backbone = e.Target == e.Source + 1 && residues[e.Source].Chain == residues[e.Target].Chain;
            return new DepictionBond(e.Source, e.Target, backbone ? DepictionBondOrder.Single : DepictionBondOrder.Contact);
        }).ToArray();
        return new ClusterPicture(ResidueLayout.Compute(protein), residues.Select(NodeLabel.ForResidue).ToArray(), bonds, clusters)
        {
            Title = title,
            NodeNoun = "residues",
            LegendLimit = ProteinLegendLimit,
        };
    }

    /// <summary>The picture as a standalone SVG document.</summary>
    public string ToSvg() => new Renderer(this).Render();

    private sealed class Renderer
    {
        private readonly ClusterPicture picture;
        private readonly int nodeCount;
        private readonly double scale;
        private readonly double fontSize;
        private readonly double haloRadius;
        private readonly double strokeWidth;
        private readonly double minX;
        private readonly double maxY;
        private readonly double drawingLeft;
        private readonly double drawingTop;
        private readonly double pad;
        private readonly double drawingRight;
        private readonly double drawingBottom;
        private readonly int[] rankOfCluster;
        private readonly int[] clusterOfRank;
        private readonly string[] colours;
        private readonly double[] opacities;
        private readonly List<int>[] clustersOfNode;
        private readonly List<int>[] bondsOfCluster;

        public Renderer(ClusterPicture picture)
        {
            this.picture = picture;
            nodeCount = picture.positions.Count;
            var positions = picture.positions;
            double maxX = 0, minY = 0;
            if (nodeCount > 0)
            {
                minX = positions.Min(p => p.X);
                maxX = positions.Max(p => p.X);
                minY = positions.Min(p => p.Y);
                maxY = positions.Max(p => p.Y);
            }

            int longestLabel = nodeCount == 0 ? 1 : picture.labels.Max(l => l.Text.Length);
            bool shortLabels = longestLabel <= 2;
            double largest = shortLabels ? 60 : 64;
            double spanX = Math.Max(maxX - minX, 1e-9), spanY = Math.Max(maxY - minY, 1e-9);
            scale = Math.Clamp(Math.Min(Math.Min(640 / spanX, 520 / spanY), largest), 14, largest);
            fontSize = shortLabels ? Math.Clamp(scale * 0.4, 8, 18) : Math.Clamp(scale * 0.24, 7, 12);
            haloRadius = shortLabels ? scale * 0.4 : Math.Max(scale * 0.36, TextMetrics.Width(new string('M', longestLabel), fontSize) * 0.42);
            strokeWidth = Math.Clamp(scale / 24, 1, 2);

            // Room round the outermost nodes for their halos, peak rings and labels (with hydrogens and charges).
            pad = Math.Max(haloRadius + 6, TextMetrics.Width(new string('M', longestLabel + 2), fontSize) / 2);
            drawingLeft = Margin + pad;
            drawingTop = Margin + (picture.Title is null ? 0 : 26) + pad;
            drawingRight = drawingLeft + ((maxX - minX) * scale) + pad;
            drawingBottom = drawingTop + ((maxY - minY) * scale) + pad;

            int k = picture.clusters.Count;
            clusterOfRank = Enumerable.Range(0, k)
                .OrderByDescending(c => Strength(picture.clusters[c].Weight))
                .ThenBy(c => c)
                .ToArray();
            rankOfCluster = new int[k];
            for (int r = 0; r < k; r++)
            {
                rankOfCluster[clusterOfRank[r]] = r;
            }

            var palette = ClusterPalette.Colours(k);
            colours = Enumerable.Range(0, k).Select(c => palette[rankOfCluster[c]]).ToArray();
            double strongest = k == 0 ? 0 : picture.clusters.Max(c => Strength(c.Weight));
            opacities = picture.clusters
                .Select(c => strongest > 0 ? WeakestOpacity + ((StrongestOpacity - WeakestOpacity) * Strength(c.Weight) / strongest) : StrongestOpacity)
                .ToArray();

            clustersOfNode = new List<int>[nodeCount];
            for (int i = 0; i < nodeCount; i++)
            {
                clustersOfNode[i] = [];
            }

            foreach (int c in clusterOfRank)
            {
                foreach (int m in picture.clusters[c].Members.Distinct())
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

            for (int b = 0; b < picture.bonds.Count; b++)
            {
                var bond = picture.bonds[b];
                foreach (int c in clustersOfNode[bond.Begin])
                {
                    if (clustersOfNode[bond.End].Contains(c))
                    {
                        bondsOfCluster[c].Add(b);
                    }
                }
            }
        }

        private static double Strength(double weight) => double.IsFinite(weight) ? Math.Abs(weight) : 0;

        private (double X, double Y) Screen(int node)
        {
            var p = picture.positions[node];
            return (drawingLeft + ((p.X - minX) * scale), drawingTop + ((maxY - p.Y) * scale));
        }

        public string Render()
        {
            var legend = LegendLines();
            double legendWidth = legend.Count == 0 ? 0 : legend.Max(l => TextMetrics.Width(l, 12)) + 30;
            // A long title (a SMILES) is cut to the width the drawing and legend need anyway, or 560 px.
            double available = Math.Max(560, Math.Max(drawingRight - Margin, legendWidth));
            string title = picture.Title ?? "";
            if (TextMetrics.Width(title, 15) > available)
            {
                while (title.Length > 1 && TextMetrics.Width(title + "…", 15) > available)
                {
                    title = title[..^1];
                }

                if (char.IsHighSurrogate(title[^1]))
                {
                    title = title[..^1];
                }

                title += "…";
            }

            double titleWidth = TextMetrics.Width(title, 15);
            double width = Math.Max(240, Math.Ceiling(Math.Max(drawingRight, Margin + Math.Max(legendWidth, titleWidth)) + Margin));
            double legendTop = drawingBottom + 6;
            // The last legend row's baseline lies at legendTop + 8 + LegendRow × (rows − 1); leave room for its descenders.
            double height = Math.Ceiling(legendTop + (legend.Count == 0 ? 0 : 14 + (LegendRow * (legend.Count - 1))) + Margin);

            // Centre the drawing when the legend or the title make the picture wider than the molecule.
            double shift = Math.Max(0, (width - (drawingRight + Margin)) / 2);

            var svg = new StringBuilder();
            string w = SvgFormat.Number(width), h = SvgFormat.Number(height);
            svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"DejaVu Sans, Verdana, Arial, Helvetica, sans-serif\">\n");
            svg.Append("<title>").Append(SvgFormat.Escape(picture.Title ?? "clusters")).Append("</title>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{w}\" height=\"{h}\" fill=\"#FFFFFF\"/>\n");
            if (picture.Title is not null)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"title\" x=\"{SvgFormat.Number(Margin)}\" y=\"{SvgFormat.Number(Margin + 14)}\" font-size=\"15\" fill=\"#222222\">{SvgFormat.Escape(title)}</text>\n");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"drawing\" transform=\"translate({SvgFormat.Number(shift)},0)\">\n");
            WriteHalos(svg);
            WriteBonds(svg);
            WritePeaks(svg);
            WriteLabels(svg);
            svg.Append("</g>\n");
            WriteLegend(svg, legend, legendTop);
            svg.Append("</svg>\n");
            return svg.ToString();
        }

        private void WriteHalos(StringBuilder svg)
        {
            svg.Append("<g class=\"halos\">\n");
            double bandWidth = scale * 0.5;

            // Weakest first, so that the strongest cluster lies on top.
            for (int r = clusterOfRank.Length - 1; r >= 0; r--)
            {
                int c = clusterOfRank[r];
                var members = new HashSet<int>(picture.clusters[c].Members);
                svg.Append(CultureInfo.InvariantCulture,
                    $"<g class=\"cluster-halo\" data-cluster=\"{c + 1}\" fill=\"{colours[c]}\" stroke=\"{colours[c]}\" opacity=\"{SvgFormat.Number(opacities[c])}\">\n");
                foreach (int b in bondsOfCluster[c])
                {
                    var bond = picture.bonds[b];

                    // A bond inside several clusters is split lengthwise into one band per cluster.
                    var sharing = clustersOfNode[bond.Begin].Where(clustersOfNode[bond.End].Contains).ToList();
                    int slot = sharing.IndexOf(c);
                    // Contacts of a residue graph are many: their bands are kept thin so the halo does not become a blob.
                    double band = (bond.Order == DepictionBondOrder.Contact ? bandWidth * 0.4 : bandWidth) / sharing.Count;
                    var (x1, y1) = Screen(bond.Begin);
                    var (x2, y2) = Screen(bond.End);
                    double dx = x2 - x1, dy = y2 - y1, length = Math.Sqrt((dx * dx) + (dy * dy));
                    if (length < 1e-6)
                    {
                        continue;
                    }

                    double ux = dx / length, uy = dy / length;
                    double offset = (slot - ((sharing.Count - 1) / 2.0)) * band;
                    double inset = Math.Min(haloRadius * 0.7, length / 2);
                    svg.Append(CultureInfo.InvariantCulture,
                        $"<line x1=\"{SvgFormat.Number(x1 + (ux * inset) - (uy * offset))}\" y1=\"{SvgFormat.Number(y1 + (uy * inset) + (ux * offset))}\" x2=\"{SvgFormat.Number(x2 - (ux * inset) - (uy * offset))}\" y2=\"{SvgFormat.Number(y2 - (uy * inset) + (ux * offset))}\" stroke-width=\"{SvgFormat.Number(band)}\" fill=\"none\"/>\n");
                }

                foreach (int m in members.Order())
                {
                    var (x, y) = Screen(m);
                    var shared = clustersOfNode[m];
                    if (shared.Count <= 1)
                    {
                        svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{SvgFormat.Number(x)}\" cy=\"{SvgFormat.Number(y)}\" r=\"{SvgFormat.Number(haloRadius)}\" stroke=\"none\"/>\n");
                        continue;
                    }

                    // A shared node: one pie slice per cluster, strongest first, clockwise from the top.
                    int slice = shared.IndexOf(c);
                    double sweep = 2 * Math.PI / shared.Count;
                    double from = (-Math.PI / 2) + (slice * sweep), to = from + sweep;
                    svg.Append(CultureInfo.InvariantCulture,
                        $"<path class=\"shared\" d=\"M {SvgFormat.Number(x)} {SvgFormat.Number(y)} L {SvgFormat.Number(x + (haloRadius * Math.Cos(from)))} {SvgFormat.Number(y + (haloRadius * Math.Sin(from)))} A {SvgFormat.Number(haloRadius)} {SvgFormat.Number(haloRadius)} 0 {(sweep > Math.PI ? 1 : 0)} 1 {SvgFormat.Number(x + (haloRadius * Math.Cos(to)))} {SvgFormat.Number(y + (haloRadius * Math.Sin(to)))} Z\" stroke=\"none\"/>\n");
                }

                svg.Append("</g>\n");
            }

            svg.Append("</g>\n");
        }

        private void WriteBonds(StringBuilder svg)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"bonds\" stroke=\"#222222\" stroke-width=\"{SvgFormat.Number(strokeWidth)}\" stroke-linecap=\"round\" fill=\"none\">\n");
            var ringCentres = picture.Rings.Select(r => PlanarGeometry.Centroid(r.Select(a => picture.positions[a]).ToArray())).ToArray();
            foreach (var bond in picture.bonds)
            {
                var (x1, y1) = Screen(bond.Begin);
                var (x2, y2) = Screen(bond.End);
                double dx = x2 - x1, dy = y2 - y1, length = Math.Sqrt((dx * dx) + (dy * dy));
                double trimStart = LabelClearance(bond.Begin), trimEnd = LabelClearance(bond.End);
                if (length <= trimStart + trimEnd + 1)
                {
                    continue;
                }

                double ux = dx / length, uy = dy / length;
                double ax = x1 + (ux * trimStart), ay = y1 + (uy * trimStart), bx = x2 - (ux * trimEnd), by = y2 - (uy * trimEnd);
                if (bond.Order == DepictionBondOrder.Contact)
                {
                    svg.Append(CultureInfo.InvariantCulture,
                        $"<line class=\"contact\" x1=\"{SvgFormat.Number(ax)}\" y1=\"{SvgFormat.Number(ay)}\" x2=\"{SvgFormat.Number(bx)}\" y2=\"{SvgFormat.Number(by)}\" stroke=\"#AAAAAA\" stroke-width=\"{SvgFormat.Number(strokeWidth * 0.6)}\"/>\n");
                    continue;
                }

                // The unit normal on the side of the ring this bond belongs to (screen coordinates), or zero outside rings.
                var (nx, ny) = RingSide(bond, ringCentres, x1, y1, ux, uy);
                double gap = scale * 0.17;
                switch (bond.Order)
                {
                    case DepictionBondOrder.Double when nx != 0 || ny != 0:
                    case DepictionBondOrder.Aromatic when nx != 0 || ny != 0:
                        Line(svg, ax, ay, bx, by, null);
                        double cut = Math.Min(scale * 0.12, (length - trimStart - trimEnd) * 0.25);
                        Line(svg, ax + (nx * gap) + (ux * cut), ay + (ny * gap) + (uy * cut), bx + (nx * gap) - (ux * cut), by + (ny * gap) - (uy * cut),
                            bond.Order == DepictionBondOrder.Aromatic ? "aromatic" : null);
                        break;
                    case DepictionBondOrder.Double:
                    case DepictionBondOrder.Aromatic:
                        double half = gap / 2;
                        Line(svg, ax - (uy * half), ay + (ux * half), bx - (uy * half), by + (ux * half), null);
                        Line(svg, ax + (uy * half), ay - (ux * half), bx + (uy * half), by - (ux * half), bond.Order == DepictionBondOrder.Aromatic ? "aromatic" : null);
                        break;
                    case DepictionBondOrder.Triple:
                        double step = gap * 0.8;
                        Line(svg, ax, ay, bx, by, null);
                        Line(svg, ax - (uy * step), ay + (ux * step), bx - (uy * step), by + (ux * step), null);
                        Line(svg, ax + (uy * step), ay - (ux * step), bx + (uy * step), by - (ux * step), null);
                        break;
                    default:
                        Line(svg, ax, ay, bx, by, null);
                        break;
                }
            }

            svg.Append("</g>\n");
        }

        private static void Line(StringBuilder svg, double x1, double y1, double x2, double y2, string? kind)
        {
            string extra = kind == "aromatic" ? " class=\"aromatic\" stroke-dasharray=\"3 2.5\"" : "";
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{SvgFormat.Number(x1)}\" y1=\"{SvgFormat.Number(y1)}\" x2=\"{SvgFormat.Number(x2)}\" y2=\"{SvgFormat.Number(y2)}\"{extra}/>\n");
        }

        /// <summary>
        /// The side of a ring bond its second line goes to: toward the centre of the ring holding the bond that has the
        /// most double and aromatic bonds (then the smallest); zero for a bond in no ring.
        /// </summary>
        private (double X, double Y) RingSide(DepictionBond bond, Point2D[] ringCentres, double x1, double y1, double ux, double uy)
        {
            int best = -1, bestUnsaturated = -1;
            for (int r = 0; r < picture.Rings.Count; r++)
            {
                var ring = picture.Rings[r];
                int at = IndexOf(ring, bond.Begin);
                if (at < 0 || (ring[(at + 1) % ring.Count] != bond.End && ring[(at + ring.Count - 1) % ring.Count] != bond.End))
                {
                    continue;
                }

                int unsaturated = UnsaturatedBonds(ring);
                if (best < 0 || unsaturated > bestUnsaturated || (unsaturated == bestUnsaturated && ring.Count < picture.Rings[best].Count))
                {
                    best = r;
                    bestUnsaturated = unsaturated;
                }
            }

            if (best < 0)
            {
                return (0, 0);
            }

            var centre = ringCentres[best];
            double cx = drawingLeft + ((centre.X - minX) * scale), cy = drawingTop + ((maxY - centre.Y) * scale);
            double nx = -uy, ny = ux;
            return ((nx * (cx - x1)) + (ny * (cy - y1))) >= 0 ? (nx, ny) : (-nx, -ny);
        }

        private int UnsaturatedBonds(IReadOnlyList<int> ring)
        {
            int count = 0;
            for (int k = 0; k < ring.Count; k++)
            {
                int a = ring[k], b = ring[(k + 1) % ring.Count];
                foreach (var bond in picture.bonds)
                {
                    if (((bond.Begin == a && bond.End == b) || (bond.Begin == b && bond.End == a))
                        && (bond.Order == DepictionBondOrder.Double || bond.Order == DepictionBondOrder.Aromatic))
                    {
                        count++;
                    }
                }
            }

            return count;
        }

        private static int IndexOf(IReadOnlyList<int> list, int value)
        {
            for (int i = 0; i < list.Count; i++)
            {
                if (list[i] == value)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>How far from a node's centre its bonds stop, to leave its label clear.</summary>
        private double LabelClearance(int node)
        {
            string text = picture.labels[node].Text;
            double half = TextMetrics.Width(text, fontSize) / 2;
            return Math.Max(fontSize * 0.55, Math.Min(half + 1, fontSize * 1.6));
        }

        private void WritePeaks(StringBuilder svg)
        {
            svg.Append("<g class=\"peaks\" fill=\"none\">\n");
            foreach (int c in clusterOfRank)
            {
                var (x, y) = Screen(picture.clusters[c].Peak);
                svg.Append(CultureInfo.InvariantCulture,
                    $"<circle class=\"peak\" data-cluster=\"{c + 1}\" cx=\"{SvgFormat.Number(x)}\" cy=\"{SvgFormat.Number(y)}\" r=\"{SvgFormat.Number(haloRadius + 2)}\" stroke=\"{ClusterPalette.Scale(colours[c], 0.6)}\" stroke-width=\"{SvgFormat.Number(Math.Max(2, strokeWidth * 1.4))}\"/>\n");
            }

            svg.Append("</g>\n");
        }

        private void WriteLabels(StringBuilder svg)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"labels\" font-size=\"{SvgFormat.Number(fontSize)}\">\n");
            for (int i = 0; i < nodeCount; i++)
            {
                var label = picture.labels[i];
                var (x, y) = Screen(i);
                double symbolWidth = TextMetrics.Width(label.Text, fontSize);
                double small = fontSize * 0.72;
                string hydrogens = label.Hydrogens <= 0 ? "" : "H";
                string count = label.Hydrogens > 1 ? label.Hydrogens.ToString(CultureInfo.InvariantCulture) : "";
                double hydrogenWidth = (hydrogens.Length == 0 ? 0 : TextMetrics.Width("H", fontSize)) + TextMetrics.Width(count, small);
                bool hydrogensLeft = hydrogens.Length > 0 && HydrogensGoLeft(i);
                double start = x - (symbolWidth / 2) - (hydrogensLeft ? hydrogenWidth : 0);
                double baseline = y + (fontSize * 0.36);
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text class=\"node\" data-node=\"{i}\" x=\"{SvgFormat.Number(start)}\" y=\"{SvgFormat.Number(baseline)}\" fill=\"{TextColour(label.Text)}\">");
                string hydrogenPart = hydrogens.Length == 0 ? ""
                    : count.Length == 0 ? "H"
                    : $"H<tspan dy=\"{SvgFormat.Number(fontSize * 0.3)}\" font-size=\"{SvgFormat.Number(small)}\">{count}</tspan><tspan dy=\"{SvgFormat.Number(-fontSize * 0.3)}\">\u200B</tspan>";
                if (hydrogensLeft)
                {
                    svg.Append(hydrogenPart).Append(SvgFormat.Escape(label.Text));
                }
                else
                {
                    svg.Append(SvgFormat.Escape(label.Text)).Append(hydrogenPart);
                }

                if (label.Charge != 0)
                {
                    string magnitude = Math.Abs(label.Charge) == 1 ? "" : Math.Abs(label.Charge).ToString(CultureInfo.InvariantCulture);
                    string sign = label.Charge > 0 ? "+" : "\u2212";
                    svg.Append(CultureInfo.InvariantCulture,
                        $"<tspan class=\"charge\" dy=\"{SvgFormat.Number(-fontSize * 0.45)}\" font-size=\"{SvgFormat.Number(small)}\">{magnitude}{sign}</tspan>");
                }

                svg.Append("</text>\n");
            }

            svg.Append("</g>\n");
        }

        /// <summary>Hydrogens go on the side away from the node's bonds: left when its bonds lean right.</summary>
        private bool HydrogensGoLeft(int node)
        {
            double sum = 0;
            foreach (var bond in picture.bonds)
            {
                int other = bond.Begin == node ? bond.End : bond.End == node ? bond.Begin : -1;
                if (other >= 0)
                {
                    sum += (picture.positions[other] - picture.positions[node]).Normalized().X;
                }
            }

            return sum > 0.3;
        }

        private static string TextColour(string symbol) => symbol switch
        {
            "O" => "#B3261E",
            "N" => "#1F4E9E",
            "S" => "#7A6000",
            "P" => "#A04A00",
            "F" or "Cl" => "#2E7D32",
            "Br" => "#8B3A1A",
            "I" => "#6A1B9A",
            _ => "#222222",
        };

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
                var cluster = picture.clusters[c];
                int size = cluster.Members.Distinct().Count();
                string weight = cluster.Weight.ToString("0.00", CultureInfo.InvariantCulture);
                lines.Add($"cluster {c + 1} · σ = {weight} · peak {picture.labels[cluster.Peak].Name} · {size} {(size == 1 ? picture.NodeNoun.TrimEnd('s') : picture.NodeNoun)}");
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

        private void WriteLegend(StringBuilder svg, List<string> lines, double top)
        {
            if (lines.Count == 0)
            {
                return;
            }

            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"legend\" font-size=\"12\" fill=\"#222222\">\n");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"legend-title\" x=\"{SvgFormat.Number(Margin)}\" y=\"{SvgFormat.Number(top + 12)}\" fill=\"#555555\">{SvgFormat.Escape(lines[0])}</text>\n");
            for (int r = 0; r < ListedClusters; r++)
            {
                int c = clusterOfRank[r];
                double y = top + 8 + (LegendRow * (r + 1));
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"legend-swatch\" data-cluster=\"{c + 1}\" x=\"{SvgFormat.Number(Margin)}\" y=\"{SvgFormat.Number(y - 11)}\" width=\"14\" height=\"14\" rx=\"3\" fill=\"{colours[c]}\" fill-opacity=\"{SvgFormat.Number(opacities[c])}\" stroke=\"{ClusterPalette.Scale(colours[c], 0.6)}\" stroke-width=\"1.5\"/>\n");
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text class=\"legend-entry\" data-cluster=\"{c + 1}\" x=\"{SvgFormat.Number(Margin + 22)}\" y=\"{SvgFormat.Number(y)}\">{SvgFormat.Escape(lines[r + 1])}</text>\n");
            }

            if (lines.Count > ListedClusters + 1)
            {
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text class=\"legend-more\" x=\"{SvgFormat.Number(Margin)}\" y=\"{SvgFormat.Number(top + 8 + (LegendRow * (ListedClusters + 1)))}\" fill=\"#555555\">{SvgFormat.Escape(lines[^1])}</text>\n");
            }

            svg.Append("</g>\n");
        }
    }
}
