using FsCheck;
using FsCheck.Fluent;
using TopoPool.Training.Data;
using Xunit;

namespace TopoPool.Training.Tests;

/// <summary>RFC 4180 records with line numbers, comma or tab separated.</summary>
public class DelimitedRecordReaderTests
{
    private static List<(int Line, string[] Fields)> ReadAll(string text, out DelimitedRecordReader opened)
    {
        using var temp = new TemporaryFolder();
        string path = temp.Write("table.csv", text);
        var records = new List<(int, string[])>();
        using var reader = DelimitedRecordReader.Open(path);
        opened = reader;
        while (reader.TryRead(out List<string> fields, out int line))
        {
            records.Add((line, fields.ToArray()));
        }

        return records;
    }

    [Fact]
    public void The_separator_comes_from_the_header_and_records_know_their_first_line()
    {
        var records = ReadAll("a\tb\n\n1\t\"x\ny\"\n2\t3\n", out DelimitedRecordReader reader);

        Assert.Equal('\t', reader.Separator);
        Assert.Equal(["a", "b"], reader.Header);
        Assert.Equal(3, records[0].Line);
        Assert.Equal(["1", "x\ny"], records[0].Fields);
        Assert.Equal(5, records[1].Line);
        Assert.Null(reader.UnclosedQuoteLine);
    }

    [Fact]
    public void Quotes_inside_unquoted_text_are_text_and_empty_fields_are_kept()
    {
        var records = ReadAll("a,b,c\nab\"c,,\" q \"\n", out DelimitedRecordReader reader);

        Assert.Equal(',', reader.Separator);
        Assert.Equal(["ab\"c", "", " q "], Assert.Single(records).Fields);
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Quoted_fields_read_back_exactly() =>
        Prop.ForAll(
            Gen.ArrayOf(Gen.Elements("", "a", ",", "\"", "\n", " ", "x,y", "\"\"", "\t", "C1=CC=CC=C1")).Select(parts => string.Concat(parts)).ArrayOf().ToArbitrary(),
            values =>
            {
                string[] fields = values.Length == 0 ? ["only"] : values;
                string text = "h\n" + string.Join(",", fields.Select(f => "\"" + f.Replace("\"", "\"\"") + "\"")) + "\n";
                var records = ReadAll(text, out _);
                return records.Count == 1 && records[0].Fields.SequenceEqual(fields) && records[0].Line == 2;
            });
}
