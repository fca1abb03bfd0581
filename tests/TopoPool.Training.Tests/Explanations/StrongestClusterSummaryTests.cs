using TopoPool.Chemistry.Smiles;
using TopoPool.Training.Explanations;
using Xunit;

namespace TopoPool.Training.Tests.Explanations;

/// <summary>
/// Which element patterns form the highest-weighted cluster, counted over explanations written by hand: molecules
/// (aromatic atoms in lower case), explanations with labels only, and explanations without clusters.
/// </summary>
public class StrongestClusterSummaryTests
{
    private static StructureExplanation Molecule(string smiles, int[] strongest, int[] weaker)
    {
        var molecule = SmilesReader.Parse(smiles);
        var clusters = new GraphClusters([new ClusterView(0, weaker, weaker[0], 0.3f), new ClusterView(1, strongest, strongest[0], 0.7f)], []);
        return new StructureExplanation(smiles, "molecule", molecule.Atoms.Select(a => a.Symbol).ToList(), clusters, Molecule: molecule);
    }

    private static StructureExplanation Labelled(string input, string[] labels, int[] strongest) =>
        new(input, "molecule", labels, new GraphClusters([new ClusterView(0, strongest, strongest[0], 1f)], []));

    private static readonly StructureExplanation[] Explanations =
    [
        // Phenol, atoms O0 c1..c6: the ring is strongest.
        Molecule("Oc1ccccc1", [1, 2, 3, 4, 5, 6], [0, 1]),
        // Acetic acid by labels only (no molecule): C, C, O, O; the carboxyl carbon with both oxygens is strongest.
        Labelled("CC(=O)O", ["C", "C", "O", "O"], [1, 2, 3]),
        // Benzoic acid, atoms c0..c5, C6, O7, O8: the ring is strongest again.
        Molecule("c1ccccc1C(=O)O", [0, 1, 2, 3, 4, 5], [5, 6, 7, 8]),
        // No clusters at all: not counted.
        new StructureExplanation("C", "molecule", ["C"], new GraphClusters([], [])),
        // Toluene: the methyl carbon with its ring neighbour.
        Molecule("Cc1ccccc1", [0, 1], [1, 2, 3, 4, 5, 6]),
    ];

    [Fact]
    public void Patterns_are_counted_most_frequent_first_over_the_explanations_with_clusters()
    {
        var patterns = StrongestClusterSummary.Summarize(Explanations);

        Assert.Equal(["c6", "C1O2", "C1c1"], patterns.Select(p => p.Pattern));
        Assert.Equal([2, 1, 1], patterns.Select(p => p.Count));
        Assert.Equal(2.0 / 4, patterns[0].Share, 12);
        Assert.Equal(1.0 / 4, patterns[1].Share, 12);
        Assert.Equal(1.0 / 4, patterns[2].Share, 12);
    }

    [Fact]
    public void Each_pattern_keeps_the_first_input_that_showed_it_as_its_example()
    {
        var patterns = StrongestClusterSummary.Summarize(Explanations);

        Assert.Equal(["Oc1ccccc1", "CC(=O)O", "Cc1ccccc1"], patterns.Select(p => p.Example));
    }

    [Fact]
    public void Top_keeps_only_the_most_frequent_patterns()
    {
        var pattern = Assert.Single(StrongestClusterSummary.Summarize(Explanations, top: 1));

        Assert.Equal("c6", pattern.Pattern);
        Assert.Equal(2, pattern.Count);
    }

    [Fact]
    public void Without_any_cluster_there_is_no_pattern()
    {
        Assert.Empty(StrongestClusterSummary.Summarize([new StructureExplanation("C", "molecule", ["C"], new GraphClusters([], []))]));
        Assert.Empty(StrongestClusterSummary.Summarize([]));
    }

    [Theory]
    [InlineData(new[] { "O", "C", "N", "C", "c", "n", "H" }, "C2H1N1O1c1n1")]
    [InlineData(new[] { "c", "c", "c", "c", "c", "c" }, "c6")]
    [InlineData(new[] { "S", "Br", "Cl" }, "Br1Cl1S1")]
    [InlineData(new[] { "n", "c", "o", "H" }, "H1c1n1o1")]
    public void A_pattern_counts_elements_in_Hill_order_with_aromatic_atoms_after_the_others(string[] symbols, string pattern)
    {
        Assert.Equal(pattern, StrongestClusterSummary.Pattern(symbols));
    }
}
