using System.Buffers;
using TopoPool.Torch.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace TopoPool.Torch.Scatter;

/// <summary>
/// Scatter (group-by) reductions along dimension 0, the one place where the project reduces over an index.
/// TorchSharp 0.107 binds neither <c>scatter_reduce</c> nor <c>segment_reduce</c>, so:
/// <list type="bullet">
/// <item>sum and mean use <c>index_add</c> (differentiable; deterministic on CPU, while CUDA adds with atomics, so
/// float sums may differ in the last bits from run to run there);</item>
/// <item>max finds the position of each maximum without gradient (a vectorised managed kernel for CPU tensors, one
/// pass and a cache-resident running maximum when the index is sorted, as assignments and batch vectors are;
/// TorchScript <c>scatter_reduce</c> elsewhere) and then takes the values with <c>gather</c>, so the gradient of
/// each maximum goes to exactly one source element: the first row (lowest index) among tied maxima, on every
/// device. When no gradient is recorded the managed kernel's maxima are returned directly, without the gather.
/// Measured on the 128 reference molecules (4,497 pairs × 32, one thread): this ~40 µs kernel plus the gather
/// beat a padded dense <c>max(dim)</c> (~465 µs) and TorchScript argmax + gather (~675 µs); TorchScript's own
/// <c>scatter_reduce(amax)</c> forward was fast (~55 µs) but its backward took ~1.4 ms and splits ties evenly;</item>
/// <item>softmax subtracts the detached group maximum, exponentiates and divides by the group sum.</item>
/// </list>
/// Group counts are always passed in (<c>dimSize</c>), never inferred, so empty trailing groups
/// survive. Indices are int64 and must lie in <c>[0, dimSize)</c>. Results are on the input's device and are
/// registered in the caller's dispose scope; inputs are never disposed.
/// </summary>
public static class ScatterReduce
{
    /// <summary>
    /// <c>index_add</c>'s scale, held for the life of the process: TorchSharp frees an implicitly converted
    /// <see cref="Scalar"/> in its finalizer, which can run while the native call that reads it is still going on.
    /// </summary>

    /// <summary><c>out[g] = Σ_{p: index[p] = g} source[p]</c>; empty groups are 0.</summary>
    public static Tensor Sum(Tensor source, Tensor index, long dimSize)
    {
        CheckIndex(source, index, nameof(source));
        using var scope = NewDisposeScope();
        var shape = source.shape.ToArray();
        shape[0] = dimSize;
        return zeros(shape, source.dtype, source.device).index_add(0, index, source, ScalarCache.One).MoveToOuterDisposeScope();
    }

    /// <summary>The number of entries of each group (int64, length <paramref name="dimSize"/>).</summary>
    public static Tensor Count(Tensor index, long dimSize)
    {
        if (index.dim() != 1 || index.dtype != ScalarType.Int64)
            throw new ArgumentException($"the index must be a 1-D int64 tensor; got {index.dtype} of shape [{string.Join(", ", index.shape)}]", nameof(index));
        return bincount(index, null, dimSize);
    }

    /// <summary>The mean of each group; empty groups are 0.</summary>
    public static Tensor Mean(Tensor source, Tensor index, long dimSize)
    {
        using var scope = NewDisposeScope();
        var total = Sum(source, index, dimSize);
        var count = Count(index, dimSize).clamp_min(ScalarCache.One).to_type(source.dtype);
        for (int d = 1; d < source.dim(); d++) count = count.unsqueeze(-1);
        return (total / count).MoveToOuterDisposeScope();
    }

    /// <summary>The maximum of each group and the source row holding it (see <see cref="ScatterMaxResult"/>).</summary>
    public static ScatterMaxResult Max(Tensor source, Tensor index, long dimSize) =>
        GatherMax(source, null, index, dimSize, ScatterKernel.Auto);

    /// <summary>Only the values of <see cref="Max"/> (saves building the argmax tensor when no gradient is recorded).</summary>
    public static Tensor MaxValues(Tensor source, Tensor index, long dimSize) =>
        MaxCore(source, null, index, dimSize, ScatterKernel.Auto, withArgIndex: false).Values;

    /// <summary>Only the values of <see cref="GatherMax(Tensor, Tensor, Tensor, long)"/>.</summary>
    public static Tensor GatherMaxValues(Tensor source, Tensor rows, Tensor index, long dimSize) =>
        MaxCore(source, rows, index, dimSize, ScatterKernel.Auto, withArgIndex: false).Values;

