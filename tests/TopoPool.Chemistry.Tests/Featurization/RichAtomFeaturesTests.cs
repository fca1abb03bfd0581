using TopoPool.Chemistry.Featurization;
using TopoPool.Chemistry.Smiles;
using Xunit;

namespace TopoPool.Chemistry.Tests.Featurization;

/// <summary>The layout of <see cref="RichAtomFeatures"/> and atoms worked out by hand.</summary>
public sealed class RichAtomFeaturesTests
{
    /// <summary>The 48 columns, written out by hand from the schema's description.</summary>
    public static readonly string[] ColumnNames =
    [
        "Element=C", "Element=N", "Element=O", "Element=S", "Element=F", "Element=Cl", "Element=Br", "Element=I",
        "Element=P", "Element=B", "Element=Si", "Element=Se", "Element=other",
        "Degree=0", "Degree=1", "Degree=2", "Degree=3", "Degree=4", "Degree=5",
        "FormalCharge=-2", "FormalCharge=-1", "FormalCharge=0", "FormalCharge=1", "FormalCharge=2",
        "Hydrogens=0", "Hydrogens=1", "Hydrogens=2", "Hydrogens=3", "Hydrogens=4",
        "Hybridization=S", "Hybridization=SP", "Hybridization=SP2", "Hybridization=SP3", "Hybridization=SP3D", "Hybridization=SP3D2", "Hybridization=other",
        "Aromatic",
        "InRing",
        "SmallestRing=3", "SmallestRing=4", "SmallestRing=5", "SmallestRing=6", "SmallestRing=7", "SmallestRing=8",
        "ChiralTag=0", "ChiralTag=1", "ChiralTag=2",
        "Mass",
    ];

    [Fact]
    public void The_schema_has_the_name_rich_48_columns_and_the_documented_names()
    {
        Assert.Equal("rich", RichAtomFeatures.SchemaName);
        Assert.Equal(48, RichAtomFeatures.Width);
        Assert.Equal(ColumnNames, RichAtomFeatures.FeatureNames.ToArray());
        Assert.Equal(
            [
                new FeatureSlot("Element", 0, 13), new FeatureSlot("Degree", 13, 6), new FeatureSlot("FormalCharge", 19, 5),
                new FeatureSlot("Hydrogens", 24, 5), new FeatureSlot("Hybridization", 29, 7), new FeatureSlot("Aromatic", 36, 1),
                new FeatureSlot("InRing", 37, 1), new FeatureSlot("SmallestRing", 38, 6), new FeatureSlot("ChiralTag", 44, 3),
                new FeatureSlot("Mass", 47, 1),
            ],
            RichAtomFeatures.Slots.ToArray());
    }

    [Fact]
    public void A_chiral_amino_acid_anion_on_a_cyclopropane_worked_by_hand()
    {
        // N[C@@H](C1CC1)C(=O)[O-]: neighbours of the stereocentre N, H, ring C, carboxyl C with @@ is clockwise (1).
        // Orbitals = neighbours + hydrogens + lone pairs: amine N 3 + 1 = 4, no conjugated bond: SP3. The carboxyl O
        // 1 + 2 = 3: SP2. The [O-] has 1 + 3 = 4 orbitals but its bond is conjugated with C=O: SP2.
        float[] rows = RichAtomFeatures.Featurize(SmilesReader.Parse("N[C@@H](C1CC1)C(=O)[O-]"));
        Assert.Equal(8 * 48, rows.Length);
        AssertRow(rows, 0, 0.14007, "Element=N", "Degree=1", "FormalCharge=0", "Hydrogens=2", "Hybridization=SP3", "ChiralTag=0");
        AssertRow(rows, 1, 0.12011, "Element=C", "Degree=3", "FormalCharge=0", "Hydrogens=1", "Hybridization=SP3", "ChiralTag=1");
        AssertRow(rows, 2, 0.12011, "Element=C", "Degree=3", "FormalCharge=0", "Hydrogens=1", "Hybridization=SP3", "InRing", "SmallestRing=3", "ChiralTag=0");
        AssertRow(rows, 3, 0.12011, "Element=C", "Degree=2", "FormalCharge=0", "Hydrogens=2", "Hybridization=SP3", "InRing", "SmallestRing=3", "ChiralTag=0");
        AssertRow(rows, 5, 0.12011, "Element=C", "Degree=3", "FormalCharge=0", "Hydrogens=0", "Hybridization=SP2", "ChiralTag=0");
        AssertRow(rows, 6, 0.15999, "Element=O", "Degree=1", "FormalCharge=0", "Hydrogens=0", "Hybridization=SP2", "ChiralTag=0");
        AssertRow(rows, 7, 0.15999, "Element=O", "Degree=1", "FormalCharge=-1", "Hydrogens=0", "Hybridization=SP2", "ChiralTag=0");
    }

