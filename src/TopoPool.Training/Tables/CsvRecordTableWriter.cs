using System.Globalization;
using nietras.SeparatedValues;
using TopoPool.Training.OwnData;

namespace TopoPool.Training.Tables;

/// <summary>A <see cref="RecordTableWriter"/> of RFC 4180 CSV (the Sep library; fields quoted where they must be), numbers
/// in the invariant culture, shortest round-trip form.</summary>
public sealed class CsvRecordTableWriter : RecordTableWriter
{
    private readonly SepWriter writer;
    private readonly TextWriter text;
    private readonly bool leaveOpen;

    public CsvRecordTableWriter(TextWriter text, RecordTableLayout layout, bool leaveOpen) : base(layout)
    {
        this.text = text;
        this.leaveOpen = leaveOpen;
        writer = Sep.New(',').Writer(o => o with { Escape = true }).To(text, leaveOpen: true);
        // Sep writes the header with the first row; a table without rows still gets its header.
        writer.Header.Add(layout.Header.ToArray());
    }

    public override void Write(RecordOutput output)
    {
        using (var row = writer.NewRow())
        {
            row[RecordTableLayout.RowColumn].Set(output.Record.Row.ToString(CultureInfo.InvariantCulture));
            for (int i = 0; i < Layout.InputColumns.Count; i++)
                row[Layout.InputColumns[i]].Set(i < output.Record.Values.Length ? output.Record.Values[i] : "");
            for (int i = 0; i < Layout.ValueColumns.Count; i++)
                row[Layout.ValueColumns[i]].Set(output.Values is { } values ? values[i].ToString("R", CultureInfo.InvariantCulture) : "");
            row[RecordTableLayout.ErrorColumn].Set(output.Error ?? "");
        }
        Rows++;
    }

    protected override void Dispose(bool disposing)
    {
        if (!disposing) return;
        if (Rows == 0) writer.Header.Write();
        writer.Dispose();
        text.Flush();
        if (!leaveOpen) text.Dispose();
    }
}
