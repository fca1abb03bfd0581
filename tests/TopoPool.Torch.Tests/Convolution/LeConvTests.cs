using TopoPool.Torch.Convolution;
using Xunit;
using static TopoPool.Torch.Tests.Convolution.GraphFixtures;
using static TorchSharp.torch;

namespace TopoPool.Torch.Tests.Convolution;

public class LeConvTests
{
    [Fact]
    public void Local_extremum_differences_by_hand()
    {
        // x'_i = Σ_{j→i} w_ji (a x_j + b1 − c x_i) + d x_i + b3 with a = 2, b1 = 1, c = 3, d = −1, b3 = 0.5.
        using var scope = NewDisposeScope();
        var conv = new LeConv(1, 1);
        Set(conv, "lin1.weight", 2);
        Set(conv, "lin1.bias", 1);
        Set(conv, "lin2.weight", 3);
        Set(conv, "lin3.weight", -1);
        Set(conv, "lin3.bias", 0.5f);
        double[] x = { 1, 4, 10 };
        double Message(int j, int i) => 2 * x[j] + 1 - 3 * x[i];
        var edges = Edges((1, 0), (2, 0), (0, 1), (1, 1));
        var expected = new[]
        {
            Message(1, 0) + Message(2, 0) - x[0] + 0.5,
            Message(0, 1) + Message(1, 1) - x[1] + 0.5,
            -x[2] + 0.5,
        };
        AssertClose(expected, conv.call(Column(1, 4, 10), edges));
        var weighted = new[]
        {
            0.5 * Message(1, 0) + 2 * Message(2, 0) - x[0] + 0.5,
            Message(0, 1) + 3 * Message(1, 1) - x[1] + 0.5,
            -x[2] + 0.5,
        };
        AssertClose(weighted, conv.call(Column(1, 4, 10), edges, tensor(new float[] { 0.5f, 2, 1, 3 })));
    }

    [Fact]
    public void Parameters_have_pyg_names()
    {
        var state = new LeConv(3, 1).state_dict();
        AssertKeys(new[] { "lin1.weight", "lin1.bias", "lin2.weight", "lin3.weight", "lin3.bias" }, state);
    }
}
