using System.Text;
using TopoPool.Chemistry.Tables;
using Xunit;

namespace TopoPool.Chemistry.Tests.Tables;

/// <summary>Which reader an input gets, and the one-line refusals of inputs that cannot be read at all.</summary>
[Collection(TemporaryCopies.Name)]
public sealed class MoleculeSourcesTests
{
    [Theory]
    [InlineData("mols.csv", "smiles,name\nCCO,ethanol\n", typeof(TableMoleculeSource))]
    [InlineData("mols.tsv", "smiles\nCCO\n", typeof(TableMoleculeSource))]
    [InlineData("mols.txt", "smiles,name\nCCO,ethanol\n", typeof(TableMoleculeSource))]
    [InlineData("mols.txt", "smiles name\nCCO ethanol\n", typeof(SmilesFileMoleculeSource))]
    [InlineData("mols.txt", "id,value\nCCO,1\n", typeof(SmilesFileMoleculeSource))]
    [InlineData("mols.smi", "smiles,name\nCCO,ethanol\n", typeof(SmilesFileMoleculeSource))]
    [InlineData("mols.smiles", "CCO\n", typeof(SmilesFileMoleculeSource))]
    [InlineData("mols", "CCO\n", typeof(SmilesFileMoleculeSource))]
    [InlineData("mols.dat", "smiles,name\nCCO,ethanol\n", typeof(SmilesFileMoleculeSource))]
    public void The_format_comes_from_the_extension_and_for_txt_from_the_header(string name, string text, Type expected)
    {
        using var folder = new ScratchFolder();
        using IMoleculeSource source = MoleculeSources.Open(folder.Write(name, text));

        Assert.IsType(expected, source);
    }

    [Theory]
    [InlineData("mols.sdf")]
    [InlineData("mols.SD")]
    [InlineData("mol.mol")]
    public void Sdf_and_mol_files_get_the_sdf_reader_whatever_the_case_of_the_extension(string name)
    {
        using var folder = new ScratchFolder();
        string path = folder.Write(name, "\n  RDKit\n\n  0  0  0  0  0  0  0  0  0  0999 V2000\nM  END\n$$$$\n");

        using IMoleculeSource source = MoleculeSources.Open(path);

        Assert.IsType<TopoPool.Chemistry.Sdf.SdfMoleculeSource>(source);
    }

    [Fact]
    public void A_missing_file_a_folder_and_an_empty_file_are_refused_by_name()
    {
        using var folder = new ScratchFolder();
        string missing = System.IO.Path.Combine(folder.Path, "missing.smi");
        string empty = folder.Write("empty.smi", "");
        string blank = folder.Write("blank.csv", "\n \n");

        Assert.Equal($"{missing}: no such file", Assert.Throws<MoleculeSourceException>(() => MoleculeSources.Open(missing)).Message);
        Assert.Equal($"{folder.Path}: is a folder, not a file", Assert.Throws<MoleculeSourceException>(() => MoleculeSources.Open(folder.Path)).Message);
        Assert.Equal("empty.smi: the file is empty; it has no molecules", Assert.Throws<MoleculeSourceException>(() => MoleculeSources.Open(empty)).Message);
        Assert.Equal("blank.csv: the file is empty; it has no molecules", Assert.Throws<MoleculeSourceException>(() => MoleculeSources.Open(blank)).Message);
    }

    [Fact]
    public void A_csv_whose_header_cannot_be_read_is_refused_with_its_line()
    {
        using var folder = new ScratchFolder();
        string path = folder.Write("open.csv", "\"smiles,name\nCCO,ethanol\n");

        var error = Assert.Throws<MoleculeSourceException>(() => MoleculeSources.Open(path));

        Assert.Equal("open.csv line 1: the header cannot be read: a quote opened at column 1 is never closed", error.Message);
    }

    [Theory]
    [InlineData("smiles,name\nCCO,ethanol\nC1CC,bad\n", typeof(TableMoleculeSource))]
    [InlineData("CCO ethanol\nC1CC bad\n", typeof(SmilesFileMoleculeSource))]
    public void Standard_input_is_a_table_or_a_smiles_file_by_its_first_line(string text, Type expected)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(text));
        using IMoleculeSource source = MoleculeSources.Open(input, MoleculeSources.StandardInputName);

        Assert.IsType(expected, source);
        Assert.Equal("standard input", source.Source);
        Assert.Equal([true, false], source.Read().Select(r => r.IsValid));
    }

    [Fact]
    public void The_copy_of_a_stream_is_deleted_with_the_source()
    {
        string temp = System.IO.Path.GetTempPath();
        int before = Directory.GetFiles(temp, $"topopool-input-{Environment.ProcessId}-*").Length;
        foreach (string text in new[] { "smiles,name\nCCO,x\n", "CCO\n" })
        {
            using var input = new MemoryStream(Encoding.UTF8.GetBytes(text));
            using (IMoleculeSource source = MoleculeSources.Open(input, MoleculeSources.StandardInputName))
            {
                Assert.Single(source.Read());
            }
        }

        using var empty = new MemoryStream();
        Assert.Throws<MoleculeSourceException>(() => MoleculeSources.Open(empty, MoleculeSources.StandardInputName));
        Assert.Equal(before, Directory.GetFiles(temp, $"topopool-input-{Environment.ProcessId}-*").Length);
    }
}