    /// <summary>
    /// The maximum over the rows <c>source[rows[p]]</c> of the pairs <c>p</c> of each group <c>index[p]</c>, without
    /// building <c>source[rows]</c>: the reduction of a sparse assignment (<c>rows</c> = node of each pair,
    /// <c>index</c> = cluster of each pair). <see cref="ScatterMaxResult.ArgIndex"/> names rows of <paramref name="source"/>;
    /// empty groups get the number of rows of <paramref name="source"/>.
    /// </summary>
    public static ScatterMaxResult GatherMax(Tensor source, Tensor rows, Tensor index, long dimSize) =>
        GatherMax(source, rows, index, dimSize, ScatterKernel.Auto);

    /// <summary>Softmax within each group: <c>exp(s_p - max_g) / Σ_{q in g} exp(s_q - max_g)</c>.</summary>
    public static Tensor Softmax(Tensor source, Tensor index, long dimSize)
    {
        CheckIndex(source, index, nameof(source));
        using var scope = NewDisposeScope();
        Tensor groupMax;
        using (no_grad())
            groupMax = source.dim() == 1 && source.device_type == DeviceType.CPU
                ? ManagedGroupMax(source, index, dimSize)
                : MaxValues(source.detach(), index, dimSize);
        var exponent = (source - groupMax.index_select(0, index)).exp();
        var total = Sum(exponent, index, dimSize);
        return (exponent / total.index_select(0, index)).MoveToOuterDisposeScope();
    }

    internal static ScatterMaxResult GatherMax(Tensor source, Tensor? rows, Tensor index, long dimSize, ScatterKernel kernel)
    {
        var (values, argIndex) = MaxCore(source, rows, index, dimSize, kernel, withArgIndex: true);
        return new ScatterMaxResult(values, argIndex!);
    }

    private static (Tensor Values, Tensor? ArgIndex) MaxCore(Tensor source, Tensor? rows, Tensor index, long dimSize, ScatterKernel kernel, bool withArgIndex)
    {
        if (source.dim() < 1) throw new ArgumentException("the source must have at least one dimension", nameof(source));
        if (rows is null) CheckIndex(source, index, nameof(source));
        else
        {
            if (rows.dim() != 1 || rows.dtype != ScalarType.Int64)
                throw new ArgumentException($"the row index must be a 1-D int64 tensor; got {rows.dtype} of shape [{string.Join(", ", rows.shape)}]", nameof(rows));
            if (index.dim() != 1 || index.dtype != ScalarType.Int64 || index.shape[0] != rows.shape[0])
                throw new ArgumentException($"the group index must be a 1-D int64 tensor as long as the row index ({rows.shape[0]})", nameof(index));
        }
        if (dimSize < 0) throw new ArgumentOutOfRangeException(nameof(dimSize), "the group count is negative");

        using var scope = NewDisposeScope();
        long rowCount = source.shape[0];
        using var rowCountScalar = rowCount.ToScalar();
        var trailing = source.shape.Skip(1).ToArray();
        long columns = trailing.Aggregate(1L, (a, b) => a * b);
        var matrix = trailing.Length == 1 ? source : source.reshape(rowCount, columns);
        var device = source.device;

        if (kernel == ScatterKernel.Auto) kernel = device.type == DeviceType.CPU ? ScatterKernel.Managed : ScatterKernel.TorchScript;
        // Where autograd will not look, the managed kernel's maxima are the values; otherwise a gather takes them
        // from the source so that the gradient flows to the argmax elements.
        bool recordsGradient = source.requires_grad && is_grad_enabled();
        Tensor? argRow;
        Tensor? managedValues = null;
        bool anyEmpty = true;
        if (kernel == ScatterKernel.Managed)
        {
            argRow = ManagedArgMax(matrix, rows, index, dimSize, withValues: !recordsGradient, argAsTensor: withArgIndex || recordsGradient,
                                   out anyEmpty, out managedValues);
            if (argRow is null) return (Shaped(managedValues!, dimSize, trailing).MoveToOuterDisposeScope(), null);
        }
        else if (index.shape[0] == 0) argRow = full(new[] { dimSize, columns }, ScalarCache.MinusOne, ScalarType.Int64, device);
        else
        {
            var picked = rows is null ? matrix : matrix.index_select(0, rows);
            var first = ScriptScatterKernels.ArgMax(picked, index, dimSize);
            argRow = rows is null
                ? first
                : where(first >= 0, rows.index_select(0, first.clamp_min(ScalarCache.Zero).flatten()).view_as(first), first);
        }

        Tensor values, argIndex;
        if (rowCount == 0)
        {
            values = zeros(new[] { dimSize, columns }, source.dtype, device);
            argIndex = full(new[] { dimSize, columns }, rowCountScalar, ScalarType.Int64, device);
        }
        else if (!anyEmpty)
        {
            values = managedValues ?? matrix.gather(0, argRow!);
            argIndex = argRow!;
        }
        else
        {
            var empty = argRow! < 0;
            values = managedValues ?? matrix.gather(0, argRow!.clamp_min(ScalarCache.Zero)).masked_fill(empty, ScalarCache.Zero);
            argIndex = argRow!.masked_fill(empty, rowCountScalar);
        }
        return (Shaped(values, dimSize, trailing).MoveToOuterDisposeScope(),
                withArgIndex ? Shaped(argIndex, dimSize, trailing).MoveToOuterDisposeScope() : null);
    }

