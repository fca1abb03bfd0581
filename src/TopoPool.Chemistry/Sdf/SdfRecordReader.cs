using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using TopoPool.Chemistry.Tables;

namespace TopoPool.Chemistry.Sdf;

/// <summary>
/// Reads the records of an SDF (or the single record of a MOL file) one at a time: the connection table, then the
/// data items <c>&gt; &lt;NAME&gt;</c> that follow its <c>M  END</c> line, each with its value lines up to a blank
/// line. A record that cannot be read becomes a record with an error (its data items are still read when its
/// <c>M  END</c> line can be found), and reading goes on after its <c>$$$$</c>.
/// </summary>
internal sealed class SdfRecordReader
{
    private readonly SdfLineSource lines;
    private readonly MolBlockParser parser = new();
    private readonly MolBlock block = new();
    private readonly List<(string Name, string Value)> items = new();
    private readonly StringBuilder value = new();

    public SdfRecordReader(TextReader reader)
    {
        lines = new SdfLineSource(reader);
    }

    /// <summary>
    /// The data item names of every record, in the order they are first seen: the first pass over a file, which
    /// fixes the columns before the records are read. It reads no connection table, only finds its end.
    /// </summary>
    public List<string> CollectDataItemNames()
    {
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (lines.BeginRecord() != SdfLineSource.RecordStart.None)
        {
            lines.SkipConnectionTable();
            ReadDataItems(keepValues: false);
            foreach (var (name, _) in items)
            {
                if (seen.Add(name))
                {
                    names.Add(name);
                }
            }
        }

        return names;
    }

    /// <summary>The records, with their data items placed in <paramref name="columns"/> (empty where absent).</summary>
    public IEnumerable<MoleculeRecord> ReadRecords(ImmutableArray<string> columns)
    {
        var indexOfColumn = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < columns.Length; i++)
        {
            indexOfColumn.TryAdd(columns[i], i);
        }

        int row = 0;
        while (true)
        {
            var start = lines.BeginRecord();
            if (start == SdfLineSource.RecordStart.None)
            {
                yield break;
            }

            row++;
            int firstLine = lines.RecordFirstLine;
            string? error;
            Molecule? molecule = null;
            if (start == SdfLineSource.RecordStart.Empty)
            {
                error = $"empty record (file line {lines.CurrentLine} ends it)";
            }
            else
            {
                error = parser.Parse(lines, block);
                if (error is null)
                {
                    error = MolBlockMoleculeBuilder.Current.Build(block, firstLine, out molecule);
                }
            }

            lines.SkipConnectionTable();
            ReadDataItems(keepValues: true);
            var values = new string[columns.Length];
            Array.Fill(values, string.Empty);
            foreach (var (name, text) in items)
            {
                if (indexOfColumn.TryGetValue(name, out int column))
                {
                    values[column] = text;
                }
            }

            yield return new MoleculeRecord(
                row,
                firstLine,
                ImmutableCollectionsMarshal.AsImmutableArray(values),
                Smiles: null,
                error is null ? molecule : null,
                error);
        }
    }

    /// <summary>
    /// The data items after the connection table, into <see cref="items"/> (a name given twice keeps its last
    /// value, as RDKit does). A header is a line starting with <c>&gt;</c>; its name is what stands between the
    /// first <c>&lt;</c> and the last <c>&gt;</c>; a header without one names nothing and its value is skipped.
    /// Value lines are joined with <c>\n</c>.
    /// </summary>
    private void ReadDataItems(bool keepValues)
    {
        items.Clear();
        if (!lines.PastConnectionTable)
        {
            return;
        }

        string? line;
        while ((line = lines.Next()) is not null)
        {
            if (line.Length == 0 || line[0] != '>')
            {
                continue;
            }

            string? name = ItemName(line);
            value.Clear();
            bool first = true;
            string? valueLine;
            while ((valueLine = lines.Next()) is not null && !SdfLineSource.IsBlank(valueLine))
            {
                if (keepValues)
                {
                    if (!first)
                    {
                        value.Append('\n');
                    }

                    value.Append(valueLine);
                }

                first = false;
            }

            if (name is not null)
            {
                int existing = items.FindIndex(item => item.Name == name);
                var item = (name, keepValues ? value.ToString() : string.Empty);
                if (existing >= 0)
                {
                    items[existing] = item;
                }
                else
                {
                    items.Add(item);
                }
            }

            if (valueLine is null)
            {
                return;
            }
        }
    }

    private static string? ItemName(string header)
    {
        int open = header.IndexOf('<');
        int close = header.LastIndexOf('>');
        return open >= 0 && close > open ? header.Substring(open + 1, close - open - 1) : null;
    }
}
