namespace TopoPool.Core

open System
open System.Collections.Immutable

/// An immutable row-major float32 matrix: one row per node (or cluster), one column per feature.
[<Sealed>]
type FeatureMatrix private (rows: int, columns: int, data: ImmutableArray<float32>) =
    member _.Rows = rows
    member _.Columns = columns
    /// The values, row-major (`Rows * Columns` of them).
    member _.Data = data
    member _.Item
        with get (row: int, column: int) = data.[row * columns + column]
    member _.Row(row: int) : ReadOnlySpan<float32> = data.AsSpan().Slice(row * columns, columns)
    member _.RowArray(row: int) : float32[] = data.AsSpan().Slice(row * columns, columns).ToArray()

    /// A matrix of `rows` rows and `columns` columns from row-major values.
    static member Create(rows: int, columns: int, values: ReadOnlySpan<float32>) =
        if rows < 0 then invalidArg "rows" (sprintf "row count %d is negative" rows)
        if columns < 0 then invalidArg "columns" (sprintf "column count %d is negative" columns)
        if values.Length <> rows * columns then
            invalidArg "values" (sprintf "%d values do not fill %d rows of %d columns" values.Length rows columns)
        FeatureMatrix(rows, columns, ImmutableArray.Create<float32>(values))

    static member Create(rows: int, columns: int, values: float32[]) =
        FeatureMatrix.Create(rows, columns, ReadOnlySpan<float32>(values))

    /// A matrix whose rows are the given rows; every row must have the same length.
    static member OfRows(rowValues: seq<float32[]>) =
        let rowList = Seq.toArray rowValues
        let columns = if rowList.Length = 0 then 0 else rowList.[0].Length
        rowList
        |> Array.iteri (fun i r ->
            if r.Length <> columns then
                invalidArg "rowValues" (sprintf "row %d has %d values, row 0 has %d" i r.Length columns))
        FeatureMatrix.Create(rowList.Length, columns, Array.concat rowList)

    /// A matrix with `rows` rows and no columns: a graph without node features.
    static member Empty(rows: int) = FeatureMatrix.Create(rows, 0, Array.empty<float32>)

    /// The rows at the given indices, in that order.
    member _.SelectRows(indices: seq<int>) =
        let picked = Seq.toArray indices
        let values = Array.zeroCreate<float32> (picked.Length * columns)
        picked |> Array.iteri (fun i r -> data.AsSpan().Slice(r * columns, columns).CopyTo(values.AsSpan(i * columns, columns)))
        FeatureMatrix(picked.Length, columns, ImmutableArray.Create<float32>(values))

    /// The rows of several matrices with the same column count, one after the other.
    static member Concat(parts: seq<FeatureMatrix>) =
        let parts = Seq.toArray parts
        if parts.Length = 0 then FeatureMatrix.Empty 0 else
        let columns = parts.[0].Columns
        parts |> Array.iteri (fun i p ->
            if p.Columns <> columns then
                invalidArg "parts" (sprintf "matrix %d has %d columns, matrix 0 has %d" i p.Columns columns))
        let builder = ImmutableArray.CreateBuilder<float32>(parts |> Array.sumBy (fun p -> p.Data.Length))
        for p in parts do builder.AddRange(p.Data)
        FeatureMatrix(parts |> Array.sumBy (fun p -> p.Rows), columns, builder.MoveToImmutable())

    override _.Equals(o: obj) =
        match o with
        | :? FeatureMatrix as m ->
            m.Rows = rows && m.Columns = columns && m.Data.AsSpan().SequenceEqual(data.AsSpan())
        | _ -> false
    override _.GetHashCode() = HashCode.Combine(rows, columns, (if data.Length > 0 then data.[0] else 0.0f))
    override _.ToString() = sprintf "FeatureMatrix(%d x %d)" rows columns
