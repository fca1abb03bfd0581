using System.Collections.Immutable;
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
    /// A protein of these residues (their <see cref="Residue.Index"/> must be their positions), joined by every
    /// C-alpha contact closer than <paramref name="contactCutoff"/>.
    /// </summary>
    public static Protein Create(IReadOnlyList<Residue> residues, double contactCutoff = DefaultContactCutoff, string identifier = "")
    {
        ArgumentNullException.ThrowIfNull(residues);
        ArgumentNullException.ThrowIfNull(identifier);
        if (!(contactCutoff > 0) || double.IsInfinity(contactCutoff))
        {
            throw new ArgumentOutOfRangeException(nameof(contactCutoff), contactCutoff, "the contact cutoff must be a positive number of ångström");
        }

        for (int i = 0; i < residues.Count; i++)
        {
            if (residues[i] is null || residues[i].Index != i)
            {
                throw new ArgumentException($"residue {i} has index {residues[i]?.Index.ToString() ?? "null"}, not {i}", nameof(residues));
            }
        }

        return new Protein(identifier, residues.ToArray(), Contacts(residues, contactCutoff), contactCutoff);
    }

    /// <summary>A Core graph with one node per residue (same indices) and each contact once.</summary>
    public Graph ToGraph(FeatureMatrix features) => Graph.Create(Residues.Count, Edges, features);

    public override string ToString() =>
        $"Protein({(Identifier.Length > 0 ? Identifier + ", " : "")}{Residues.Count} residues, {Edges.Length} contacts)";

    /// <summary>Every pair closer than the cutoff: a sweep over the residues sorted by x, so only pairs within the cutoff in x are measured.</summary>
    private static ImmutableArray<Edge> Contacts(IReadOnlyList<Residue> residues, double cutoff)
    {
        int n = residues.Count;
        int[] order = Enumerable.Range(0, n).ToArray();
        double[] xs = residues.Select(r => r.X).ToArray();
        Array.Sort(xs.ToArray(), order);
        double squaredCutoff = cutoff * cutoff;
        var edges = new List<Edge>();
        for (int a = 0; a < n; a++)
        {
            Residue first = residues[order[a]];
            for (int b = a + 1; b < n && xs[order[b]] - first.X < cutoff; b++)
            {
                Residue second = residues[order[b]];
                if (first.SquaredDistanceTo(second) < squaredCutoff)
                {
                    edges.Add(new Edge(Math.Min(first.Index, second.Index), Math.Max(first.Index, second.Index)));
                }
            }
        }

        edges.Sort();
        return [.. edges];
    }
}
