using TopoPool.Chemistry.Featurization;
using TopoPool.Chemistry.Proteins;
using TopoPool.Chemistry.Smiles;
using TopoPool.Core;
using TopoPool.Testing;
using TopoPool.Training.Explanations;
using Xunit;
using static TorchSharp.torch;

namespace TopoPool.Training.Tests.Explanations;

/// <summary>
/// From SMILES or a protein to clusters with a seeded, untrained model: whatever scores the model gives, the clusters it
/// reports must be those the Core specification (MaxRegionDescent) finds on the structure's bonds or contacts with
/// those scores, and the weights the softmax of the peaks' scores (design/TOPOPOOL.md, Reduce).
/// </summary>
public class StructureExplainerTests
{
    private static void AssertSpecification(GraphClusters clusters, int numNodes, IEnumerable<Edge> edges)
    {
        float[] scores = [.. clusters.NodeScores];
        Assert.Equal(numNodes, scores.Length);
        Assert.Equal(1.0, scores.Sum(s => (double)s), 1e-5);

        var expected = MaxRegionDescent.Select(numNodes, edges, scores, new int[numNodes], 1);
        Assert.Equal(expected.NumClusters, clusters.Clusters.Count);
        double normaliser = expected.Peaks.Sum(p => Math.Exp(scores[p]));
        for (int k = 0; k < expected.NumClusters; k++)
        {
            var cluster = clusters.Clusters[k];
            Assert.Equal(k, cluster.Index);
            Assert.Equal(expected.Members(k).ToArray(), cluster.Members);
            Assert.Equal(expected.Peaks[k], cluster.Peak);
            Assert.Equal(Math.Exp(scores[expected.Peaks[k]]) / normaliser, cluster.Weight, 1e-5);
        }
    }

    [Fact]
    public void A_molecules_clusters_are_those_of_the_specification_on_its_bonds_and_node_scores()
    {
        using var explainer = StructureExplainer.Untrained(CPU);
        const string aspirin = "CC(=O)Oc1ccccc1C(=O)O";

        var explanation = explainer.ExplainSmiles(aspirin);

        var molecule = SmilesReader.Parse(aspirin);
        Assert.Equal(aspirin, explanation.Input);
        Assert.Equal("molecule", explanation.Kind);
        Assert.Equal(molecule.Atoms.Select(a => a.Symbol), explanation.NodeLabels);
        Assert.NotNull(explanation.Molecule);
        Assert.Null(explanation.Prediction);
        AssertSpecification(explanation.Clusters, molecule.Atoms.Count, molecule.Bonds.Select(b => new Edge(b.Begin, b.End)));
    }

    [Fact]
    public void A_salt_is_explained_by_its_longest_fragment_string_under_its_whole_input()
    {
        using var explainer = StructureExplainer.Untrained(CPU);

        // Sodium acetate: "CC(=O)[O-]" is the longer piece of text (BENCHMARK.md's fragment rule).
        var explanation = explainer.ExplainSmiles("[Na+].CC(=O)[O-]");

        Assert.Equal("[Na+].CC(=O)[O-]", explanation.Input);
        Assert.Equal(["C", "C", "O", "O"], explanation.NodeLabels);
        AssertSpecification(explanation.Clusters, 4, [new Edge(0, 1), new Edge(1, 2), new Edge(1, 3)]);
    }

    [Fact]
    public void The_same_seed_gives_the_same_scores_and_clusters()
    {
        using var first = StructureExplainer.Untrained(CPU, seed: 7);
        using var second = StructureExplainer.Untrained(CPU, seed: 7);

        var a = first.ExplainSmiles("c1ccccc1CCN").Clusters;
        var b = second.ExplainSmiles("c1ccccc1CCN").Clusters;

        Assert.Equal(a.NodeScores, b.NodeScores);
        Assert.Equal(a.Clusters.Select(c => (c.Peak, string.Join(",", c.Members), c.Weight)), b.Clusters.Select(c => (c.Peak, string.Join(",", c.Members), c.Weight)));
    }

    [Fact]
    public void A_single_atom_is_refused_and_unreadable_smiles_throw_the_readers_error()
    {
        using var explainer = StructureExplainer.Untrained(CPU);

        Assert.Throws<ArgumentException>(() => explainer.ExplainSmiles("C"));
        Assert.Throws<SmilesException>(() => explainer.ExplainSmiles("C1CC("));
    }

    [Fact]
    public void A_proteins_clusters_are_those_of_the_specification_on_its_contacts()
    {
        var crambin = PdbReader.ReadFile(SharedFolder.Path("data", "pdb", "1crn.pdb")).Protein;
        using var explainer = StructureExplainer.Untrained(CPU, ResidueFeatures.Width);

        var explanation = explainer.ExplainProtein(crambin, "1crn");

        Assert.Equal("1crn", explanation.Input);
        Assert.Equal("protein", explanation.Kind);
        Assert.Equal(crambin.Residues.Select(r => r.Label), explanation.NodeLabels);
        Assert.Same(crambin, explanation.Protein);
        AssertSpecification(explanation.Clusters, crambin.Residues.Count, crambin.Edges);
    }

    [Fact]
    public void A_protein_is_refused_by_a_model_for_molecules()
    {
        var crambin = PdbReader.ReadFile(SharedFolder.Path("data", "pdb", "1crn.pdb")).Protein;
        using var explainer = StructureExplainer.Untrained(CPU);

        var error = Assert.Throws<ArgumentException>(() => explainer.ExplainProtein(crambin, "1crn"));
        Assert.Contains("1crn", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_graph_of_another_feature_width_is_refused()
    {
        using var explainer = GraphExplainer.Untrained(3, CPU);
        var graph = Graph.Create(2, [new Edge(0, 1)], FeatureMatrix.Create(2, 4, new float[8]));

        Assert.Throws<ArgumentException>(() => explainer.Explain(graph));
    }

    [Fact]
    public void A_hand_made_graph_is_clustered_as_the_specification_says()
    {
        using var explainer = GraphExplainer.Untrained(2, CPU, seed: 3);
        // A ring of five nodes with a tail of two; distinct features so that the scores differ.
        Edge[] edges = [new(0, 1), new(1, 2), new(2, 3), new(3, 4), new(4, 0), new(2, 5), new(5, 6)];
        float[] features = [0.1f, 1f, 0.9f, -0.4f, -0.3f, 0.2f, 0.5f, 0.5f, -1f, 0.3f, 0.7f, -0.8f, 0f, 0.6f];
        var graph = Graph.Create(7, edges, FeatureMatrix.Create(7, 2, features));

        AssertSpecification(explainer.Explain(graph), 7, edges);
    }
}
