using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace TopoPool.Torch.Scatter;

/// <summary>
/// The managed CPU kernel behind <see cref="ScatterReduce.Max"/>: one pass over the pairs, vectorised over the
/// feature columns for float32. It only finds where the maxima are; the values (and their gradient) come
/// from a gather on the tensor, so autograd never sees this code.
/// </summary>
internal static class ManagedScatterKernels
{
    /// <summary>
    /// For every group <c>g</c> and column <c>j</c> (and, when <c>maxValues</c> is not empty, the maximum itself), the row <c>r = rows[p]</c> (or <c>p</c> when
    /// <paramref name="rows"/> is empty) whose <c>values[r, j]</c> is largest among the pairs <c>p</c> with
    /// <c>groups[p] == g</c>; on ties the first such pair wins. Groups without pairs get -1.
    /// <paramref name="argRow"/> has <c>groupCount * columns</c> entries.
    /// </summary>
    /// <returns>Whether some group has no pairs.</returns>
    public static bool ArgMax(ReadOnlySpan<float> values, int rowCount, int columns, ReadOnlySpan<long> rows,
                              ReadOnlySpan<long> groups, int groupCount, Span<long> argRow, Span<float> maxValues)
    {
        if (IsNonDecreasing(groups, groupCount)) return ArgMaxOfSegments(values, rowCount, columns, rows, groups, groupCount, argRow, maxValues);
        ArgMaxScattered(values, rowCount, columns, rows, groups, groupCount, argRow, maxValues);
        return argRow.Contains(-1L);
    }

