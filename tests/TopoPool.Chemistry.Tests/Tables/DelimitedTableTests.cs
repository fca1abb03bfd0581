using System.Text;
using TopoPool.Chemistry.Tables;
using Xunit;

namespace TopoPool.Chemistry.Tests.Tables;

/// <summary>Hand-written tables, good and bad: what is read, what is reported (with its line), and that nothing valid is lost.</summary>
[Collection(TemporaryCopies.Name)]
public sealed class DelimitedTableTests
{
    private sealed record Read(char Separator, string[] Columns, List<TableRecord> Records)
    {
        public IEnumerable<string[]> ValidValues => Records.Where(r => r.IsValid).Select(r => r.Values.ToArray());

        public IEnumerable<TableRecord> Errors => Records.Where(r => !r.IsValid);
    }

    private static Read ReadText(string text, string name = "table.csv", DelimitedTableOptions? options = null)
    {
        using var folder = new ScratchFolder();
        return ReadFile(folder.Write(name, text), options);
    }

    private static Read ReadFile(string path, DelimitedTableOptions? options = null)
    {
        using var table = DelimitedTable.Open(path, options);
        return new Read(table.Separator, table.Columns.ToArray(), table.Read().ToList());
    }

    [Fact]
    public void Quoted_fields_hold_separators_doubled_quotes_and_line_breaks()
    {
        var read = ReadText("id,smiles,note\n\"a, b\",CCO,\"say \"\"hi\"\"\"\n2,CCN,\"two\nlines\"\n3,CCC,\"\"\n");

        Assert.Equal(["id", "smiles", "note"], read.Columns);
        Assert.Equal([["a, b", "CCO", "say \"hi\""], ["2", "CCN", "two\nlines"], ["3", "CCC", ""]], read.ValidValues);
        Assert.Equal([2, 3, 5], read.Records.Select(r => r.Line));
        Assert.Equal([1, 2, 3], read.Records.Select(r => r.Row));
        Assert.Empty(read.Errors);
    }

    [Fact]
    public void Windows_line_ends_are_line_breaks_and_kept_inside_quotes()
    {
        var read = ReadText("a,b\r\n1,\"x\r\ny\"\r\n3,4\r\n");

        Assert.Equal([["1", "x\r\ny"], ["3", "4"]], read.ValidValues);
        Assert.Equal([2, 4], read.Records.Select(r => r.Line));
    }

    [Fact]
    public void A_byte_order_mark_is_skipped()
    {
        using var folder = new ScratchFolder();
        string path = folder.WriteBytes("bom.csv", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("smiles,y\nCCO,1\n")]);

        var read = ReadFile(path);

