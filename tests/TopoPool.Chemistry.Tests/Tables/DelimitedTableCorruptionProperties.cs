using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using TopoPool.Chemistry.Tables;
using TopoPool.Testing;
using Xunit;

namespace TopoPool.Chemistry.Tests.Tables;

/// <summary>
/// Nothing valid is ever lost: a valid CSV/TSV (rows of real SMILES from caco2_wang.csv and random values with
/// separators, quotes and line breaks) gets random corruptions in some rows — a quote dropped, a stray quote, a row cut
/// short, fields added, binary garbage, the file cut in the middle of a row — and every row that was not corrupted
/// must be read back exactly, in order, once, without anything thrown. Shrinking removes rows and corruptions.
/// </summary>
/// <remarks>
/// One thing no reader can tell: a quote left open inside a quoted field that is closed by the opening quote of a later
/// field whose text starts with a separator or a line break (<c>"a""</c> … <c>,"\nb"</c>) turns the file into another
/// valid CSV, in which the corrupted row's field holds the rows in between. Values here never start (after quotes and
/// spaces) with a separator or a line break, so every corruption is one that can be told. And a value never holds a whole line that
/// would be a complete row by itself (it has at most two separators), which the reader takes as a sign of damage.
/// </remarks>
public sealed class DelimitedTableCorruptionProperties
{
    private static readonly string[] SmilesPool =
        CsvRows.Read(SharedFolder.Path("data", "tdc", "caco2_wang.csv")).Select(r => r["Drug"]).ToArray();

    // No 'R' or 'Z' in values or garbage, so only a row's own id field reads R<n>Z.
    private static readonly string[] NotePieces = ["a", "b", " ", ",", "\t", "\"", "\n", "\r\n", "é", "0", "1", ";", "''", "\u2028"];
    private static readonly string[] GarbagePieces = ["\0", "\u0001", "\u00ff", "\uFFFD", "\"", ",", "\t", "\n", "\r", " ", "x", "é", "\u001b"];

    private enum Corruption
    {
        DropQuote,
        StrayQuote,
        CutShort,
        AddFields,
        Garbage,
    }

    private sealed record RowSpec(int SmilesPick, double Target, string Note, bool QuoteAll, Corruption? Damage, int DamageAt, string Garbage);

    private sealed record TableCase(bool Tabs, bool WindowsLineEnds, bool ByteOrderMark, ImmutableArray<RowSpec> Rows, int? CutInRow, int CutAt)
    {
        public override string ToString() =>
            $"tabs={Tabs} crlf={WindowsLineEnds} bom={ByteOrderMark} cut={CutInRow?.ToString(CultureInfo.InvariantCulture) ?? "-"}@{CutAt}\n" +
            string.Join("\n", Rows.Select((r, i) => $"  {i}: {r}"));
    }

    private static Gen<string> Pieces(string[] pieces, int max) =>
        Gen.Choose(0, max).SelectMany(n => Gen.Elements(pieces).ArrayOf(n)).Select(p => string.Concat(p));

    private static readonly Gen<RowSpec> RowGen =
        from pick in Gen.Choose(0, SmilesPool.Length - 1)
        from target in Gen.Choose(-9000, 9000).Select(v => v / 1000.0)
        from note in Pieces(NotePieces, 6)
        from quoteAll in Gen.Elements(false, false, true)
        from damaged in Gen.Choose(0, 99)
        from kind in Gen.Elements(Enum.GetValues<Corruption>())
        from at in Gen.Choose(0, 1000)
        from garbage in Pieces(GarbagePieces, 5).Where(g => g.Length > 0)
        select new RowSpec(pick, target, Unambiguous(note), quoteAll, damaged < 25 ? kind : null, at, garbage);

    private static string Unambiguous(string note)
    {
        var text = new StringBuilder();
        int separators = 0;
        foreach (char c in note)
        {
            if (c is ',' or '\t' && ++separators > 2)
            {
                continue;
            }

            text.Append(c);
        }

        string kept = text.ToString();
        // Written, such a value's opening quote (with the value's own leading quotes, doubled) can close a quote left
        // open before it right at a field boundary.
        return kept.TrimStart('"').TrimStart(' ') is { Length: > 0 } rest && rest[0] is ',' or '\t' or '\r' or '\n' ? "a" + kept : kept;
    }

    private static readonly Gen<TableCase> CaseGen =
        from tabs in Gen.Elements(false, true)
        from crlf in Gen.Elements(false, true)
        from bom in Gen.Elements(false, true)
        from rows in Gen.Choose(1, 40).SelectMany(n => RowGen.ArrayOf(n))
        from cut in Gen.Choose(0, 99)
        from cutAt in Gen.Choose(0, 1000)
        select new TableCase(tabs, crlf, bom, [.. rows], cut < 20 ? cut % rows.Length : null, cutAt);

    private static IEnumerable<TableCase> Shrink(TableCase c)
    {
        for (int i = 0; i < c.Rows.Length && c.Rows.Length > 1; i++)
        {
            int? cut = c.CutInRow is int k ? (k == i ? null : k > i ? k - 1 : k) : null;
            yield return c with { Rows = c.Rows.RemoveAt(i), CutInRow = cut };
        }

        if (c.CutInRow is not null)
        {
            yield return c with { CutInRow = null };
        }

        for (int i = 0; i < c.Rows.Length; i++)
        {
            if (c.Rows[i].Damage is not null)
            {
                yield return c with { Rows = c.Rows.SetItem(i, c.Rows[i] with { Damage = null }) };
            }
        }

        foreach (var flags in new[] { c with { Tabs = false }, c with { WindowsLineEnds = false }, c with { ByteOrderMark = false } })
        {
            if (flags != c)
            {
                yield return flags;
            }
        }
    }

