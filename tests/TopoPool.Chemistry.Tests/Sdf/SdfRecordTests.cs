using System.Text;
using TopoPool.Chemistry.Sdf;
using TopoPool.Chemistry.Tables;
using Xunit;

namespace TopoPool.Chemistry.Tests.Sdf;

/// <summary>Records and data items: where records start and end, how data items become columns, and MOL files.</summary>
public sealed class SdfRecordTests
{
    [Fact]
    public void A_MOL_file_without_a_terminator_is_one_record()
    {
        var records = SdfText.Read(SdfText.Ethanol());
        var record = Assert.Single(records);
        Assert.True(record.IsValid, record.Error);
        Assert.Equal(["C", "C", "O"], record.Molecule!.Atoms.Select(a => a.Symbol));
        Assert.Equal([3, 2, 1], record.Molecule.Atoms.Select(a => a.TotalHydrogens));
        Assert.Null(record.Smiles);
        Assert.Equal(1, record.Row);
        Assert.Equal(1, record.Line);
        Assert.Empty(record.Values.ToArray());
    }

    [Fact]
    public void Records_are_numbered_and_located_by_their_first_line()
    {
        string first = SdfText.Record(SdfText.Ethanol("one"));
        string text = first + SdfText.Record(SdfText.Ethanol("two")) + SdfText.Ethanol("three");
        var records = SdfText.Read(text);
        Assert.Equal([1, 2, 3], records.Select(r => r.Row));
        int lines = first.Count(c => c == '\n');
        Assert.Equal([1, 1 + lines, 1 + 2 * lines], records.Select(r => r.Line));
        Assert.All(records, r => Assert.True(r.IsValid, r.Error));
    }

    [Fact]
    public void Data_items_become_columns_in_the_order_first_seen()
    {
        string text = SdfText.Record(SdfText.Ethanol(), ("Drug_ID", "E1"), ("Y", "0.5"))
            + SdfText.Record(SdfText.Ethanol(), ("Source", "lab"), ("Drug_ID", "E2"));
        using var source = SdfText.Source(text);
        Assert.Equal(["Drug_ID", "Y", "Source"], source.Columns.ToArray());
        var records = source.Read().ToList();
        Assert.Equal(["E1", "0.5", ""], records[0].Values.ToArray());
        Assert.Equal(["E2", "", "lab"], records[1].Values.ToArray());
    }

    [Fact]
    public void Header_spellings_multi_line_values_and_repeated_names()
    {
        string text = SdfText.Ethanol()
            + ">  <Drug_ID>  (1) \nE1\n\n"
            + "> 25  <Note>\nfirst line\nsecond line\n\n"
            + "> <Empty>\n\n"
            + "> <Y>\n1\n\n"
            + "> <Y>\n2\n\n"
            + "$$$$\n";
        using var source = SdfText.Source(text);
        Assert.Equal(["Drug_ID", "Note", "Empty", "Y"], source.Columns.ToArray());
        var record = Assert.Single(source.Read());
        Assert.Equal(["E1", "first line\nsecond line", "", "2"], record.Values.ToArray());
    }

    [Fact]
    public void A_value_line_starting_with_a_greater_sign_is_a_value()
    {
        string text = SdfText.Ethanol() + "> <IC50>\n>10 uM\n> <not a header>\n\n$$$$\n";
        using var source = SdfText.Source(text);
        Assert.Equal(["IC50"], source.Columns.ToArray());
        Assert.Equal([">10 uM\n> <not a header>"], Assert.Single(source.Read()).Values.ToArray());
    }

    [Fact]
    public void Blank_title_lines_and_trailing_blank_lines()
    {
        string text = SdfText.Record(SdfText.Ethanol(title: "")) + "\n\n   \n";
        var record = Assert.Single(SdfText.Read(text));
        Assert.True(record.IsValid, record.Error);
        Assert.Equal(1, record.Line);
        Assert.Empty(SdfText.Read("\n\n"));
        Assert.Empty(SdfText.Read(""));
    }

