using TopoPool.Torch.Scatter;
using TorchSharp;
using static TorchSharp.torch;

namespace TopoPool.Torch.Pooling.Baselines;

/// <summary>
/// A sparse matrix as COO triples whose values keep their gradient (TorchSharp's sparse tensors pass none to their
/// values): what ASAPool's <c>SᵀAS</c> needs. Products are built with index operations only: each entry of the left
/// factor is paired with the entries of the matching row of the right factor (a sort, <c>repeat_interleave</c>
/// and gathers), then equal (row, column) pairs are summed; the result is coalesced and sorted by (row, column).
/// </summary>
internal sealed record SparseCooMatrix(Tensor Row, Tensor Column, Tensor Value, long Rows, long Columns)
{
    public SparseCooMatrix Transpose() => this with { Row = Column, Column = Row, Rows = Columns, Columns = Rows };

    /// <summary><c>this · right</c>; the result's tensors belong to the caller's dispose scope.</summary>
    public SparseCooMatrix Multiply(SparseCooMatrix right)
    {
        if (Columns != right.Rows) throw new ArgumentException($"cannot multiply {Rows} × {Columns} by {right.Rows} × {right.Columns}");
        using var scope = NewDisposeScope();
        var device = Row.device;
        var (rightRow, rightOrder) = right.Row.sort(stable: true);
        var rightColumn = right.Column.index_select(0, rightOrder);
        var rightValue = right.Value.index_select(0, rightOrder);
        var rowCount = ScatterReduce.Count(rightRow, right.Rows);
        var rowStart = rowCount.cumsum(0) - rowCount;
        var repeats = rowCount.index_select(0, Column);
        long pairs = repeats.numel() == 0 ? 0 : repeats.sum().item<long>();
        if (pairs == 0)
        {
            var none = empty(0, ScalarType.Int64, device);
            return new SparseCooMatrix(none.MoveToOuterDisposeScope(), none.alias().MoveToOuterDisposeScope(),
                                       empty(0, Value.dtype, device).MoveToOuterDisposeScope(), Rows, right.Columns);
        }
        var left = arange(Row.shape[0], ScalarType.Int64, device).repeat_interleave(repeats, output_size: pairs);
        var firstPair = repeats.cumsum(0) - repeats;
        var offset = arange(pairs, ScalarType.Int64, device) - firstPair.index_select(0, left);
        var rightEntry = rowStart.index_select(0, Column).index_select(0, left) + offset;
        var key = Row.index_select(0, left) * right.Columns + rightColumn.index_select(0, rightEntry);
        var products = Value.index_select(0, left) * rightValue.index_select(0, rightEntry);
        var (distinct, inverse, _) = key.unique(sorted: true, return_inverse: true);
        var summed = ScatterReduce.Sum(products, inverse!, distinct.shape[0]);
        return new SparseCooMatrix(distinct.div(right.Columns, RoundingMode.floor).MoveToOuterDisposeScope(),
                                   distinct.remainder(right.Columns).MoveToOuterDisposeScope(),
                                   summed.MoveToOuterDisposeScope(), Rows, right.Columns);
    }
}
