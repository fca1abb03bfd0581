using Parquet;
using Parquet.Schema;
using TopoPool.Training.OwnData;

namespace TopoPool.Training.Tables;

/// <summary>
/// A <see cref="RecordTableWriter"/> of Parquet (Parquet.Net): <c>row</c> as int32, the input's columns and <c>error</c>
/// as strings (error null for computed records), value columns as nullable doubles. Rows are written in row groups of
/// <see cref="RowGroupSize"/>, so memory holds one group whatever the length of the input.
/// </summary>
public sealed class ParquetRecordTableWriter : RecordTableWriter
{
    public const int RowGroupSize = 50_000;

    private readonly FileStream stream;
    private readonly ParquetWriter writer;
    private readonly ParquetSchema schema;
    private readonly List<int> rows = new(RowGroupSize);
    private readonly List<string?>[] inputs;
    private readonly List<double?>[] values;
    private readonly List<string?> errors = new(RowGroupSize);

    public ParquetRecordTableWriter(string path, RecordTableLayout layout) : base(layout)
    {
        var fields = new List<Field> { new DataField<int>(RecordTableLayout.RowColumn) };
        fields.AddRange(layout.InputColumns.Select(c => new DataField<string>(c, nullable: true)));
        fields.AddRange(layout.ValueColumns.Select(c => new DataField<double?>(c)));
        fields.Add(new DataField<string>(RecordTableLayout.ErrorColumn, nullable: true));
        schema = new ParquetSchema(fields);
        inputs = layout.InputColumns.Select(_ => new List<string?>(RowGroupSize)).ToArray();
        values = layout.ValueColumns.Select(_ => new List<double?>(RowGroupSize)).ToArray();
        stream = File.Create(path);
        writer = ParquetWriter.CreateAsync(schema, stream).GetAwaiter().GetResult();
    }

    public override void Write(RecordOutput output)
    {
        rows.Add(output.Record.Row);
        for (int i = 0; i < inputs.Length; i++) inputs[i].Add(i < output.Record.Values.Length ? output.Record.Values[i] : "");
        for (int i = 0; i < values.Length; i++) values[i].Add(output.Values?[i]);
        errors.Add(output.Error);
        Rows++;
        if (rows.Count >= RowGroupSize) Flush();
    }

    private void Flush()
    {
        if (rows.Count == 0 && Rows > 0) return;
        using var group = writer.CreateRowGroup();
        var fields = schema.DataFields;
        int f = 0;
        group.WriteAsync<int>(fields[f++], rows.ToArray()).GetAwaiter().GetResult();
        foreach (var column in inputs) group.WriteAsync(fields[f++], column.ToArray()).GetAwaiter().GetResult();
        foreach (var column in values) group.WriteAsync<double>(fields[f++], column.ToArray()).GetAwaiter().GetResult();
        group.WriteAsync(fields[f], errors.ToArray()).GetAwaiter().GetResult();
        rows.Clear();
        foreach (var column in inputs) column.Clear();
        foreach (var column in values) column.Clear();
        errors.Clear();
    }

    protected override void Dispose(bool disposing)
    {
        if (!disposing) return;
        if (rows.Count > 0 || Rows == 0) Flush();
        writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        stream.Dispose();
    }
}
