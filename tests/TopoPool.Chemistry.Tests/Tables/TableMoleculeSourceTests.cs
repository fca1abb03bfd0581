using TopoPool.Chemistry.Tables;
using Xunit;

namespace TopoPool.Chemistry.Tests.Tables;

/// <summary>Molecules from CSV/TSV tables: the SMILES column, every column kept, and a record for every row, bad ones included.</summary>
public sealed class TableMoleculeSourceTests
{
    private static (IMoleculeSource Source, List<MoleculeRecord> Records) ReadAll(string name, string text, MoleculeSourceOptions? options = null)
    {
        using var folder = new ScratchFolder();
        using IMoleculeSource source = MoleculeSources.Open(folder.Write(name, text), options);
        return (source, source.Read().ToList());
    }

    [Fact]
    public void Every_column_is_kept_and_the_smiles_column_is_parsed()
    {
        var (source, records) = ReadAll("drugs.csv", "Drug_ID,Drug,Y\n\"a, b\",CCO,1.5\nx,c1ccccc1,2\n");

        Assert.IsType<TableMoleculeSource>(source);
        Assert.Equal(["Drug_ID", "Drug", "Y"], source.Columns.ToArray());
        Assert.Equal("drugs.csv", source.Source);
        Assert.Equal(["a, b", "CCO", "1.5"], records[0].Values.ToArray());
        Assert.Equal(["CCO", "c1ccccc1"], records.Select(r => r.Smiles));
        Assert.Equal([3, 6], records.Select(r => r.Molecule!.Atoms.Count));
        Assert.Equal([(1, 2), (2, 3)], records.Select(r => (r.Row, r.Line)));
        Assert.All(records, r => Assert.True(r.IsValid));
    }

    [Theory]
    [InlineData("id,SMILES,y", "SMILES")]
    [InlineData("id,Smiles,y", "Smiles")]
    [InlineData("Drug,smiles", "smiles")]
    [InlineData("id,canonical_smiles", "canonical_smiles")]
    [InlineData("id,DRUG", "DRUG")]
    public void The_smiles_column_is_the_first_known_name_ignoring_case(string header, string expected)
    {
        using var folder = new ScratchFolder();
        using var table = DelimitedTable.Open(folder.Write("t.csv", header + "\n"));
        using var source = TableMoleculeSource.Over(table);

        Assert.Equal(expected, source.SmilesColumn);
    }

    [Fact]
    public void A_named_column_wins_over_the_default_names()
    {
        var (_, records) = ReadAll("t.csv", "smiles,product\nCCO,CCN\n", new MoleculeSourceOptions { SmilesColumn = "PRODUCT" });

        Assert.Equal("CCN", Assert.Single(records).Smiles);
    }

    [Fact]
    public void A_table_without_the_column_is_refused_naming_its_columns()
    {
        using var folder = new ScratchFolder();
        string path = folder.Write("plain.csv", "id,value\n1,2\n");
        string named = folder.Write("named.csv", "id,value\n1,2\n");

        var missing = Assert.Throws<MoleculeSourceException>(() => MoleculeSources.Open(path));
        var missingNamed = Assert.Throws<MoleculeSourceException>(() => MoleculeSources.Open(named, new MoleculeSourceOptions { SmilesColumn = "mol" }));

        Assert.Equal("plain.csv line 1: no SMILES column (the header has 'id', 'value'; expected one of smiles, Drug, canonical_smiles, or name the column)", missing.Message);
        Assert.Equal("named.csv line 1: no column 'mol' (the header has 'id', 'value')", missingNamed.Message);
    }

    [Fact]
    public void Bad_rows_and_bad_smiles_are_records_with_errors_and_the_rest_is_read_in_order()
    {
        var (_, records) = ReadAll(
            "mixed.csv",
            "id,smiles,y\n1,CCO,1\n2\n3,C1CC,3\n4,   ,4\n5,\"unterminated,3\n6,[Na+].CC(=O)[O-],6\n7,CC(C,7\n");

        Assert.Equal([1, 2, 3, 4, 5, 6, 7], records.Select(r => r.Row));
        Assert.Equal([2, 3, 4, 5, 6, 7, 8], records.Select(r => r.Line));
        Assert.Equal([true, false, false, false, false, true, false], records.Select(r => r.IsValid));
        Assert.Equal("expected 3 fields as in the header, found 1", records[1].Error);
        Assert.Contains("ring 1", records[2].Error);
        Assert.Equal("C1CC", records[2].Smiles);
        Assert.Equal("the smiles field is empty", records[3].Error);
        Assert.Equal("mixed.csv line 6 (record 5): a quote opened at column 3 is never closed", records[4].Describe("mixed.csv"));
        Assert.Null(records[4].Smiles);
        Assert.Equal(["", "", ""], records[4].Values.ToArray());
        Assert.Equal("[Na+].CC(=O)[O-]", records[5].Smiles);
        Assert.Equal(4, records[5].Molecule!.Atoms.Count); // the longest fragment, acetate
        Assert.Equal(["7", "CC(C", "7"], records[6].Values.ToArray());
    }

    [Fact]
    public void The_position_of_an_error_in_a_fragment_names_the_fragment()
    {
        var (_, records) = ReadAll("t.csv", "smiles\nC.CC(CCC\n");

        Assert.Matches(@"^.+ at position \d+ in its longest fragment 'CC\(CCC'$", Assert.Single(records).Error);
    }

    [Fact]
    public void A_tab_separated_table_is_read_from_a_txt_file_when_its_header_names_a_smiles_column()
    {
        var (source, records) = ReadAll("mols.txt", "name\tsmiles\nethanol\tCCO\n");

        Assert.IsType<TableMoleculeSource>(source);
        Assert.Equal(["ethanol", "CCO"], Assert.Single(records).Values.ToArray());
    }

    [Fact]
    public void A_header_only_table_has_no_records()
    {
        var (source, records) = ReadAll("header.csv", "smiles,name\n");

        Assert.Equal(["smiles", "name"], source.Columns.ToArray());
        Assert.Empty(records);
    }
}
