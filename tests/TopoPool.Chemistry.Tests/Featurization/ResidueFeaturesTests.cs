using TopoPool.Chemistry.Featurization;
using TopoPool.Chemistry.Proteins;
using TopoPool.Core;
using TopoPool.Testing;
using Xunit;

namespace TopoPool.Chemistry.Tests.Featurization;

public class ResidueFeaturesTests
{
    [Fact]
    public void Schema_has_27_named_columns()
    {
        Assert.Equal(27, ResidueFeatures.Width);
        Assert.Equal(new FeatureSlot("AminoAcid", 0, 21), ResidueFeatures.AminoAcid);
        Assert.Equal(new FeatureSlot("Hydrophobicity", 21, 1), ResidueFeatures.Hydrophobicity);
        Assert.Equal(new FeatureSlot("Charge", 22, 1), ResidueFeatures.Charge);
        Assert.Equal(new FeatureSlot("Polar", 23, 1), ResidueFeatures.Polar);
        Assert.Equal(new FeatureSlot("Structure", 24, 3), ResidueFeatures.Structure);
        string[] expected =
        [
            .. AminoAcid.Standard.Select(a => "AminoAcid=" + a.Name), "AminoAcid=unknown", "Hydrophobicity", "Charge", "Polar",
            "Structure=Helix", "Structure=Sheet", "Structure=Coil",
        ];
        Assert.Equal(expected, ResidueFeatures.FeatureNames.ToArray());
    }

    [Fact]
    public void Residue_row_is_the_vector_worked_out_by_hand()
    {
        // HIS in a helix: one-hot column 8, hydrophobicity (-3.2 + 4.5) / 9, charge 0.1, polar, helix.
        var histidine = new Residue(0, "HIS", 'A', 12, ' ', SecondaryStructure.Helix, 0, 0, 0);
        var row = new float[ResidueFeatures.Width];
        ResidueFeatures.WriteFeatures(histidine, row);

        var expected = new float[27];
        expected[8] = 1;
        expected[21] = (float)((-3.2 + 4.5) / 9.0);
        expected[22] = 0.1f;
        expected[23] = 1;
        expected[24] = 1;
        Assert.Equal(expected, row);
    }

    [Fact]
    public void Non_standard_residue_uses_the_unknown_column_and_neutral_values()
    {
        var selenomethionine = new Residue(0, "MSE", 'A', 1, ' ', SecondaryStructure.Coil, 0, 0, 0);
        float[] row = ResidueFeatures.Featurize([selenomethionine]);
        Assert.Equal(1f, row[20]);
        Assert.Equal(0.5f, row[21]);
        Assert.Equal(0f, row[22]);
        Assert.Equal(0f, row[23]);
        Assert.Equal(1f, row[26]);
        Assert.Equal(2.5f, row.Sum());
    }

    [Fact]
    public void Crambin_graph_has_one_feature_row_per_residue()
    {
        Protein protein = PdbReader.ReadFile(SharedFolder.Path("data", "pdb", "1crn.pdb")).Protein;
        Graph graph = ResidueFeatures.ToGraph(protein);

        Assert.Equal(46, graph.NumNodes);
        Assert.Equal(120, graph.Edges.Length);
        Assert.Equal(27, graph.Features.Columns);
        for (int i = 0; i < protein.Residues.Count; i++)
        {
            ReadOnlySpan<float> row = graph.Features.Row(i);
            Residue residue = protein.Residues[i];
            int aminoAcid = AminoAcid.Standard.ToList().FindIndex(a => a.Name == residue.Name);
            Assert.Equal(1f, ResidueFeatures.AminoAcid.Of(row)[aminoAcid]);
            Assert.Equal(1f, ResidueFeatures.AminoAcid.Of(row).ToArray().Sum());
            Assert.Equal(1f, ResidueFeatures.Structure.Of(row).ToArray().Sum());
            int structure = residue.SecondaryStructure switch { SecondaryStructure.Helix => 0, SecondaryStructure.Sheet => 1, _ => 2 };
            Assert.Equal(1f, ResidueFeatures.Structure.Of(row)[structure]);
        }

        // Residue 1 is THR in a strand: (-0.7 + 4.5) / 9, neutral, polar, sheet.
        Assert.Equal((float)((-0.7 + 4.5) / 9), graph.Features[0, 21]);
        Assert.Equal(1f, graph.Features[0, 16]);
        Assert.Equal(1f, graph.Features[0, 23]);
        Assert.Equal(1f, graph.Features[0, 25]);
    }

    [Fact]
    public void Amino_acid_table_has_the_Kyte_Doolittle_extremes()
    {
        Assert.Equal(20, AminoAcid.Standard.Count);
        Assert.Equal(4.5, AminoAcid.Find("ILE")!.Hydrophobicity);
        Assert.Equal(-4.5, AminoAcid.Find("ARG")!.Hydrophobicity);
        Assert.Equal(0.1, AminoAcid.Standard.Sum(a => a.ChargeAtPh7), 10);
        Assert.Null(AminoAcid.Find("HOH"));
    }
}
