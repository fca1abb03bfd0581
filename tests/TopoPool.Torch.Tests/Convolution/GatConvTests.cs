using TopoPool.Torch.Convolution;
using Xunit;
using static TopoPool.Torch.Tests.Convolution.GraphFixtures;
using static TorchSharp.torch;

namespace TopoPool.Torch.Tests.Convolution;

public class GatConvTests
{
    private static double LeakyRelu(double v) => v >= 0 ? v : 0.2 * v;

    [Fact]
    public void One_head_is_the_hand_computed_attention_over_incoming_edges_and_a_loop()
    {
        // z = x; a_src = 1, a_dst = 0.5: e_ji = LeakyReLU(z_j + 0.5 z_i), softmax over the edges into i (loop included).
        using var scope = NewDisposeScope();
        var conv = new GatConv(1, 1);
        Set(conv, "lin.weight", 1);
        Set(conv, "att_src", 1);
        Set(conv, "att_dst", 0.5f);
        double[] z = { 1, -2, 3 };
        var output = conv.call(Column(1, -2, 3), Undirected((0, 1)));

        double Attend(int i, params int[] sources)
        {
            var logits = sources.Select(j => LeakyRelu(z[j] + 0.5 * z[i])).ToArray();
            double total = logits.Sum(Math.Exp);
            return sources.Select((j, p) => Math.Exp(logits[p]) / total * z[j]).Sum();
        }
        AssertClose(new[] { Attend(0, 1, 0), Attend(1, 0, 1), 3.0 }, output);
        // Node 0: from 1 the logit is LeakyReLU(-1.5) = -0.3, from itself 1.5.
        double alpha10 = Math.Exp(-0.3) / (Math.Exp(-0.3) + Math.Exp(1.5));
        Assert.Equal(alpha10 * -2 + (1 - alpha10) * 1, Doubles(output)[0], 5);
    }

    [Fact]
    public void Attention_sums_to_one_over_each_nodes_incoming_edges_per_head()
    {
        using var scope = NewDisposeScope();
        var conv = new GatConv(3, 2, heads: 3);
        Randomize(conv, 5);
        var attention = conv.Attend(RandomMatrix(4, 3, 1), Edges((0, 1), (2, 1), (3, 1), (1, 0), (0, 0)));
        Assert.Equal(new long[] { 4 + 4, 3 }, attention.Alpha.shape);
        var sums = zeros(4, 3).index_add(0, attention.EdgeIndex[1], attention.Alpha, 1);
        AssertClose(ones(4, 3), sums);
    }

    [Fact]
    public void Mean_of_heads_is_the_average_of_the_concatenated_heads()
    {
        using var scope = NewDisposeScope();
        var concat = new GatConv(3, 2, heads: 3, concat: true);
        Randomize(concat, 11);
        Set(concat, "bias", new float[6]);
        var mean = new GatConv(3, 2, heads: 3, concat: false);
        foreach (var name in new[] { "lin.weight", "att_src", "att_dst" })
            Set(mean, name, Doubles(concat.state_dict()[name]).Select(v => (float)v).ToArray());
        Set(mean, "bias", new float[2]);
        var x = RandomMatrix(5, 3, 2);
        var edges = Undirected((0, 1), (1, 2), (2, 3), (3, 4), (4, 0));
        var concatenated = concat.call(x, edges);
        Assert.Equal(new long[] { 5, 6 }, concatenated.shape);
        var averaged = mean.call(x, edges);
        Assert.Equal(new long[] { 5, 2 }, averaged.shape);
        AssertClose(concatenated.reshape(5, 3, 2).mean(new long[] { 1 }), averaged);
    }

    [Fact]
    public void Self_loops_in_the_input_are_replaced()
    {
        using var scope = NewDisposeScope();
        var conv = new GatConv(3, 4, heads: 2);
        var x = RandomMatrix(3, 3, 3);
        AssertClose(conv.call(x, Undirected((0, 1), (1, 2))),
                    conv.call(x, Edges((0, 0), (0, 1), (1, 0), (1, 2), (2, 1), (2, 2), (2, 2))));
    }

    [Fact]
    public void Parameters_have_pyg_names_shapes_and_initialisation()
    {
        var conv = new GatConv(6, 4, heads: 2);
        var state = conv.state_dict();
        AssertKeys(new[] { "lin.weight", "att_src", "att_dst", "bias" }, state);
        Assert.Equal(new long[] { 8, 6 }, state["lin.weight"].shape);
        Assert.Equal(new long[] { 1, 2, 4 }, state["att_src"].shape);
        Assert.Equal(new long[] { 8 }, state["bias"].shape);
        Assert.Equal(new long[] { 4 }, new GatConv(6, 4, heads: 2, concat: false).state_dict()["bias"].shape);
        double attentionBound = Math.Sqrt(6.0 / (2 + 4));
        Assert.All(Doubles(state["att_dst"]), a => Assert.InRange(Math.Abs(a), 0, attentionBound));
        Assert.All(Doubles(state["bias"]), b => Assert.Equal(0, b));
    }
}
