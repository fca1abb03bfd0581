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

    public string ToJson(string? model = null, string? svgPath = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("input", Input);
            json.WriteString("kind", Kind);
            if (model is not null) json.WriteString("model", model);
            if (Prediction is not null)
            {
                json.WriteStartObject("prediction");
                foreach (var (column, value) in Prediction) json.WriteNumber(column, value);
                json.WriteEndObject();
            }
            json.WriteStartArray("nodes");
            for (int i = 0; i < NodeLabels.Count; i++)
            {
                json.WriteStartObject();
                json.WriteNumber("index", i);
                json.WriteString("label", NodeLabels[i]);
                if (i < Clusters.NodeScores.Count) json.WriteNumber("score", Clusters.NodeScores[i]);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("clusters");
            foreach (var cluster in Clusters.Clusters.OrderByDescending(c => c.Weight))
            {
                json.WriteStartObject();
                json.WriteNumber("cluster", cluster.Index);
                json.WriteNumber("weight", cluster.Weight);
                if (cluster.Peak is int peak)
                {
                    json.WriteNumber("peak", peak);
                    json.WriteString("peak_label", NodeLabels[peak]);
                }
                json.WriteStartArray("members");
                foreach (int m in cluster.Members)
                {
                    json.WriteStartObject();
                    json.WriteNumber("index", m);
                    json.WriteString("label", NodeLabels[m]);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            if (svgPath is not null) json.WriteString("svg", svgPath);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
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
