using System.Text.Json;
using TopoPool.Training.Explanations;
using Xunit;

namespace TopoPool.Training.Tests.Explanations;

/// <summary>
/// The JSON line of an explanation, read back with System.Text.Json: snake_case keys, clusters by falling weight, and the
/// optional keys (model, prediction, svg, a node's score, a cluster's peak) absent when there is nothing to say.
/// </summary>
public class StructureExplanationTests
{
    // Ethanol's three atoms in two clusters: {0, 1} around peak 0 (σ 0.25) and {1, 2} around peak 2 (σ 0.75).
    private static StructureExplanation Ethanol(IReadOnlyDictionary<string, double>? prediction = null) => new(
        "CCO",
        "molecule",
        ["C", "C", "O"],
        new GraphClusters([new ClusterView(0, [0, 1], 0, 0.25f), new ClusterView(1, [1, 2], 2, 0.75f)], [0.5f, 0.125f, 0.375f]),
        Prediction: prediction);

    private static JsonElement Parse(string line)
    {
        Assert.DoesNotContain('\n', line);
        return JsonDocument.Parse(line).RootElement.Clone();
    }

    private static string[] Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    [Fact]
    public void Every_key_is_written_in_snake_case_when_model_prediction_and_svg_are_given()
    {
        var root = Parse(Ethanol(new Dictionary<string, double> { ["solubility"] = -1.5 }).ToJson("models/run1", "ethanol.svg"));

        Assert.Equal(["input", "kind", "model", "prediction", "nodes", "clusters", "svg"], Keys(root));
        Assert.Equal("CCO", root.GetProperty("input").GetString());
        Assert.Equal("molecule", root.GetProperty("kind").GetString());
        Assert.Equal("models/run1", root.GetProperty("model").GetString());
        Assert.Equal(-1.5, root.GetProperty("prediction").GetProperty("solubility").GetDouble());
        Assert.Equal("ethanol.svg", root.GetProperty("svg").GetString());
    }

    [Fact]
    public void Nodes_carry_their_index_label_and_score()
    {
        var nodes = Parse(Ethanol().ToJson()).GetProperty("nodes").EnumerateArray().ToArray();

        Assert.Equal(3, nodes.Length);
        Assert.All(nodes, n => Assert.Equal(["index", "label", "score"], Keys(n)));
        Assert.Equal([0, 1, 2], nodes.Select(n => n.GetProperty("index").GetInt32()));
        Assert.Equal(["C", "C", "O"], nodes.Select(n => n.GetProperty("label").GetString()));
        Assert.Equal([0.5, 0.125, 0.375], nodes.Select(n => n.GetProperty("score").GetDouble()));
    }

    [Fact]
    public void Clusters_come_by_falling_weight_with_their_peak_its_label_and_their_members()
    {
        var clusters = Parse(Ethanol().ToJson()).GetProperty("clusters").EnumerateArray().ToArray();

        Assert.Equal(2, clusters.Length);
        Assert.All(clusters, c => Assert.Equal(["cluster", "weight", "peak", "peak_label", "members"], Keys(c)));

        Assert.Equal(1, clusters[0].GetProperty("cluster").GetInt32());
        Assert.Equal(0.75, clusters[0].GetProperty("weight").GetDouble());
        Assert.Equal(2, clusters[0].GetProperty("peak").GetInt32());
        Assert.Equal("O", clusters[0].GetProperty("peak_label").GetString());
        var members = clusters[0].GetProperty("members").EnumerateArray().ToArray();
        Assert.All(members, m => Assert.Equal(["index", "label"], Keys(m)));
        Assert.Equal([1, 2], members.Select(m => m.GetProperty("index").GetInt32()));
        Assert.Equal(["C", "O"], members.Select(m => m.GetProperty("label").GetString()));

        Assert.Equal(0, clusters[1].GetProperty("cluster").GetInt32());
        Assert.Equal(0.25, clusters[1].GetProperty("weight").GetDouble());
        Assert.Equal(0, clusters[1].GetProperty("peak").GetInt32());
        Assert.Equal("C", clusters[1].GetProperty("peak_label").GetString());
        Assert.Equal([0, 1], clusters[1].GetProperty("members").EnumerateArray().Select(m => m.GetProperty("index").GetInt32()));
    }

    [Fact]
    public void Without_model_prediction_or_svg_those_keys_are_absent()
    {
        var root = Parse(Ethanol().ToJson());

        Assert.Equal(["input", "kind", "nodes", "clusters"], Keys(root));
    }

    [Fact]
    public void Clusters_without_a_peak_leave_out_peak_and_peak_label_and_unscored_nodes_leave_out_score()
    {
        // A layer without peaks or node scores (a top-k pool): one cluster of both atoms.
        var explanation = new StructureExplanation("CO", "molecule", ["C", "O"], new GraphClusters([new ClusterView(0, [0, 1], null, 1f)], []));

        var root = Parse(explanation.ToJson());

        Assert.All(root.GetProperty("nodes").EnumerateArray(), n => Assert.Equal(["index", "label"], Keys(n)));
        var cluster = Assert.Single(root.GetProperty("clusters").EnumerateArray().ToArray());
        Assert.Equal(["cluster", "weight", "members"], Keys(cluster));
        Assert.Equal(1.0, cluster.GetProperty("weight").GetDouble());
    }

    [Fact]
    public void Smiles_and_residue_labels_are_written_as_they_are()
    {
        var explanation = new StructureExplanation(
            "[NH4+].C[C@H](N)C(=O)O",
            "protein",
            ["A:THR1", "A:THR2"],
            new GraphClusters([new ClusterView(0, [0, 1], 1, 1f)], [0.25f, 0.75f]));

        string line = explanation.ToJson();
        var root = Parse(line);

        Assert.Contains("\"[NH4+].C[C@H](N)C(=O)O\"", line, StringComparison.Ordinal);
        Assert.Equal("[NH4+].C[C@H](N)C(=O)O", root.GetProperty("input").GetString());
        Assert.Equal("protein", root.GetProperty("kind").GetString());
        Assert.Equal("A:THR2", Assert.Single(root.GetProperty("clusters").EnumerateArray().ToArray()).GetProperty("peak_label").GetString());
    }
}
