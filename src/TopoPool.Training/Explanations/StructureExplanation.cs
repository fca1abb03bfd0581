using System.Text;
using System.Text.Json;
using TopoPool.Chemistry;
using TopoPool.Chemistry.Proteins;
using TopoPool.Depiction;

namespace TopoPool.Training.Explanations;

/// <summary>
/// What the pooling layer found in one molecule or protein: every node with its label (element, or residue name and
/// number) and score, and every cluster with its members, peak and weight σ. <see cref="ToJson"/> and
/// <see cref="ToSvg"/> give it to a person.
/// </summary>
public sealed record StructureExplanation(
    string Input,
    string Kind,
    IReadOnlyList<string> NodeLabels,
    GraphClusters Clusters,
    Molecule? Molecule = null,
    Protein? Protein = null,
    IReadOnlyDictionary<string, double>? Prediction = null)
{
    /// <summary>The highest-weighted cluster's members as labels (e.g. <c>["C", "O", "O"]</c>), or empty.</summary>
    public IReadOnlyList<string> StrongestLabels =>
        Clusters.Strongest is { } c ? c.Members.Select(m => NodeLabels[m]).ToList() : [];

    /// <summary>One JSON line: input, kind, the model and prediction when given, every node with its label and
    /// score, the clusters by falling weight with peak and members, and the SVG file when one was drawn.</summary>
    public string ToJson(string? model = null, string? svgPath = null)
    {
        var nodes = NodeLabels.Select((label, i) => new ExplanationNode(i, label, i < Clusters.NodeScores.Count ? Clusters.NodeScores[i] : null)).ToList();
        var clusters = Clusters.Clusters.OrderByDescending(c => c.Weight)
            .Select(c => new ExplanationCluster(c.Index, c.Weight, c.Peak, c.Peak is int peak ? NodeLabels[peak] : null,
                c.Members.Select(m => new ExplanationMember(m, NodeLabels[m])).ToList()))
            .ToList();
        return JsonSerializer.Serialize(new ExplanationLine(Input, Kind, model, Prediction, nodes, clusters, svgPath), ExplanationJson.Readable.ExplanationLine);
    }

    /// <summary>The structure drawn with its clusters (colour strength by weight, shared nodes split, peaks ringed, a legend).</summary>
    public string ToSvg(string? title = null)
    {
        var clusters = Clusters.Clusters
            .Select(c => new DepictionCluster(c.Members, c.Peak ?? c.Members[0], c.Weight))
            .ToList();
        var picture = Molecule is not null ? ClusterPicture.ForMolecule(Molecule, clusters, title ?? Input)
            : Protein is not null ? ClusterPicture.ForProtein(Protein, clusters, title ?? Input)
            : throw new InvalidOperationException("nothing to draw: the explanation has neither a molecule nor a protein");
        return picture.ToSvg();
    }
}