    private static Tensor Shaped(Tensor matrix, long dimSize, long[] trailing) =>
        trailing.Length == 1 ? matrix : matrix.reshape(new[] { dimSize }.Concat(trailing).ToArray());

    /// <summary>The managed kernel on the host copy of the data. The argmax comes back as a tensor only when
    /// <paramref name="argAsTensor"/> (otherwise it stays in a pooled array: a fresh tensor of that size costs page
    /// faults at 10^6 nodes), the maxima only when <paramref name="withValues"/>.</summary>
    private static Tensor? ManagedArgMax(Tensor matrix, Tensor? rows, Tensor index, long dimSize, bool withValues, bool argAsTensor,
                                         out bool anyEmpty, out Tensor? values)
    {
        int rowCount = checked((int)matrix.shape[0]);
        int columns = checked((int)matrix.shape[1]);
        int groups = checked((int)dimSize);
        bool asDouble = matrix.dtype == ScalarType.Float64;
        var hostType = asDouble ? ScalarType.Float64 : ScalarType.Float32;
        var hostValues = HostTensors.OnHost(matrix, hostType);
        var hostRows = rows is null ? null : HostTensors.OnHost(rows, ScalarType.Int64);
        var hostIndex = HostTensors.OnHost(index, ScalarType.Int64);
        var result = argAsTensor ? empty(new long[] { groups, columns }, ScalarType.Int64) : null;
        int cells = checked(groups * columns);
        var pooled = result is null ? ArrayPool<long>.Shared.Rent(Math.Max(cells, 1)) : null;
        try
        {
            var argSpan = result is null ? pooled.AsSpan(0, cells) : HostTensors.Span<long>(result);
            var maxima = withValues ? empty(new long[] { groups, columns }, hostType) : null;
            var rowSpan = hostRows is null ? ReadOnlySpan<long>.Empty : HostTensors.Span<long>(hostRows);
            if (asDouble)
                anyEmpty = ManagedScatterKernels.ArgMax(HostTensors.Span<double>(hostValues), rowCount, columns, rowSpan,
                    HostTensors.Span<long>(hostIndex), groups, argSpan,
                    maxima is null ? Span<double>.Empty : HostTensors.Span<double>(maxima));
            else
                anyEmpty = ManagedScatterKernels.ArgMax(HostTensors.Span<float>(hostValues), rowCount, columns, rowSpan,
                    HostTensors.Span<long>(hostIndex), groups, argSpan,
                    maxima is null ? Span<float>.Empty : HostTensors.Span<float>(maxima));
            values = maxima is null ? null : ToDevice(maxima.to_type(matrix.dtype), matrix.device);
            return result is null ? null : ToDevice(result, matrix.device);
        }
        finally
        {
            if (pooled is not null) ArrayPool<long>.Shared.Return(pooled);
        }
    }

    private static Tensor ToDevice(Tensor host, Device device) => device.type == DeviceType.CPU ? host : host.to(device);

    /// <summary>The maximum of each group of a 1-D CPU tensor, without gradient (0 for empty groups).</summary>
    private static Tensor ManagedGroupMax(Tensor source, Tensor index, long dimSize)
    {
        int groups = checked((int)dimSize);
        var hostValues = HostTensors.OnHost(source, ScalarType.Float64);
        var hostIndex = HostTensors.OnHost(index, ScalarType.Int64);
        var result = empty(groups, ScalarType.Float64);
        ManagedScatterKernels.GroupMax(HostTensors.Span<double>(hostValues), HostTensors.Span<long>(hostIndex), HostTensors.Span<double>(result));
        return result.to_type(source.dtype);
    }

    private static void CheckIndex(Tensor source, Tensor index, string sourceName)
    {
        if (source.dim() < 1) throw new ArgumentException("the source must have at least one dimension", sourceName);
        if (index.dim() != 1 || index.dtype != ScalarType.Int64 || index.shape[0] != source.shape[0])
            throw new ArgumentException(
                $"the index must be a 1-D int64 tensor with one entry per source row ({source.shape[0]}); got {index.dtype} of shape [{string.Join(", ", index.shape)}]",
                nameof(index));
    }
}
