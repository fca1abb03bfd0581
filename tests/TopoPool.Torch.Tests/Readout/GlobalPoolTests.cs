using TopoPool.Torch.Readout;
using Xunit;
using static TorchSharp.torch;

namespace TopoPool.Torch.Tests.Readout;

public class GlobalPoolTests
{
    [Fact]
    public void Readouts_keep_empty_graphs_including_trailing_ones()
    {
        using var scope = NewDisposeScope();
        // Graph 0: nodes 0-1, graph 1 empty, graph 2: node 2, graph 3 empty (trailing).
        var x = tensor(new[] { 1f, -4f, 3f, 2f, -5f, -6f }, new long[] { 3, 2 });
        var batch = tensor(new long[] { 0, 0, 2 });
        Assert.Equal(new[] { 3f, 2f, 0f, 0f, -5f, -6f, 0f, 0f }, GraphTensors.Floats(GlobalPool.Max(x, batch, 4)));
        Assert.Equal(new[] { 2f, -1f, 0f, 0f, -5f, -6f, 0f, 0f }, GraphTensors.Floats(GlobalPool.Mean(x, batch, 4)));
        Assert.Equal(new[] { 4f, -2f, 0f, 0f, -5f, -6f, 0f, 0f }, GraphTensors.Floats(GlobalPool.Sum(x, batch, 4)));
        var both = GlobalPool.MaxMean(x, batch, 4);
        Assert.Equal(new long[] { 4, 4 }, both.shape);
        Assert.Equal(new[] { 3f, 2f, 2f, -1f }, GraphTensors.Floats(both[0]));
    }

    [Fact]
    public void Readout_of_no_nodes_is_zeros()
    {
        using var scope = NewDisposeScope();
        var x = zeros(0, 3);
        var batch = zeros(0, ScalarType.Int64);
        Assert.Equal(new float[6], GraphTensors.Floats(GlobalPool.Max(x, batch, 2)));
        Assert.Equal(new float[6], GraphTensors.Floats(GlobalPool.Mean(x, batch, 2)));
    }
}