    [FsCheck.Xunit.Property(MaxTest = 1000)]
    public Property Every_row_that_was_not_corrupted_is_read_back_exactly_and_in_order() =>
        Prop.ForAll(Arb.From(CaseGen, Shrink), c =>
        {
            (string text, List<string[]> expected) = Render(c);
            using var folder = new ScratchFolder();
            string path = folder.WriteBytes(c.Tabs ? "case.tsv" : "case.csv", Encoding.UTF8.GetBytes(text));
            using var table = DelimitedTable.Open(path);
            List<TableRecord> records = table.Read().ToList();

            var expectedIds = expected.Select(v => v[0]).ToHashSet();
            var kept = records.Where(r => r.IsValid && r.Values.Length > 0 && expectedIds.Contains(r.Values[0])).Select(r => r.Values.ToArray()).ToList();
            bool numbered = records.Select(r => r.Row).SequenceEqual(Enumerable.Range(1, records.Count));
            bool sameRows = kept.Count == expected.Count && kept.Zip(expected).All(p => p.First.SequenceEqual(p.Second));
            return (table.Columns.SequenceEqual(["id", "smiles", "y", "note"]) && numbered && sameRows)
                .Label($"file:\n{Visible(text)}\nexpected:\n{string.Join("\n", expected.Select(Show))}\nread:\n{string.Join("\n", records.Select(r => $"{r.Line}: {(r.IsValid ? Show(r.Values.ToArray()) : r.Error)}"))}");
        });

    /// <summary>The file's text and the values of the rows that stayed intact, in order.</summary>
    private static (string Text, List<string[]> Expected) Render(TableCase c)
    {
        char separator = c.Tabs ? '\t' : ',';
        string end = c.WindowsLineEnds ? "\r\n" : "\n";
        var text = new StringBuilder();
        if (c.ByteOrderMark)
        {
            text.Append('\uFEFF');
        }

        text.Append(string.Join(separator, "id", "smiles", "y", "note")).Append(end);
        var expected = new List<string[]>();
        for (int i = 0; i < c.Rows.Length; i++)
        {
            RowSpec row = c.Rows[i];
            string[] values = [$"R{i + 1}Z", SmilesPool[row.SmilesPick], row.Target.ToString("R", CultureInfo.InvariantCulture), row.Note];
            string line = string.Join(separator, values.Select(v => Field(v, separator, row.QuoteAll)));
            if (c.CutInRow == i)
            {
                text.Append(line.AsSpan(0, 1 + (c.CutAt % Math.Max(1, line.Length - 1))));
                return (text.ToString(), expected);
            }

            if (row.Damage is Corruption damage)
            {
                line = Damage(line, damage, row.DamageAt, row.Garbage, separator);
            }
            else
            {
                expected.Add(values);
            }

            text.Append(line).Append(end);
        }

        return (text.ToString(), expected);
    }

    private static string Field(string value, char separator, bool quoteAll) =>
        quoteAll || value.AsSpan().IndexOfAny(separator, '"', '\n') >= 0 || value.Contains('\r')
            ? "\"" + value.Replace("\"", "\"\"") + "\""
            : value;

    private static string Damage(string line, Corruption damage, int at, string garbage, char separator)
    {
        switch (damage)
        {
            case Corruption.DropQuote:
                int[] quotes = Enumerable.Range(0, line.Length).Where(i => line[i] == '"').ToArray();
                return quotes.Length == 0 ? line.Insert(at % (line.Length + 1), "\"") : line.Remove(quotes[at % quotes.Length], 1);
            case Corruption.StrayQuote:
                return line.Insert(at % (line.Length + 1), "\"");
            case Corruption.CutShort:
                return line[..(1 + (at % Math.Max(1, line.Length - 1)))];
            case Corruption.AddFields:
                return line + separator + "extra" + (at % 2 == 0 ? "" : separator + "more");
            default:
                return line.Insert(at % (line.Length + 1), garbage);
        }
    }

    private static string Show(string[] values) => "[" + string.Join(" | ", values.Select(Visible)) + "]";

    private static string Visible(string text) =>
        text.Replace("\r", "\\r").Replace("\n", "\\n\n").Replace("\t", "\\t").Replace("\0", "\\0");

    [Fact]
    public void The_shared_tdc_tables_read_without_a_single_bad_row()
    {
        foreach (string file in new[] { "caco2_wang.csv", "ppbr_az.csv", "ppbr_az_human.csv" })
        {
            string path = SharedFolder.Path("data", "tdc", file);
            using var table = DelimitedTable.Open(path);
            List<TableRecord> records = table.Read().ToList();

            Assert.Empty(records.Where(r => !r.IsValid).Select(r => r.Describe(file)));
            Assert.Equal(File.ReadLines(path).Count(l => l.Length > 0) - 1, records.Count); // no field spans lines there
        }
    }
}