    /// <summary>Pairs sorted by group (an assignment sorted by cluster, a batch vector): one running maximum of
    /// <paramref name="columns"/> entries stays in cache, and each group's result is written once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool ArgMaxOfSegments(ReadOnlySpan<float> values, int rowCount, int columns, ReadOnlySpan<long> rows,
                                         ReadOnlySpan<long> groups, int groupCount, Span<long> argRow, Span<float> maxValues)
    {
        var bestBuffer = ArrayPool<float>.Shared.Rent(Math.Max(columns, 1));
        var argBuffer = ArrayPool<int>.Shared.Rent(Math.Max(columns, 1));
        try
        {
            var best = bestBuffer.AsSpan(0, columns);
            var arg = argBuffer.AsSpan(0, columns);
            int width = Vector<float>.Count;
            int current = -1;
            bool anyEmpty = false;
            for (int p = 0; p < groups.Length; p++)
            {
                int g = (int)groups[p];
                int r = rows.IsEmpty ? p : CheckedIndex(rows[p], rowCount, "row", p);
                var row = values.Slice(r * columns, columns);
                if (g != current)
                {
                    if (current >= 0) Flush(current, columns, arg, best, argRow, maxValues);
                    if (g > current + 1) { Empty(current + 1, g, columns, argRow, maxValues); anyEmpty = true; }
                    current = g;
                    row.CopyTo(best);
                    arg.Fill(r);
                    continue;
                }
                int j = 0;
                if (Vector.IsHardwareAccelerated)
                {
                    var rowVector = new Vector<int>(r);
                    for (; j + width <= columns; j += width)
                    {
                        var candidate = new Vector<float>(row.Slice(j, width));
                        var incumbent = new Vector<float>(best.Slice(j, width));
                        var greater = Vector.GreaterThan(candidate, incumbent);
                        if (greater == Vector<int>.Zero) continue;
                        Vector.ConditionalSelect(greater, candidate, incumbent).CopyTo(best.Slice(j, width));
                        Vector.ConditionalSelect(greater, rowVector, new Vector<int>(arg.Slice(j, width))).CopyTo(arg.Slice(j, width));
                    }
                }
                for (; j < columns; j++)
                {
                    if (row[j] > best[j]) { best[j] = row[j]; arg[j] = r; }
                }
            }
            if (current >= 0) Flush(current, columns, arg, best, argRow, maxValues);
            if (current + 1 < groupCount) { Empty(current + 1, groupCount, columns, argRow, maxValues); anyEmpty = true; }
            return anyEmpty;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(bestBuffer);
            ArrayPool<int>.Shared.Return(argBuffer);
        }
    }

    private static void Flush(int group, int columns, ReadOnlySpan<int> arg, ReadOnlySpan<float> best, Span<long> argRow, Span<float> maxValues)
    {
        var target = argRow.Slice(group * columns, columns);
        for (int j = 0; j < columns; j++) target[j] = arg[j];
        if (!maxValues.IsEmpty) best.CopyTo(maxValues.Slice(group * columns, columns));
    }

    private static void Empty(int from, int to, int columns, Span<long> argRow, Span<float> maxValues)
    {
        argRow[(from * columns)..(to * columns)].Fill(-1);
        if (!maxValues.IsEmpty) maxValues[(from * columns)..(to * columns)].Clear();
    }

    /// <summary>Checks every group index and tells whether they never decrease.</summary>
    private static bool IsNonDecreasing(ReadOnlySpan<long> groups, int groupCount)
    {
        bool sorted = true;
        long previous = 0;
        for (int p = 0; p < groups.Length; p++)
        {
            long g = groups[p];
            CheckedIndex(g, groupCount, "group", p);
            if (g < previous) sorted = false;
            previous = g;
        }
        return sorted;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ArgMaxScattered(ReadOnlySpan<float> values, int rowCount, int columns, ReadOnlySpan<long> rows,
                                        ReadOnlySpan<long> groups, int groupCount, Span<long> argRow, Span<float> maxValues)
    {
        int pairs = groups.Length;
        int cells = groupCount * columns;
        var best = ArrayPool<float>.Shared.Rent(Math.Max(cells, 1));
        var arg = ArrayPool<int>.Shared.Rent(Math.Max(cells, 1));
        var seen = ArrayPool<bool>.Shared.Rent(Math.Max(groupCount, 1));
        try
        {
            Array.Clear(seen, 0, groupCount);
            int width = Vector<float>.Count;
            for (int p = 0; p < pairs; p++)
            {
                int g = (int)groups[p]; // checked by IsNonDecreasing
                int r = rows.IsEmpty ? p : CheckedIndex(rows[p], rowCount, "row", p);
                int source = r * columns, target = g * columns;
                var row = values.Slice(source, columns);
                if (!seen[g])
                {
                    seen[g] = true;
                    row.CopyTo(best.AsSpan(target, columns));
                    arg.AsSpan(target, columns).Fill(r);
                    continue;
                }
                int j = 0;
                if (Vector.IsHardwareAccelerated)
                {
                    var rowVector = new Vector<int>(r);
                    for (; j + width <= columns; j += width)
                    {
                        var candidate = new Vector<float>(row.Slice(j, width));
                        var current = new Vector<float>(best, target + j);
                        var greater = Vector.GreaterThan(candidate, current);
                        if (greater == Vector<int>.Zero) continue;
                        Vector.ConditionalSelect(greater, candidate, current).CopyTo(best, target + j);
                        Vector.ConditionalSelect(greater, rowVector, new Vector<int>(arg, target + j)).CopyTo(arg, target + j);
                    }
                }
                for (; j < columns; j++)
                {
                    if (row[j] > best[target + j])
                    {
                        best[target + j] = row[j];
                        arg[target + j] = r;
                    }
                }
            }
            for (int g = 0; g < groupCount; g++)
            {
                var cellsOfGroup = argRow.Slice(g * columns, columns);
                var valuesOfGroup = maxValues.IsEmpty ? Span<float>.Empty : maxValues.Slice(g * columns, columns);
                if (!seen[g]) { cellsOfGroup.Fill(-1); valuesOfGroup.Clear(); continue; }
                var source = arg.AsSpan(g * columns, columns);
                for (int j = 0; j < columns; j++) cellsOfGroup[j] = source[j];
                best.AsSpan(g * columns, valuesOfGroup.Length).CopyTo(valuesOfGroup);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(best);
            ArrayPool<int>.Shared.Return(arg);
            ArrayPool<bool>.Shared.Return(seen);
        }
    }

    /// <summary>The same contract as the float32 overload, for float64 (a plain loop: float64 is for checks, not speed).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool ArgMax(ReadOnlySpan<double> values, int rowCount, int columns, ReadOnlySpan<long> rows,
                              ReadOnlySpan<long> groups, int groupCount, Span<long> argRow, Span<double> maxValues)
    {
        argRow.Fill(-1);
        for (int p = 0; p < groups.Length; p++)
        {
            int g = CheckedIndex(groups[p], groupCount, "group", p);
            int r = rows.IsEmpty ? p : CheckedIndex(rows[p], rowCount, "row", p);
            for (int j = 0; j < columns; j++)
            {
                ref long cell = ref argRow[g * columns + j];
                if (cell < 0 || values[r * columns + j] > values[(int)cell * columns + j]) cell = r;
            }
        }
        for (int c = 0; c < maxValues.Length; c++) maxValues[c] = argRow[c] < 0 ? 0 : values[(int)argRow[c] * columns + c % columns];
        return argRow.Contains(-1L);
    }

    /// <summary>The largest value of each group (0 for groups without values).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void GroupMax(ReadOnlySpan<double> values, ReadOnlySpan<long> groups, Span<double> max)
    {
        max.Fill(double.NegativeInfinity);
        for (int p = 0; p < groups.Length; p++)
        {
            int g = CheckedIndex(groups[p], max.Length, "group", p);
            if (values[p] > max[g] || double.IsNaN(values[p])) max[g] = values[p];
        }
        for (int g = 0; g < max.Length; g++) if (double.IsNegativeInfinity(max[g])) max[g] = 0;
    }

    private static int CheckedIndex(long index, int count, string what, int pair)
    {
        if ((ulong)index >= (ulong)count)
            throw new ArgumentOutOfRangeException(what, $"entry {pair} names {what} {index}, out of range for {count} {what}s");
        return (int)index;
    }
}
