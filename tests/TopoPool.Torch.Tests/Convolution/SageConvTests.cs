using TopoPool.Torch.Convolution;
using Xunit;
using static TopoPool.Torch.Tests.Convolution.GraphFixtures;
using static TorchSharp.torch;

namespace TopoPool.Torch.Tests.Convolution;

public class SageConvTests
{
    [Fact]
    public void Mean_of_incoming_neighbours_plus_root_by_hand()
    {
        // Edges 1→0, 2→0, 0→1; node 2 has no incoming edge. x' = a · mean + b + r · x.
        using var scope = NewDisposeScope();
        var conv = new SageConv(1, 1);
        Set(conv, "lin_l.weight", 2);
        Set(conv, "lin_l.bias", 0.5f);
        Set(conv, "lin_r.weight", -1);
        var output = conv.call(Column(1, 4, 10), Edges((1, 0), (2, 0), (0, 1)));
        AssertClose(new[] { 2 * 7 + 0.5 - 1, 2 * 1 + 0.5 - 4, 0.5 - 10 }, output);
    }

    [Fact]
    public void Without_root_weight_only_the_neighbours_count()
    {
        using var scope = NewDisposeScope();
        var conv = new SageConv(1, 1, rootWeight: false);
        AssertKeys(new[] { "lin_l.weight", "lin_l.bias" }, conv.state_dict());
        Set(conv, "lin_l.weight", 1);
        Set(conv, "lin_l.bias", 0);
        AssertClose(new[] { 7.0, 1, 0 }, conv.call(Column(1, 4, 10), Edges((1, 0), (2, 0), (0, 1))));
    }

    [Fact]
    public void Parameters_have_pyg_names()
    {
        var state = new SageConv(3, 5).state_dict();
        AssertKeys(new[] { "lin_l.weight", "lin_l.bias", "lin_r.weight" }, state);
        Assert.Equal(new long[] { 5, 3 }, state["lin_r.weight"].shape);
    }
}
