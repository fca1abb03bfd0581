using TopoPool.Torch.Convolution;
using Xunit;
using static TopoPool.Torch.Tests.Convolution.GraphFixtures;
using static TorchSharp.torch;

namespace TopoPool.Torch.Tests.Convolution;

public class GraphConvTests
{
    [Fact]
    public void Weighted_sum_of_incoming_neighbours_plus_root_by_hand()
    {
        // Edges 1→0 (w 2), 2→0 (w 3), 0→1 (w 1). x' = W_rel Σ w x_j + b + W_root x.
        using var scope = NewDisposeScope();
        var conv = new GraphConv(1, 1);
        Set(conv, "lin_rel.weight", 0.5f);
        Set(conv, "lin_rel.bias", 1);
        Set(conv, "lin_root.weight", 2);
        var x = Column(1, 4, 10);
        var edges = Edges((1, 0), (2, 0), (0, 1));
        AssertClose(new[] { 0.5 * (2 * 4 + 3 * 10) + 1 + 2, 0.5 * 1 + 1 + 8, 1 + 20.0 },
                    conv.call(x, edges, tensor(new float[] { 2, 3, 1 })));
        AssertClose(new[] { 0.5 * 14 + 1 + 2, 0.5 * 1 + 1 + 8, 1 + 20.0 }, conv.call(x, edges));
    }

    [Fact]
    public void Parameters_have_pyg_names()
    {
        var state = new GraphConv(3, 1).state_dict();
        AssertKeys(new[] { "lin_rel.weight", "lin_rel.bias", "lin_root.weight" }, state);
    }
}