    [Fact]
    public void Windows_line_endings_and_a_byte_order_mark_are_read()
    {
        string text = "\uFEFF" + SdfText.Record(SdfText.Ethanol(), ("Drug_ID", "E1")).Replace("\n", "\r\n");
        using var source = SdfText.Source(text);
        Assert.Equal(["Drug_ID"], source.Columns.ToArray());
        var record = Assert.Single(source.Read());
        Assert.True(record.IsValid, record.Error);
        Assert.Equal(["E1"], record.Values.ToArray());
    }

    [Fact]
    public void A_stream_that_cannot_seek_is_spooled_and_read_twice()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(SdfText.Record(SdfText.Ethanol(), ("Drug_ID", "E1")) + SdfText.Record(SdfText.Ethanol(), ("Drug_ID", "E2")));
        using var source = SdfMoleculeSource.FromStream(new ForwardOnlyStream(bytes), "standard input");
        Assert.Equal("standard input", source.Source);
        Assert.Equal(["Drug_ID"], source.Columns.ToArray());
        Assert.Equal(["E1", "E2"], source.Read().Select(r => r.Values[0]));
        Assert.Equal(["E1", "E2"], source.Read().Select(r => r.Values[0]));
    }

    [Fact]
    public void A_gzip_compressed_file_is_read_and_a_broken_one_refused()
    {
        var compressed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(SdfText.Record(SdfText.Ethanol(), ("Drug_ID", "E1")) + SdfText.Record(SdfText.Ethanol(), ("Drug_ID", "E2"))));
        }

        compressed.Position = 0;
        using (var source = SdfMoleculeSource.FromStream(compressed, "molecules.sdf.gz"))
        {
            Assert.Equal(["Drug_ID"], source.Columns.ToArray());
            Assert.Equal(["E1", "E2"], source.Read().Select(r => r.Values[0]));
            Assert.All(source.Read(), r => Assert.True(r.IsValid, r.Error));
        }

        byte[] broken = [0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07];
        var e = Assert.Throws<MoleculeSourceException>(() => SdfMoleculeSource.FromStream(new MemoryStream(broken), "broken.sdf.gz"));
        Assert.Equal("broken.sdf.gz: starts like a gzip file but cannot be decompressed", e.Message);
    }

    [Fact]
    public void A_missing_file_is_refused_with_its_name()
    {
        var e = Assert.Throws<MoleculeSourceException>(() => SdfMoleculeSource.Open("/no/such/dir/molecules.sdf"));
        Assert.Contains("/no/such/dir/molecules.sdf", e.Message);
        Assert.Contains("no such file", e.Message);
    }

    [Fact]
    public void Atoms_and_bonds_keep_the_file_order_with_hydrogen_atoms_closed_up()
    {
        // H, C, H, O, H: hydrogens folded, C and O keep their relative order and the bond between them.
        string text = "\n\n\n  5  4  0  0  0  0  0  0  0  0999 V2000\n"
            + Atom("H", -1) + Atom("C", 0) + Atom("H", 0, 1) + Atom("O", 1.4) + Atom("H", 2)
            + "  1  2  1  0\n  2  3  1  0\n  2  4  1  0\n  4  5  1  0\nM  END\n";
        var molecule = Assert.Single(SdfText.Read(text)).Molecule!;
        Assert.Equal(["C", "O"], molecule.Atoms.Select(a => a.Symbol));
        Assert.Equal([3, 1], molecule.Atoms.Select(a => a.TotalHydrogens));
        var bond = Assert.Single(molecule.Bonds);
        Assert.Equal((0, 1), (bond.Begin, bond.End));
    }

    internal static string Atom(string symbol, double x, double y = 0, double z = 0, string fields = " 0  0  0  0  0  0  0  0  0  0  0  0") =>
        FormattableString.Invariant($"{x,10:F4}{y,10:F4}{z,10:F4} {symbol,-3}{fields}\n");

    /// <summary>Standard input as the reader sees it: no seeking, no length.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream inner = new(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
