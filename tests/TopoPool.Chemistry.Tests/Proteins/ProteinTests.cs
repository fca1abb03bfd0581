using TopoPool.Chemistry.Proteins;
using TopoPool.Core;
using TopoPool.Testing;
using Xunit;

namespace TopoPool.Chemistry.Tests.Proteins;

public class ProteinTests
{
    private static Residue At(int index, string name, double x) => new(index, name, 'A', index + 1, ' ', SecondaryStructure.Coil, x, 0, 0);

    [Fact]
    public void Contacts_are_strictly_closer_than_the_cutoff()
    {
        Protein protein = Protein.Create([At(0, "GLY", 0), At(1, "ALA", 6.0), At(2, "SER", 5.999)], 6.0);
        Assert.Equal([(0, 2), (1, 2)], protein.Edges.Select(e => (e.Source, e.Target)));
    }

    [Fact]
    public void Residues_must_be_indexed_by_position()
    {
        var error = Assert.Throws<ArgumentException>(() => Protein.Create([At(1, "GLY", 0)]));
        Assert.Contains("residue 0 has index 1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Cutoff_must_be_a_positive_number(double cutoff) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Protein.Create([At(0, "GLY", 0)], cutoff));

    [Fact]
    public void ToGraph_keeps_indices_and_each_contact_once()
    {
        Protein protein = Protein.Create([At(0, "GLY", 0), At(1, "ALA", 3.8), At(2, "SER", 7.6)]);
        Graph graph = protein.ToGraph(FeatureMatrix.Create(3, 1, [1f, 2f, 3f]));
        Assert.Equal(3, graph.NumNodes);
        Assert.Equal([new Edge(0, 1), new Edge(1, 2)], graph.Edges.ToArray());
        Assert.Equal(2f, graph.Features[1, 0]);
    }

    [Fact]
    public void ToGraph_rejects_features_of_the_wrong_row_count()
    {
        Protein protein = Protein.Create([At(0, "GLY", 0)]);
        Assert.ThrowsAny<Exception>(() => protein.ToGraph(FeatureMatrix.Create(2, 1, [1f, 2f])));
    }

    [Theory]
    [InlineData(double.NaN, 0.0)]
    [InlineData(0.0, double.PositiveInfinity)]
    [InlineData(0.0, double.NegativeInfinity)]
    public void Residues_with_non_finite_coordinates_are_refused(double x, double z)
    {
        var bad = new Residue(1, "ALA", 'A', 2, ' ', SecondaryStructure.Coil, x, 0, z);
        var error = Assert.Throws<ArgumentException>(() => Protein.Create([At(0, "GLY", 0), bad]));
        Assert.Contains("residue 1 (A:ALA2) has a C-alpha coordinate that is not a finite number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_contact_limit_follows_the_densest_packing_and_its_caps()
    {
        // 4/3 π 6³ Å³ at one C-alpha per 27 Å³ is 33.51 neighbours, 16.76 contacts per residue.
        Assert.Equal(16_755, Protein.MaximumContacts(1_000, 6.0));
        // Below 3.4 Å the sphere holds fewer than two: a chain's two neighbours are still allowed.
        Assert.Equal(10, Protein.MaximumContacts(10, 1.0));
        Assert.Equal(Protein.MaximumContactCount, Protein.MaximumContacts(Protein.MaximumResidues, 12.0));
        Assert.Equal(0, Protein.MaximumContacts(0, 6.0));
    }

    [Fact]
    public void A_graph_with_more_contacts_than_the_limit_is_refused_and_one_at_the_limit_is_not()
    {
        // n residues piled on one point make n(n-1)/2 contacts: the largest pile that fits is read, one more is refused.
        int fits = Enumerable.Range(2, 400).Last(n => n * (n - 1) / 2 <= Protein.MaximumContacts(n, 6.0));
        Residue[] Pile(int n) => Enumerable.Range(0, n).Select(i => new Residue(i, "ALA", 'A', i + 1, ' ', SecondaryStructure.Coil, 1, 2, 3)).ToArray();

        Assert.Equal(fits * (fits - 1) / 2, Protein.Create(Pile(fits)).Edges.Length);
        var error = Assert.Throws<InvalidDataException>(() => Protein.Create(Pile(fits + 1)));
        Assert.StartsWith($"{fits + 1} residues have more than {Protein.MaximumContacts(fits + 1, 6.0):N0} C-alpha contacts closer than 6 Å", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_residues_than_the_limit_are_refused()
    {
        var residues = Enumerable.Range(0, Protein.MaximumResidues + 1)
            .Select(i => new Residue(i, "GLY", 'A', i + 1, ' ', SecondaryStructure.Coil, i * 7.0, 0, 0))
            .ToArray();
        var error = Assert.Throws<InvalidDataException>(() => Protein.Create(residues));
        Assert.StartsWith("100,001 residues with a C-alpha atom: residue graphs are limited to 100,000 residues", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_synthetic_protein_of_ten_thousand_residues_has_exactly_the_contacts_of_an_all_pairs_search()
    {
        Protein protein = PdbReader.Parse(SyntheticPdb.Text(SyntheticProtein.Globule(10_000))).Protein;
        Assert.Equal(10_000, protein.Residues.Count);
        Assert.Equal(10, protein.Chains.Count);

        var expected = new List<Edge>();
        double squaredCutoff = protein.ContactCutoff * protein.ContactCutoff;
        for (int i = 0; i < protein.Residues.Count; i++)
        {
            for (int j = i + 1; j < protein.Residues.Count; j++)
            {
                if (protein.Residues[i].SquaredDistanceTo(protein.Residues[j]) < squaredCutoff)
                {
                    expected.Add(new Edge(i, j));
                }
            }
        }

        Assert.Equal(expected, protein.Edges);
        // Consecutive residues of a chain are 3.8 Å apart, so the backbone is in the graph.
        var contacts = protein.Edges.ToHashSet();
        Assert.All(Enumerable.Range(0, 9_999).Where(i => protein.Residues[i].Chain == protein.Residues[i + 1].Chain), i => Assert.Contains(new Edge(i, i + 1), contacts));
    }
}
