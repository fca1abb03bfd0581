using TopoPool.Torch.Convolution;
using Xunit;
using static TopoPool.Torch.Tests.Convolution.GraphFixtures;
using static TorchSharp.torch;

namespace TopoPool.Torch.Tests.Convolution;

public class SelfLoopsTests
{
    [Fact]
    public void AddRemaining_drops_loops_appends_one_per_node_and_keeps_the_last_loop_weight()
    {
        using var scope = NewDisposeScope();
        var edges = Edges((0, 1), (1, 1), (2, 2), (1, 1), (2, 0));
        var (result, weights) = SelfLoops.AddRemaining(edges, tensor(new float[] { 1, 2, 3, 4, 6 }), 4, fill: 0.5);
        Assert.Equal(new[] { (0L, 1L), (2L, 0L), (0L, 0L), (1L, 1L), (2L, 2L), (3L, 3L) }, Pairs(result));
        AssertClose(new[] { 1, 6, 0.5, 4, 3, 0.5 }, weights);
    }

    [Fact]
    public void AddRemaining_without_weights_gives_ones_and_the_fill_on_loops()
    {
        using var scope = NewDisposeScope();
        var (result, weights) = SelfLoops.AddRemaining(Edges((0, 0), (0, 1)), null, 2, fill: 2, dtype: ScalarType.Float64);
        Assert.Equal(new[] { (0L, 1L), (0L, 0L), (1L, 1L) }, Pairs(result));
        Assert.Equal(ScalarType.Float64, weights.dtype);
        AssertClose(new[] { 1.0, 2, 2 }, weights);
    }

    [Fact]
    public void Remove_then_add_is_gat_loop_handling_and_handles_empty_graphs()
    {
        using var scope = NewDisposeScope();
        var (withoutLoops, _) = SelfLoops.Remove(Edges((1, 1), (0, 1), (0, 0)));
        var (result, _) = SelfLoops.Add(withoutLoops, null, 2);
        Assert.Equal(new[] { (0L, 1L), (0L, 0L), (1L, 1L) }, Pairs(result));
        var (empty, emptyWeights) = SelfLoops.AddRemaining(NoEdges(), null, 0);
        Assert.Equal(new long[] { 2, 0 }, empty.shape);
        Assert.Equal(0, emptyWeights.numel());
    }
}
