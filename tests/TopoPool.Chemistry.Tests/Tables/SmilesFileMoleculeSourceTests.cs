using System.Text;
using TopoPool.Chemistry.Tables;
using Xunit;

namespace TopoPool.Chemistry.Tests.Tables;

/// <summary>Molecules from SMILES files: one per line, a name after it, a header word, and a record for every line.</summary>
public sealed class SmilesFileMoleculeSourceTests
{
    private static (IMoleculeSource Source, List<MoleculeRecord> Records) ReadAll(string name, string text)
    {
        using var folder = new ScratchFolder();
        using IMoleculeSource source = MoleculeSources.Open(folder.Write(name, text));
        return (source, source.Read().ToList());
    }

    [Fact]
    public void The_first_token_is_the_smiles_and_the_rest_of_the_line_its_name()
    {
        var (source, records) = ReadAll("mols.smi", "smiles name\nCCO ethanol\n\n  c1ccccc1\tbenzene ring  \nCCN\n");

        Assert.IsType<SmilesFileMoleculeSource>(source);
        Assert.Equal(["smiles", "name"], source.Columns.ToArray());
        Assert.Equal(["CCO", "c1ccccc1", "CCN"], records.Select(r => r.Smiles));
        Assert.Equal([["CCO", "ethanol"], ["c1ccccc1", "benzene ring"], ["CCN", ""]], records.Select(r => r.Values.ToArray()));
        Assert.Equal([(1, 2), (2, 4), (3, 5)], records.Select(r => (r.Row, r.Line)));
    }

    [Fact]
    public void Without_names_the_only_column_is_smiles()
    {
        var (source, records) = ReadAll("mols.smi", "CCO\r\nCCN\r\n");

        Assert.Equal(["smiles"], source.Columns.ToArray());
        Assert.Equal([["CCO"], ["CCN"]], records.Select(r => r.Values.ToArray()));
        Assert.Equal([1, 2], records.Select(r => r.Line));
    }

    [Theory]
    [InlineData("SMILES\nCCO\n")]
    [InlineData("Drug\nCCO\n")]
    [InlineData("\n\nsmiles\nCCO\n")]
    public void A_first_line_smiles_SMILES_or_Drug_is_a_header(string text)
    {
        var (_, records) = ReadAll("mols.smi", text);

        Assert.Equal("CCO", Assert.Single(records).Smiles);
    }

    [Fact]
    public void A_header_word_later_in_the_file_is_a_record()
    {
        var (_, records) = ReadAll("mols.smi", "CCO\nsmiles\n");

        Assert.Equal(["CCO", "smiles"], records.Select(r => r.Smiles));
        Assert.False(records[1].IsValid);
    }

    [Fact]
    public void A_smiles_that_cannot_be_read_is_a_record_with_the_readers_message_and_reading_goes_on()
    {
        var (_, records) = ReadAll("mols.smi", "CCO\nC1CC\n\u0000\u0001garbage\nc1ccccc1O phenol\n");

        Assert.Equal([true, false, false, true], records.Select(r => r.IsValid));
        Assert.Matches(@"ring 1 .*at position \d+", records[1].Error);
        Assert.Equal("mols.smi line 2 (record 2): " + records[1].Error, records[1].Describe("mols.smi"));
    }

    [Fact]
    public void A_byte_order_mark_is_skipped()
    {
        using var folder = new ScratchFolder();
        string path = folder.WriteBytes("bom.smi", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("smiles\nCCO\n")]);
        using IMoleculeSource source = MoleculeSources.Open(path);

        Assert.Equal("CCO", Assert.Single(source.Read()).Smiles);
    }

    [Fact]
    public void A_header_only_file_has_no_records()
    {
        var (_, records) = ReadAll("header.smi", "smiles\n\n");

        Assert.Empty(records);
    }
}
