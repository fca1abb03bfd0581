using TopoPool.Chemistry;
using TopoPool.Chemistry.Proteins;

namespace TopoPool.Depiction;

/// <summary>
/// A picture of a graph and its clusters, written as a standalone SVG. A molecule is drawn as a skeletal formula,
/// as RDKit draws it: carbons as bare vertices, other atoms labelled with their hydrogens and charges, aromatic
/// rings as one Kekulé structure with each ring's second lines inside it, stereocentres as solid or hashed wedges.
/// A residue graph is drawn as dots on its backbone with its contacts as thin lines, its labels thinned where they
/// would collide. Each cluster is a translucent highlight of its nodes and bonds in its own colour (colour-blind
/// safe, <see cref="ClusterPalette"/>), its strength following the cluster weight (the strongest at full
/// strength); nodes shared by several clusters are split into pie slices; each cluster's peak is ringed; a legend
/// below the drawing lists the clusters strongest first, and the title carries the model's prediction when given.
/// </summary>
public sealed class ClusterPicture
{
    /// <summary>How many clusters the legend of a residue graph lists.</summary>
    public const int ProteinLegendLimit = 40;

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

        if (labels.Any(l => l is null))
        {
            throw new ArgumentException("every label must be given", nameof(labels));
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

        Positions = positions;
        Labels = labels;
        Bonds = bonds;
        Clusters = clusters;
    }

    /// <summary>A line written above the drawing; none when null.</summary>
    public string? Title { get; init; }

    /// <summary>The model's prediction for the structure, written under the title ("prediction: 0.87"); none when null.</summary>
    public string? Prediction { get; init; }

    /// <summary>The rings, in ring order, so that second lines of double bonds go inside them.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Rings { get; init; } = [];

    /// <summary>Bonds drawn as wedges (each must join its two nodes by one of <see cref="Bonds"/>); none by default.</summary>
    public IReadOnlyList<DepictionWedge> Wedges
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            var bonded = Bonds.Select(b => (Math.Min(b.Begin, b.End), Math.Max(b.Begin, b.End))).ToHashSet();
            foreach (var wedge in value)
            {
                if (!bonded.Contains((Math.Min(wedge.Centre, wedge.Neighbour), Math.Max(wedge.Centre, wedge.Neighbour))))
                {
                    throw new ArgumentException($"the wedge {wedge.Centre}-{wedge.Neighbour} is not one of the bonds", nameof(value));
                }
            }

            field = value;
        }
    } = [];

    /// <summary>How the nodes are drawn: a skeletal formula (the default) or a residue graph.</summary>
    public PictureKind Kind { get; init; } = PictureKind.Molecule;

    /// <summary>What the legend calls the nodes ("atoms", "residues").</summary>
    public string NodeNoun { get; init; } = "atoms";

    /// <summary>
    /// The most clusters the legend lists (the strongest); a last line counts the others. Every cluster is drawn
    /// whatever this is. Unlimited by default; residue graphs of large proteins have thousands of clusters.
    /// </summary>
    public int LegendLimit { get; init; } = int.MaxValue;

    internal IReadOnlyList<Point2D> Positions { get; }

    internal IReadOnlyList<NodeLabel> Labels { get; }

    internal IReadOnlyList<DepictionBond> Bonds { get; }

    internal IReadOnlyList<DepictionCluster> Clusters { get; }

    /// <summary>
    /// A molecule laid out by <see cref="MoleculeLayout"/> (E/Z marks honoured) and drawn as a skeletal formula, with wedges for its
    /// stereocentres (and the hydrogen of each ring-fusion stereocentre drawn, as RDKit does; those hydrogens are
    /// numbered after the atoms and belong to no cluster).
    /// </summary>
    public static ClusterPicture ForMolecule(Molecule molecule, IReadOnlyList<DepictionCluster> clusters, string? title = null, string? prediction = null)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        var graph = MoleculeGraph.FromMolecule(molecule);
        var layout = MoleculeLayout.Compute(molecule);
        var orders = KekuleForm.Orders(molecule);
        var (hydrogens, wedges) = StereoWedges.Choose(molecule, layout);

        var positions = layout.Concat(hydrogens.Select(h => h.Position)).ToArray();
        var labels = molecule.Atoms.Select(NodeLabel.ForAtom)
            .Concat(hydrogens.Select(h => new NodeLabel("H", $"H({molecule.Atoms[h.Centre].Symbol}{h.Centre})")))
            .ToArray();
        var bonds = molecule.Bonds.Select(b => new DepictionBond(b.Begin, b.End, orders[b.Index]))
            .Concat(hydrogens.Select((h, k) => new DepictionBond(h.Centre, molecule.AtomCount + k)))
            .ToArray();
        return new ClusterPicture(positions, labels, bonds, clusters)
        {
            Title = title,
            Prediction = prediction,
            Rings = graph.Rings,
            Wedges = wedges,
        };
    }

    /// <summary>
    /// A protein's residue graph laid out by <see cref="ResidueLayout"/>: residues as dots on backbone lines, other
    /// contacts as thin grey lines, residues labelled by code and number where the labels fit.
    /// </summary>
    public static ClusterPicture ForProtein(Protein protein, IReadOnlyList<DepictionCluster> clusters, string? title = null, string? prediction = null)
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
            Prediction = prediction,
            Kind = PictureKind.ResidueGraph,
            NodeNoun = "residues",
            LegendLimit = ProteinLegendLimit,
        };
    }

    /// <summary>The picture as a standalone SVG document.</summary>
    public string ToSvg() => new PictureRenderer(this).Render();
}