    [Fact]
    public void A_fused_aromatic_ring_atom_takes_its_smallest_ring()
    {
        // Indole, c1ccc2[nH]ccc2c1: the fusion carbons (3, 7) are in the 5- and the 6-ring; the pyrrole N keeps its H.
        float[] rows = RichAtomFeatures.Featurize(SmilesReader.Parse("c1ccc2[nH]ccc2c1"));
        AssertRow(rows, 0, 0.12011, "Element=C", "Degree=2", "FormalCharge=0", "Hydrogens=1", "Hybridization=SP2", "Aromatic", "InRing", "SmallestRing=6", "ChiralTag=0");
        AssertRow(rows, 3, 0.12011, "Element=C", "Degree=3", "FormalCharge=0", "Hydrogens=0", "Hybridization=SP2", "Aromatic", "InRing", "SmallestRing=5", "ChiralTag=0");
        AssertRow(rows, 4, 0.14007, "Element=N", "Degree=2", "FormalCharge=0", "Hydrogens=1", "Hybridization=SP2", "Aromatic", "InRing", "SmallestRing=5", "ChiralTag=0");
    }

    [Fact]
    public void Rings_of_eight_or_more_share_the_last_ring_column()
    {
        float[] rows = RichAtomFeatures.Featurize(SmilesReader.Parse("C1CCCCCCCC1"));
        for (int a = 0; a < 9; a++)
        {
            AssertRow(rows, a, 0.12011, "Element=C", "Degree=2", "FormalCharge=0", "Hydrogens=2", "Hybridization=SP3", "InRing", "SmallestRing=8", "ChiralTag=0");
        }
    }

    [Fact]
    public void Unlisted_values_go_to_other_or_set_no_column()
    {
        // [U+3]: not a listed element, charge +3 is past the listed -2..+2, and from actinium on RDKit counts only
        // neighbours and hydrogens as orbitals: 0, so S.
        AssertRow(RichAtomFeatures.Featurize(SmilesReader.Parse("[U+3]")), 0, 2.38029, "Element=other", "Degree=0", "Hydrogens=0", "Hybridization=S", "ChiralTag=0");

        // [Se] with no bonds and no hydrogens: 6 free electrons, 2 of them radicals (8 - 6 outer - 0 bonds), so
        // (6 - 2) / 2 = 2 lone pairs + 2 radicals = 4 orbitals, SP3.
        AssertRow(RichAtomFeatures.Featurize(SmilesReader.Parse("[Se]")), 0, 0.7896, "Element=Se", "Degree=0", "FormalCharge=0", "Hydrogens=0", "Hybridization=SP3", "ChiralTag=0");

        // A wildcard: other element, RDKit leaves its hybridisation unspecified, mass 0.
        AssertRow(RichAtomFeatures.Featurize(SmilesReader.Parse("*C")), 0, 0, "Element=other", "Degree=1", "FormalCharge=0", "Hydrogens=0", "Hybridization=other", "ChiralTag=0");
    }

    [Fact]
    public void A_written_isotope_weighs_its_mass_number()
    {
        float[] rows = RichAtomFeatures.Featurize(SmilesReader.Parse("[13CH3]O"));
        AssertRow(rows, 0, 0.13, "Element=C", "Degree=1", "FormalCharge=0", "Hydrogens=3", "Hybridization=SP3", "ChiralTag=0");
    }

    [Fact]
    public void The_graph_has_one_row_per_atom_and_the_molecule_bonds()
    {
        Molecule molecule = SmilesReader.Parse("c1ccccc1O");
        var graph = RichAtomFeatures.ToGraph(molecule);
        Assert.Equal(7, graph.NumNodes);
        Assert.Equal(7, graph.Edges.Length);
        Assert.Equal(48, graph.Features.Columns);
        Assert.Equal(RichAtomFeatures.Featurize(molecule).AsSpan(6 * 48, 48).ToArray(), graph.Features.RowArray(6));
        Assert.Equal(RichAtomFeatures.ToFeatureMatrix(molecule).RowArray(0), graph.Features.RowArray(0));
    }

    private static void AssertRow(float[] rows, int atom, double massOver100, params string[] setColumns)
    {
        var expected = new float[ColumnNames.Length];
        foreach (string name in setColumns)
        {
            int column = Array.IndexOf(ColumnNames, name);
            Assert.True(column >= 0, name);
            expected[column] = 1;
        }

        expected[^1] = (float)massOver100;
        float[] actual = rows.AsSpan(atom * ColumnNames.Length, ColumnNames.Length).ToArray();
        Assert.True(
            expected.SequenceEqual(actual),
            $"atom {atom}: expected {Show(expected)}, got {Show(actual)}");
    }

    private static string Show(float[] row) =>
        string.Join(" ", row.Select((v, c) => (v, c)).Where(p => p.v != 0).Select(p => p.c == ColumnNames.Length - 1 ? $"Mass={p.v}" : ColumnNames[p.c]));
}
