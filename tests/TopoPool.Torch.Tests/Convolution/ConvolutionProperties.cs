using FsCheck;
using FsCheck.Fluent;
using TopoPool.Testing;
using TopoPool.Torch.Convolution;
using TorchSharp;
using Xunit;
using static TopoPool.Torch.Tests.Convolution.GraphFixtures;
using static TorchSharp.torch;

namespace TopoPool.Torch.Tests.Convolution;

/// <summary>Invariants every convolution must keep, on the shared random graphs (self-loops, duplicate and
/// one-directional edges, isolated nodes, empty graphs).</summary>
public class ConvolutionProperties
{
    private const long In = 4;
    private const long Out = 3;
    private const int Cases = 100;

    public static TheoryData<string> Kinds => new() { "gcn", "gat", "gat-3-concat", "gat-3-mean", "sage", "graph", "le" };

    private static nn.Module<Tensor, Tensor, Tensor> Make(string kind) => kind switch
    {
        "gcn" => new GcnConv(In, Out),
        "gat" => new GatConv(In, Out),
        "gat-3-concat" => new GatConv(In, Out, heads: 3),
        "gat-3-mean" => new GatConv(In, Out, heads: 3, concat: false),
        "sage" => new SageConv(In, Out),
        "graph" => new GraphConv(In, Out),
        "le" => new LeConv(In, Out),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static long Width(string kind) => kind == "gat-3-concat" ? 3 * Out : Out;

    private static nn.Module<Tensor, Tensor, Tensor> MakeRandom(string kind)
    {
        var conv = Make(kind);
        Randomize(conv, kind.Length * 101);
        return conv;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Relabelling_the_nodes_relabels_the_output(string kind)
    {
        using var conv = MakeRandom(kind);
        Prop.ForAll(GraphArbitraries.GraphCase(), (GraphCase c) =>
        {
            using var scope = NewDisposeScope();
            var (x, edges, _) = FromCase(c, In, CaseSeed(c));
            var perm = WithinGraphPermutation(c, CaseSeed(c) + 1);
            var (relabelledX, relabelledEdges) = Relabel(x, edges, perm);
            var output = conv.call(x, edges);
            Assert.Equal(new[] { c.NumNodes, Width(kind) }, output.shape);
            AssertClose(output, conv.call(relabelledX, relabelledEdges).index_select(0, Longs(perm)), 1e-4);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(Cases));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_batch_of_graphs_is_each_graph_alone(string kind)
    {
        using var conv = MakeRandom(kind);
        Prop.ForAll(GraphArbitraries.GraphCase(), (GraphCase c) =>
        {
            using var scope = NewDisposeScope();
            var (x, edges, _) = FromCase(c, In, CaseSeed(c));
            var together = conv.call(x, edges);
            var ptr = GraphCaseModule.ptr(c);
            var parts = GraphCaseModule.split(c);
            var alone = parts.Select((part, g) =>
            {
                var (_, partEdges, _) = FromCase(part, In, 0);
                return conv.call(x.narrow(0, ptr[g], part.NumNodes), partEdges);
            }).ToList();
            AssertClose(together, alone.Count == 0 ? together : cat(alone, 0), 1e-4);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(Cases));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Gradients_reach_every_parameter(string kind)
    {
        using var conv = MakeRandom(kind);
        var x = RandomMatrix(5, In, 7).requires_grad_(true);
        var edges = Edges((0, 1), (1, 0), (1, 2), (2, 1), (3, 4), (4, 3), (2, 0));
        var output = conv.call(x, edges);
        (output * RandomMatrix(5, Width(kind), 8)).sum().backward();
        foreach (var (name, parameter) in conv.named_parameters())
        {
            Assert.NotNull(parameter.grad);
            Assert.True(parameter.grad!.abs().sum().item<float>() > 0, $"{kind}: no gradient reaches {name}");
        }
        Assert.True(x.grad!.abs().sum().item<float>() > 0);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Empty_single_node_and_edgeless_graphs_give_finite_outputs_of_the_right_shape(string kind)
    {
        using var scope = NewDisposeScope();
        using var conv = MakeRandom(kind);
        var cases = new (Tensor X, Tensor Edges)[]
        {
            (zeros(0, In), NoEdges()),
            (RandomMatrix(1, In, 1), NoEdges()),
            (RandomMatrix(1, In, 2), Edges((0, 0))),
            (RandomMatrix(3, In, 3), NoEdges()),
        };
        foreach (var (x, edges) in cases)
        {
            var output = conv.call(x, edges);
            Assert.Equal(new[] { x.shape[0], Width(kind) }, output.shape);
            Assert.Equal(x.device_type, output.device_type);
            AssertFinite(output, kind);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Double_precision_flows_through_and_inputs_stay_alive(string kind)
    {
        using var scope = NewDisposeScope();
        using var conv = MakeRandom(kind);
        conv.to(ScalarType.Float64);
        var x = RandomMatrix(3, In, 4).to_type(ScalarType.Float64);
        var edges = Undirected((0, 1), (1, 2));
        var output = conv.call(x, edges);
        Assert.Equal(ScalarType.Float64, output.dtype);
        Assert.False(x.IsInvalid);
        Assert.False(edges.IsInvalid);
        Assert.Equal(3, x.shape[0]);
    }

    [Fact]
    public void Wrong_shapes_are_rejected_with_a_message()
    {
        using var conv = new GcnConv(In, Out);
        var error = Assert.Throws<ArgumentException>(() => conv.call(zeros(3, In + 1), NoEdges()));
        Assert.Contains("N × 4", error.Message);
        Assert.Throws<ArgumentException>(() => conv.call(zeros(3, In), zeros(new long[] { 3, 2 }, ScalarType.Int64)));
        Assert.Throws<ArgumentException>(() => conv.call(zeros(3, In), Edges((0, 1)), ones(2)));
    }
}
