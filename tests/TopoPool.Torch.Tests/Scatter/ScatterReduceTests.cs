using TopoPool.Torch.Scatter;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace TopoPool.Torch.Tests.Scatter;

public class ScatterReduceTests
{
    public static TheoryData<int, int, int, int> Shapes => new()
    {
        // pairs, columns, groups, seed (values drawn from few integers: many ties; some groups empty)
        { 0, 3, 4, 1 },
        { 1, 1, 1, 2 },
        { 17, 1, 9, 3 },
        { 40, 5, 7, 4 },
        { 200, 32, 30, 5 },
        { 64, 11, 100, 6 },
        // Negative seeds sort the index: the segment path of the managed kernel (assignments, batch vectors).
        { 40, 5, 7, -4 },
        { 200, 32, 30, -5 },
        { 17, 1, 9, -3 },
    };

    private static (float[] Values, long[] Index) Draw(int pairs, int columns, int groups, int seed)
    {
        var rng = new Random(Math.Abs(seed));
        var values = Enumerable.Range(0, pairs * columns).Select(_ => (float)rng.Next(-3, 4)).ToArray();
        // Leave the last group and every third group empty so that empty groups (trailing ones included) occur.
        var allowed = Enumerable.Range(0, groups).Where(g => g != groups - 1 && g % 3 != 1).DefaultIfEmpty(0).ToArray();
        var index = Enumerable.Range(0, pairs).Select(_ => (long)allowed[rng.Next(allowed.Length)]).ToArray();
        if (seed < 0) Array.Sort(index);
        return (values, index);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Sum_and_mean_equal_loops(int pairs, int columns, int groups, int seed)
    {
        using var scope = NewDisposeScope();
        var (values, index) = Draw(pairs, columns, groups, seed);
        var source = tensor(values, new long[] { pairs, columns });
        var sum = GraphTensors.Floats(ScatterReduce.Sum(source, tensor(index), groups));
        var mean = GraphTensors.Floats(ScatterReduce.Mean(source, tensor(index), groups));
        var count = GraphTensors.Longs(ScatterReduce.Count(tensor(index), groups));
        for (int g = 0; g < groups; g++)
        {
            var members = Enumerable.Range(0, pairs).Where(p => index[p] == g).ToArray();
            Assert.Equal(members.Length, count[g]);
            for (int j = 0; j < columns; j++)
            {
                float expected = members.Sum(p => values[p * columns + j]);
                Assert.Equal(expected, sum[g * columns + j], 4);
                Assert.Equal(members.Length == 0 ? 0 : expected / members.Length, mean[g * columns + j], 4);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Max_equals_loop_with_first_row_on_ties_for_both_kernels(int pairs, int columns, int groups, int seed)
    {
        foreach (var kernel in new[] { ScatterKernel.Managed, ScatterKernel.TorchScript })
        foreach (var type in new[] { ScalarType.Float32, ScalarType.Float64 })
        {
            using var scope = NewDisposeScope();
            var (values, index) = Draw(pairs, columns, groups, seed);
            var source = tensor(values, new long[] { pairs, columns }).to_type(type);
            var result = ScatterReduce.GatherMax(source, null, tensor(index), groups, kernel);
            Assert.Equal(new long[] { groups, columns }, result.Values.shape);
            Assert.Equal(type, result.Values.dtype);
            var max = GraphTensors.Floats(result.Values);
            var arg = GraphTensors.Longs(result.ArgIndex);
            // The values-only entries (managed maxima without gradient, gathered ones with it) agree.
            Assert.Equal(max, GraphTensors.Floats(ScatterReduce.MaxValues(source, tensor(index), groups)));
            Assert.Equal(max, GraphTensors.Floats(ScatterReduce.MaxValues(source.detach().requires_grad_(true), tensor(index), groups)));
            for (int g = 0; g < groups; g++)
            for (int j = 0; j < columns; j++)
            {
                var members = Enumerable.Range(0, pairs).Where(p => index[p] == g).ToArray();
                if (members.Length == 0)
                {
                    Assert.Equal(0f, max[g * columns + j]);
                    Assert.Equal(pairs, arg[g * columns + j]);
                    continue;
                }
                float best = members.Max(p => values[p * columns + j]);
                Assert.Equal(best, max[g * columns + j]);
                Assert.Equal(members.First(p => values[p * columns + j] == best), arg[g * columns + j]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Gather_max_equals_max_of_selected_rows_and_names_source_rows(int pairs, int columns, int groups, int seed)
    {
        foreach (var kernel in new[] { ScatterKernel.Managed, ScatterKernel.TorchScript })
        {
            using var scope = NewDisposeScope();
            var rng = new Random(Math.Abs(seed) + 100);
            int rowCount = Math.Max(1, pairs / 2);
            var (_, index) = Draw(pairs, columns, groups, seed);
            var rows = Enumerable.Range(0, pairs).Select(_ => (long)rng.Next(rowCount)).ToArray();
            var table = Enumerable.Range(0, rowCount * columns).Select(_ => (float)rng.Next(-2, 3)).ToArray();
            var source = tensor(table, new long[] { rowCount, columns });
            var result = ScatterReduce.GatherMax(source, tensor(rows), tensor(index), groups, kernel);
            var max = GraphTensors.Floats(result.Values);
            var arg = GraphTensors.Longs(result.ArgIndex);
            Assert.Equal(max, GraphTensors.Floats(ScatterReduce.GatherMaxValues(source, tensor(rows), tensor(index), groups)));
            Assert.Equal(max, GraphTensors.Floats(ScatterReduce.GatherMaxValues(source.detach().requires_grad_(true), tensor(rows), tensor(index), groups)));
            for (int g = 0; g < groups; g++)
            for (int j = 0; j < columns; j++)
            {
                var members = Enumerable.Range(0, pairs).Where(p => index[p] == g).ToArray();
                if (members.Length == 0)
                {
                    Assert.Equal(0f, max[g * columns + j]);
                    Assert.Equal(rowCount, arg[g * columns + j]);
                    continue;
                }
                float best = members.Max(p => table[rows[p] * columns + j]);
                Assert.Equal(best, max[g * columns + j]);
                Assert.Equal(rows[members.First(p => table[rows[p] * columns + j] == best)], arg[g * columns + j]);
            }
        }
    }

    [Fact]
    public void Max_of_one_dimensional_source_keeps_one_dimension()
    {
        using var scope = NewDisposeScope();
        var result = ScatterReduce.Max(tensor(new[] { 1f, 5f, 5f, -2f }), tensor(new long[] { 1, 1, 1, 2 }), 4);
        Assert.Equal(new[] { 0f, 5f, -2f, 0f }, GraphTensors.Floats(result.Values));
        Assert.Equal(new long[] { 4, 1, 3, 4 }, GraphTensors.Longs(result.ArgIndex));
    }

    [Fact]
    public void Gradient_of_max_goes_to_the_first_maximum_only()
    {
        using var scope = NewDisposeScope();
        var source = tensor(new[] { 2f, 0f, 2f, 1f, 3f, 3f }, new long[] { 3, 2 }).requires_grad_(true);
        var index = tensor(new long[] { 0, 0, 1 });
        var max = ScatterReduce.Max(source, index, 3).Values;
        (max * tensor(new[] { 1f, 10f, 100f, 1000f, 7f, 7f }, new long[] { 3, 2 })).sum().backward();
        // Column 0 of group 0: rows 0 and 1 tie at 2 -> row 0. Column 1: row 1 (1 > 0). Group 1: row 2. Group 2 empty.
        Assert.Equal(new[] { 1f, 0f, 0f, 10f, 100f, 1000f }, GraphTensors.Floats(source.grad!));
    }

    [Fact]
    public void Softmax_equals_loop_and_sums_to_one_per_group()
    {
        using var scope = NewDisposeScope();
        var rng = new Random(7);
        int pairs = 50, groups = 8;
        var values = Enumerable.Range(0, pairs).Select(_ => (float)(rng.NextDouble() * 200 - 100)).ToArray();
        var index = Enumerable.Range(0, pairs).Select(_ => (long)rng.Next(groups - 1)).ToArray();
        var result = GraphTensors.Doubles(ScatterReduce.Softmax(tensor(values).to_type(ScalarType.Float64), tensor(index), groups));
        for (int g = 0; g < groups; g++)
        {
            var members = Enumerable.Range(0, pairs).Where(p => index[p] == g).ToArray();
            if (members.Length == 0) continue;
            double max = members.Max(p => (double)values[p]);
            double total = members.Sum(p => Math.Exp(values[p] - max));
            foreach (var p in members) Assert.Equal(Math.Exp(values[p] - max) / total, result[p], 12);
            Assert.Equal(1.0, members.Sum(p => result[p]), 12);
        }
    }

    [Fact]
    public void Index_out_of_range_is_rejected_with_the_entry()
    {
        using var scope = NewDisposeScope();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ScatterReduce.Max(ones(3, 2), tensor(new long[] { 0, 5, 1 }), 2));
        Assert.Contains("entry 1", error.Message);
        Assert.Throws<ArgumentException>(() => ScatterReduce.Sum(ones(3, 2), tensor(new long[] { 0, 1 }), 2));
    }
}
