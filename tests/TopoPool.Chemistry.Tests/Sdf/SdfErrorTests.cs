using Xunit;

namespace TopoPool.Chemistry.Tests.Sdf;

/// <summary>
/// A record that cannot be read is reported, with the block, its line and the file line, and skipped; the records
/// around it are read as if it were not there.
/// </summary>
public sealed class SdfErrorTests
{
    private static readonly string Good = SdfText.Record(SdfText.Ethanol("good"), ("Drug_ID", "G"));

    /// <summary>The ethanol record with one line replaced (line numbers from 1, as in the record); line 10, its
    /// <c>M  END</c>, is kept and the new line goes before it.</summary>
    private static string Broken(int line, string replacement)
    {
        var lines = SdfText.Ethanol("broken").Split('\n').ToList();
        if (line == 10)
        {
            lines.Insert(line - 1, replacement);
        }
        else
        {
            lines[line - 1] = replacement;
        }

        return SdfText.Record(string.Join('\n', lines), ("Drug_ID", "B"));
    }

    [Theory]
    [InlineData(4, "  x  2  0  0  0  0  0  0  0  0999 V2000", "counts line (file line 4): cannot read the atom and bond counts")]
    [InlineData(4, "  3", "counts line (file line 4): '  3' is too short")]
    [InlineData(4, "  3  2  0  0  0  0  0  0  0  0999 V2001", "counts line (file line 4): unsupported version 'V2001'")]
    [InlineData(5, "    0.0000    0.0000    0.0000 Xx  0  0  0  0  0  0  0  0  0  0  0  0", "atom block line 1 (file line 5): unknown element 'Xx'")]
    [InlineData(6, "    1.2990    abcdef    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0", "atom block line 2 (file line 6): cannot read the coordinates")]
    [InlineData(7, "    2.5981 O", "atom block line 3 (file line 7): '    2.5981 O' is too short for an atom")]
    [InlineData(8, "  1  7  1  0", "bond block line 1 (file line 8): bond to atom 7, but the molecule has 3 atoms")]
    [InlineData(9, "  2  2  1  0", "bond block line 2 (file line 9): bond from atom 2 to itself")]
    [InlineData(9, "  2  3  8  0", "bond block line 2 (file line 9): bond type 8 is not supported")]
    [InlineData(9, "  2  1  1  0", "bond block line 2 (file line 9): atoms 2 and 1 are already bonded")]
    [InlineData(10, "garbage", "properties block (file line 10): unexpected line 'garbage'")]
    [InlineData(10, "M  CHG  2   1   1", "properties block (file line 10): 'M  CHG' promises 2 entries but has 1")]
    [InlineData(10, "M  CHG  1   9   1", "properties block (file line 10): 'M  CHG' refers to atom 9, but the molecule has 3 atoms")]
    public void A_bad_line_is_reported_where_it_is_and_the_next_record_is_read(int line, string replacement, string message)
    {
        string broken = Broken(line, replacement);
        int brokenStart = Good.Count(c => c == '\n') + 1;
        var records = SdfText.Read(Good + broken + Good);
        Assert.Equal(3, records.Count);
        Assert.True(records[0].IsValid && records[2].IsValid);
        Assert.Null(records[1].Molecule);
        string expected = message.Replace($"(file line {line})", $"(file line {brokenStart + line - 1})");
        Assert.StartsWith(expected, records[1].Error);
        Assert.Equal(brokenStart, records[1].Line);
        Assert.Equal(2, records[1].Row);
        Assert.Equal(["G", "B", "G"], records.Select(r => r.Values[0]));
        Assert.Equal($"test.sdf line {brokenStart} (record 2): {records[1].Error}", records[1].Describe("test.sdf"));
    }

    [Fact]
    public void A_truncated_atom_block_ends_at_the_terminator_and_does_not_eat_the_next_record()
    {
        string truncated = string.Join('\n', SdfText.Ethanol("short").Split('\n').Take(6)) + "\n$$$$\n";
        var records = SdfText.Read(Good + truncated + Good);
        Assert.Equal(3, records.Count);
        Assert.StartsWith("atom block (file line", records[1].Error);
        Assert.Contains("the record ends after 2 of 3 atoms", records[1].Error);
        Assert.True(records[2].IsValid, records[2].Error);
        Assert.Equal(["G", "", "G"], records.Select(r => r.Values[0]));
    }

    [Fact]
    public void A_record_without_M_END_and_an_empty_record()
    {
        string noEnd = string.Join('\n', SdfText.Ethanol("no end").Split('\n').Take(9)) + "\n$$$$\n";
        var records = SdfText.Read(Good + noEnd + "$$$$\n" + Good);
        Assert.Equal(4, records.Count);
        Assert.Contains("the record ends before 'M  END'", records[1].Error);
        Assert.StartsWith("empty record", records[2].Error);
        Assert.True(records[3].IsValid);
    }

    [Fact]
    public void Chemistry_errors_name_the_atom_and_its_file_line()
    {
        // A carbon with five bonds (valence 5) on record line 5.
        string text = "\n\n\n  6  5  0  0  0  0  0  0  0  0999 V2000\n"
            + SdfRecordTests.Atom("C", 0) + SdfRecordTests.Atom("C", 1) + SdfRecordTests.Atom("C", -1)
            + SdfRecordTests.Atom("C", 0, 1) + SdfRecordTests.Atom("C", 0, -1) + SdfRecordTests.Atom("C", 1, 1)
            + "  1  2  1  0\n  1  3  1  0\n  1  4  1  0\n  1  5  1  0\n  1  6  1  0\nM  END\n$$$$\n";
        var record = Assert.Single(SdfText.Read(text));
        Assert.Equal("atom 1 'C' (file line 5): valence 5 is more than allowed", record.Error);
    }

    [Fact]
    public void Garbage_is_one_error_record()
    {
        var records = SdfText.Read("this is not\na molfile\n$$$$\n" + Good);
        Assert.Equal(2, records.Count);
        Assert.Equal("header (file line 3): the record ends before its counts line", records[0].Error);
        Assert.True(records[1].IsValid);
    }
}