        Assert.Equal(["smiles", "y"], read.Columns);
        Assert.Equal([["CCO", "1"]], read.ValidValues);
    }

    [Fact]
    public void A_tab_in_the_header_makes_the_separator_a_tab_and_commas_are_text()
    {
        var read = ReadText("name\tsmiles\nx, y\tCCO\n");

        Assert.Equal('\t', read.Separator);
        Assert.Equal([["x, y", "CCO"]], read.ValidValues);
    }

    [Fact]
    public void A_tsv_file_is_tab_separated_even_with_one_column()
    {
        var read = ReadText("smiles\nC,C\n", "one.tsv");

        Assert.Equal('\t', read.Separator);
        Assert.Equal([["C,C"]], read.ValidValues);
    }

    [Fact]
    public void A_given_separator_wins()
    {
        var read = ReadText("a;b\n1;2\n", options: new DelimitedTableOptions { Separator = ';' });

        Assert.Equal([["1", "2"]], read.ValidValues);
    }

    [Fact]
    public void Blank_lines_are_skipped_and_are_not_records()
    {
        var read = ReadText("\n  \na,b\n\n1,2\n \t \n\n3,4\n\n\n");

        Assert.Equal(["a", "b"], read.Columns);
        Assert.Equal([["1", "2"], ["3", "4"]], read.ValidValues);
        Assert.Equal([5, 8], read.Records.Select(r => r.Line));
        Assert.Equal([1, 2], read.Records.Select(r => r.Row));
    }

    [Fact]
    public void Spaces_around_quotes_are_dropped_and_unquoted_spaces_kept()
    {
        var read = ReadText(" a , \"b\" \n 1 ,  \"x\"\"y\"  \n");

        Assert.Equal(["a", "b"], read.Columns);
        Assert.Equal([[" 1 ", "x\"y"]], read.ValidValues);
    }

    [Fact]
    public void A_short_row_and_a_long_row_are_reported_and_the_rows_around_them_kept()
    {
        var read = ReadText("id,smiles,y\n1,CCO,1\n2\n3,CCN,3\n4,CCC,4,extra\n5,CCCl,5\n");

        Assert.Equal([["1", "CCO", "1"], ["3", "CCN", "3"], ["5", "CCCl", "5"]], read.ValidValues);
        Assert.Equal([(3, 2, "expected 3 fields as in the header, found 1"), (5, 4, "expected 3 fields as in the header, found 4")],
            read.Errors.Select(e => (e.Line, e.Row, e.Error)));
        Assert.All(read.Errors, e => Assert.Equal(["", "", ""], e.Values.ToArray()));
        Assert.Equal([1, 2, 3, 4, 5], read.Records.Select(r => r.Row));
    }

    [Fact]
    public void An_unterminated_quote_in_the_middle_costs_only_its_row()
    {
        var read = ReadText("id,smiles,y\n1,CCO,1\n2,CCN,2\n3,CCC,3\n5,\"unterminated,3\n6,CCCl,6\n7,\"quoted, id\",7\n8,CCBr,8\n");

        Assert.Equal([["1", "CCO", "1"], ["2", "CCN", "2"], ["3", "CCC", "3"], ["6", "CCCl", "6"], ["7", "quoted, id", "7"], ["8", "CCBr", "8"]],
            read.ValidValues);
        TableRecord bad = Assert.Single(read.Errors);
        Assert.Equal("table.csv line 5: a quote opened at column 3 is never closed", bad.Describe("table.csv"));
        Assert.Equal(4, bad.Row);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], read.Records.Select(r => r.Row));
    }

    [Fact]
    public void A_quote_left_open_to_the_end_of_the_file_is_never_closed()
    {
        var read = ReadText("id,smiles,y\n1,CCO,1\n5,\"unterminated,3\n6,CCCl,6\n8,CCBr,8\n");

        Assert.Equal([["1", "CCO", "1"], ["6", "CCCl", "6"], ["8", "CCBr", "8"]], read.ValidValues);
        Assert.Equal("table.csv line 3: a quote opened at column 3 is never closed", Assert.Single(read.Errors).Describe("table.csv"));
    }

    [Theory]
    [InlineData("id,smiles\n1,CCO\n2,\"CCN\n", 3, "a quote opened at column 3 is never closed")]
    [InlineData("id,smiles\n1,CCO\n2,\"CCN", 3, "a quote opened at column 3 is never closed")]
    [InlineData("id,smiles\n1,CCO\n\"2,CCN", 3, "a quote opened at column 1 is never closed")]
    public void An_unterminated_quote_in_the_last_row_is_reported(string text, int line, string error)
    {
        var read = ReadText(text);

        Assert.Equal([["1", "CCO"]], read.ValidValues);
        TableRecord bad = Assert.Single(read.Errors);
        Assert.Equal((line, error), (bad.Line, bad.Error));
    }

    [Fact]
    public void Text_after_a_closing_quote_is_reported()
    {
        var read = ReadText("a,b\n1,\"ab\"c\n2,3\n");

        Assert.Equal([["2", "3"]], read.ValidValues);
        Assert.Equal("field 2 has text after its closing quote (column 7)", Assert.Single(read.Errors).Error);
    }

    [Fact]
    public void A_stray_quote_inside_text_is_text_on_its_own_line()
    {
        var read = ReadText("a,b,c\n1,ab\"c\"d,2\n3,4,5\n");

        Assert.Equal([["1", "ab\"c\"d", "2"], ["3", "4", "5"]], read.ValidValues);
    }

    [Fact]
    public void A_lone_quote_inside_text_is_text_and_swallows_nothing()
    {
        var read = ReadText("a,b,c\n1,5\" disk,2\n3,4,5\n6,\"x\",7\n8,9,10\n");

        Assert.Equal([["1", "5\" disk", "2"], ["3", "4", "5"], ["6", "x", "7"], ["8", "9", "10"]], read.ValidValues);
        Assert.Empty(read.Errors);
    }

    [Fact]
    public void Quotes_inside_unquoted_text_are_text_and_empty_fields_are_kept()
    {
        var read = ReadText("a,b,c\nab\"c,,\" q \"\n");

        Assert.Equal([["ab\"c", "", " q "]], read.ValidValues);
    }

    [Fact]
    public void A_lone_quote_in_a_row_with_the_wrong_field_count_costs_only_its_row()
    {
        var read = ReadText("a,b,c\n1,ab\"c\n3,4,5\n6,\"x\",7\n");

        Assert.Equal([["3", "4", "5"], ["6", "x", "7"]], read.ValidValues);
        TableRecord bad = Assert.Single(read.Errors);
        Assert.Equal((2, "a quote opened at column 5 is never closed"), (bad.Line, bad.Error));
    }

    [Fact]
    public void A_quote_closed_on_a_later_line_in_a_bad_row_is_reported_with_the_line_it_runs_to()
    {
        var read = ReadText("id,smiles,y\n5,\"unterminated,3\n6,CCCl,6\n7,CC\"C,7\n8,CCBr,8\n");

        Assert.Equal([["6", "CCCl", "6"], ["7", "CC\"C", "7"], ["8", "CCBr", "8"]], read.ValidValues);
        Assert.Equal(
            [(2, "a quote opened at column 3 is not closed on its line (the row would run on to line 4)")],
            read.Errors.Select(e => (e.Line, e.Error!)));
    }

    [Fact]
    public void A_row_that_would_swallow_a_complete_row_is_malformed_and_the_row_is_kept()
    {
        // Row 2 lost the quote that closed its note, row 4 lost the quote that opened its own: read by the book, row 2's
        // note would run over row 3 and end at row 4's stray quote.
        var read = ReadText("id,smiles,note\n2,CCO,\"a\n3,CCN,b\n4,CCC,c\"\n5,CCBr,e\n");

        Assert.Contains(["3", "CCN", "b"], read.ValidValues);
        Assert.Contains(["5", "CCBr", "e"], read.ValidValues);
        Assert.Equal("a quote opened at column 7 is not closed on its line (the row would run on to line 4 and swallow line 3, a complete row)",
            read.Errors.First().Error);
    }

    [Fact]
    public void Binary_garbage_is_read_as_text_and_does_not_disturb_other_rows()
    {
        var read = ReadText("a,b\n1,\0\u0001\uFFFD\u00e9\n3,4\n");

        Assert.Equal([["1", "\0\u0001\uFFFD\u00e9"], ["3", "4"]], read.ValidValues);
    }

    [Fact]
    public void A_header_only_table_has_columns_and_no_records()
    {
        var read = ReadText("smiles,name\n");

        Assert.Equal(["smiles", "name"], read.Columns);
        Assert.Empty(read.Records);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n  \n")]
    public void An_empty_file_has_no_columns_and_no_records(string text)
    {
        using var folder = new ScratchFolder();
        using var table = DelimitedTable.Open(folder.Write("empty.csv", text));

        Assert.True(table.IsEmpty);
        Assert.Empty(table.Columns);
        Assert.Empty(table.Read());
        Assert.Equal(0, table.HeaderLine);
    }

    [Fact]
    public void A_header_with_a_quote_never_closed_cannot_be_read()
    {
        using var folder = new ScratchFolder();
        string path = folder.Write("bad-header.csv", "\"smiles,y\n1,2\n");

        var error = Assert.Throws<TableHeaderException>(() => DelimitedTable.Open(path));

        Assert.Equal("bad-header.csv line 1: the header cannot be read: a quote opened at column 1 is never closed", error.Message);
    }

    [Fact]
    public void A_missing_file_and_a_folder_are_named()
    {
        using var folder = new ScratchFolder();
        string missing = System.IO.Path.Combine(folder.Path, "missing.csv");

        Assert.Equal($"{missing}: no such file", Assert.Throws<FileNotFoundException>(() => DelimitedTable.Open(missing)).Message);
        Assert.Equal($"{folder.Path}: is a folder, not a file", Assert.Throws<FileNotFoundException>(() => DelimitedTable.Open(folder.Path)).Message);
    }

    [Fact]
    public void A_cut_short_last_row_is_reported_only_when_a_final_line_break_is_required()
    {
        const string text = "dataset,seed,value\nmutag,1,0.85\nmutag,2,0.8";
        var strict = ReadText(text, options: new DelimitedTableOptions { RequireFinalLineBreak = true });
        var lenient = ReadText(text);
        var complete = ReadText(text + "\n  ", options: new DelimitedTableOptions { RequireFinalLineBreak = true });

        Assert.Equal([["mutag", "1", "0.85"]], strict.ValidValues);
        Assert.Equal((3, 2, "the last row has no line break after it: the file was cut short"), strict.Errors.Select(e => (e.Line, e.Row, e.Error)).Single());
        Assert.Equal(2, lenient.ValidValues.Count());
        Assert.Equal(2, complete.ValidValues.Count());
    }

    [Fact]
    public void A_stream_is_read_like_a_file_and_its_copy_is_removed()
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes("smiles\tname\nCCO\tethanol\n"));
        string temp = System.IO.Path.GetTempPath();
        int before = Directory.GetFiles(temp, $"topopool-input-{Environment.ProcessId}-*").Length;
        List<TableRecord> records;
        using (var table = DelimitedTable.Open(input, "standard input"))
        {
            Assert.Equal("standard input", table.Source);
            records = table.Read().ToList();
        }

        Assert.Equal(["CCO", "ethanol"], Assert.Single(records).Values.ToArray());
        Assert.Equal(before, Directory.GetFiles(temp, $"topopool-input-{Environment.ProcessId}-*").Length);
    }

    [Fact]
    public void Records_are_read_once()
    {
        using var folder = new ScratchFolder();
        using var table = DelimitedTable.Open(folder.Write("t.csv", "a\n1\n"));
        _ = table.Read().ToList();

        Assert.Throws<InvalidOperationException>(() => table.Read());
    }

    [Fact]
    public void Column_lookup_ignores_case_and_takes_the_first_of_equal_names()
    {
        using var folder = new ScratchFolder();
        using var table = DelimitedTable.Open(folder.Write("t.csv", "Drug_ID, Drug ,drug,Y\n"));

        Assert.Equal(1, table.ColumnIndex("DRUG"));
        Assert.Equal(-1, table.ColumnIndex("smiles"));
    }

    [Fact]
    public void A_row_longer_than_the_library_reads_is_reported_and_reading_goes_on()
    {
        var text = new StringBuilder("id,value\n1,ok\n2,\"open\n");
        string filler = new('x', 999);
        while (text.Length <= DelimitedTable.MaxRowLength + 10_000)
        {
            text.Append(filler).Append('\n');
        }

        text.Append("3,after\n");
        var read = ReadText(text.ToString());

        TableRecord bad = read.Errors.First();
        Assert.Equal((3, "a quote opened at column 3 is never closed"), (bad.Line, bad.Error));
        Assert.Equal(["3", "after"], read.ValidValues.Last());
        Assert.Equal(["1", "ok"], read.ValidValues.First());
    }
}
