using System.Collections.Immutable;
using System.Globalization;
using TopoPool.Core;

namespace TopoPool.Chemistry.Proteins;

/// <summary>
/// A residue graph: one node per residue (with its C-alpha position), an edge between every two residues whose
/// C-alpha atoms are closer than <see cref="ContactCutoff"/>.
/// </summary>
public sealed class Protein
{
    /// <summary>The contact cutoff of the PROTEINS dataset, in ångström.</summary>
    public const double DefaultContactCutoff = 6.0;

    /// <summary>
    /// The most residues a residue graph may have: 100,000, ten times the largest proteins the legacy PDB format holds
    /// in one file. Explaining and drawing one that large takes about 10 s and a little over 1 GB on two cores; the
    /// limit keeps every input within seconds and a few gigabytes.
    /// </summary>
    public const int MaximumResidues = 100_000;

    /// <summary>
    /// The densest packing of C-alpha atoms a residue graph may describe, in atoms per cubic ångström: one per
    /// 27 Å³ (a cube of 3 Å). C-alpha atoms 3.8 Å apart cannot pack denser than one per 39 Å³, and folded proteins
    /// hold about one per 135 Å³; denser contact graphs come from copies of a structure overlaid (models or
    /// alternate conformations written as chains) or from made-up coordinates, and would only cost memory.
    /// </summary>
    public const double MaximumAlphaCarbonDensity = 1.0 / 27;

    /// <summary>
    /// The most contacts a residue graph may have whatever its size and cut-off: 1,000,000 (ten per residue at
    /// <see cref="MaximumResidues"/>; folded proteins have about 2.5 per residue at 6 Å), so that a model run over it
    /// stays within about 1.5 GB.
    /// </summary>
    public const int MaximumContactCount = 1_000_000;

    private Protein(string identifier, IReadOnlyList<Residue> residues, ImmutableArray<Edge> edges, double contactCutoff)
    {
        Identifier = identifier;
        Residues = residues;
        Edges = edges;
        ContactCutoff = contactCutoff;
    }

    /// <summary>The PDB ID code from the HEADER record ("1CRN"), or "" when there is none.</summary>
    public string Identifier { get; }

    /// <summary>The residues in file order; <c>Residues[i].Index == i</c>.</summary>
    public IReadOnlyList<Residue> Residues { get; }

    /// <summary>Each contact once, as <c>Edge(i, j)</c> with i &lt; j, in ascending order.</summary>
    public ImmutableArray<Edge> Edges { get; }

    /// <summary>Residues are joined when their C-alpha atoms are closer than this, in ångström.</summary>
    public double ContactCutoff { get; }

    /// <summary>The chain identifiers in order of first appearance.</summary>
    public IReadOnlyList<char> Chains => Residues.Select(r => r.Chain).Distinct().ToArray();

    /// <summary>
    /// A protein of these residues (their <see cref="Residue.Index"/> must be their positions, their coordinates
    /// finite), joined by every C-alpha contact closer than <paramref name="contactCutoff"/>. Contacts are found with
    /// a spatial grid (<see cref="ContactGrid"/>): time and memory linear in residues plus contacts.
    /// </summary>
    /// <exception cref="InvalidDataException">More than <see cref="MaximumResidues"/> residues, or more contacts than
    /// <see cref="MaximumContacts"/> allows; the message says how many, the limit, and why.</exception>
    public static Protein Create(IReadOnlyList<Residue> residues, double contactCutoff = DefaultContactCutoff, string identifier = "")
    {
        ArgumentNullException.ThrowIfNull(residues);
        ArgumentNullException.ThrowIfNull(identifier);
        if (!(contactCutoff > 0) || double.IsInfinity(contactCutoff))
        {
            throw new ArgumentOutOfRangeException(nameof(contactCutoff), contactCutoff, "the contact cutoff must be a positive number of ångström");
        }

        int n = residues.Count;
        if (n > MaximumResidues)
        {
            throw new InvalidDataException(TooManyResidues(n));
        }

        var xs = new double[n];
        var ys = new double[n];
        var zs = new double[n];
        for (int i = 0; i < n; i++)
        {
            Residue residue = residues[i];
            if (residue is null || residue.Index != i)
            {
                throw new ArgumentException($"residue {i} has index {residue?.Index.ToString(CultureInfo.InvariantCulture) ?? "null"}, not {i}", nameof(residues));
            }

            if (!double.IsFinite(residue.X) || !double.IsFinite(residue.Y) || !double.IsFinite(residue.Z))
            {
                throw new ArgumentException($"residue {i} ({residue.Label}) has a C-alpha coordinate that is not a finite number", nameof(residues));
            }

            (xs[i], ys[i], zs[i]) = (residue.X, residue.Y, residue.Z);
        }

        int limit = MaximumContacts(n, contactCutoff);
        if (!ContactGrid.TryFind(xs, ys, zs, contactCutoff, limit, out ImmutableArray<Edge> edges))
        {
            string why = limit == MaximumContactCount
                ? string.Create(CultureInfo.InvariantCulture, $"the most any residue graph may have (ten per residue at the limit of {MaximumResidues:N0} residues)")
                : string.Create(CultureInfo.InvariantCulture, $"denser than C-alpha atoms can pack (one per {1 / MaximumAlphaCarbonDensity:0} Å³ is the most read); are copies of the structure overlaid as chains or models?");
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{n:N0} residues have more than {limit:N0} C-alpha contacts closer than {contactCutoff:0.##} Å: {why}"));
        }

        return new Protein(identifier, residues.ToArray(), edges, contactCutoff);
    }

    /// <summary>
    /// The most contacts closer than <paramref name="contactCutoff"/> a graph of <paramref name="residues"/> residues
    /// may have: as many as C-alpha atoms packed at <see cref="MaximumAlphaCarbonDensity"/> would give (but at least
    /// two neighbours per residue, a chain's), and never more than <see cref="MaximumContactCount"/>. At the default
    /// 6 Å that is 16.7 contacts per residue (33.5 neighbours); folded proteins have about 2.5 (5 neighbours).
    /// </summary>
    public static int MaximumContacts(int residues, double contactCutoff)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(residues);
        double neighbours = Math.Max(2, MaximumAlphaCarbonDensity * 4 / 3 * Math.PI * contactCutoff * contactCutoff * contactCutoff);
        return (int)Math.Min(MaximumContactCount, Math.Floor(residues * neighbours / 2));
    }

    /// <summary>Why a graph of more than <see cref="MaximumResidues"/> residues is refused; the count when it is known.</summary>
    internal static string TooManyResidues(int? residues) => string.Create(CultureInfo.InvariantCulture,
        $"{(residues is int count ? $"{count:N0}" : $"more than {MaximumResidues:N0}")} residues with a C-alpha atom: residue graphs are limited to {MaximumResidues:N0} residues, so that explaining and drawing one takes seconds and stays within a few gigabytes");

    /// <summary>A Core graph with one node per residue (same indices) and each contact once.</summary>
    public Graph ToGraph(FeatureMatrix features) => Graph.Create(Residues.Count, Edges, features);

    public override string ToString() =>
        $"Protein({(Identifier.Length > 0 ? Identifier + ", " : "")}{Residues.Count} residues, {Edges.Length} contacts)";
}
