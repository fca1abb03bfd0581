using TopoPool.Torch.Tensors;
using TopoPool.Torch.Scatter;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace TopoPool.Torch.Convolution;

/// <summary>
/// The local-extremum convolution of Ranjan et al. (PyG's <c>LEConv</c>, ASAPool's fitness scorer):
/// <c>x'_i = Σ_{j→i} w_ji (W_1 x_j + b_1 − W_2 x_i) + W_3 x_i + b_3</c>, sum aggregation, no self-loops added
/// (ASAPool passes its graph with loops, for which the loop's term is <c>W_1 x_i + b_1 − W_2 x_i</c>).
/// PyTorch's default initialisation, as PyG's. State-dict keys: <c>lin1.weight</c>, <c>lin1.bias</c>,
/// <c>lin2.weight</c>, <c>lin3.weight</c>, <c>lin3.bias</c>.
/// </summary>
public sealed class LeConv : Module<Tensor, Tensor, Tensor>
{
    private readonly Linear lin1;
    private readonly Linear lin2;
    private readonly Linear lin3;

    /// <param name="inChannels">Input feature width.</param>
    /// <param name="outChannels">Output feature width.</param>
    /// <param name="bias">Whether <c>lin1</c> and <c>lin3</c> have biases.</param>
    public LeConv(long inChannels, long outChannels, bool bias = true) : base(nameof(LeConv))
    {
        if (inChannels < 1) throw new ArgumentOutOfRangeException(nameof(inChannels), "at least one input channel");
        if (outChannels < 1) throw new ArgumentOutOfRangeException(nameof(outChannels), "at least one output channel");
        InChannels = inChannels;
        OutChannels = outChannels;
        lin1 = Linear(inChannels, outChannels, hasBias: bias);
        lin2 = Linear(inChannels, outChannels, hasBias: false);
        lin3 = Linear(inChannels, outChannels, hasBias: bias);
        RegisterComponents();
    }

    public long InChannels { get; }
    public long OutChannels { get; }

    /// <summary>Convolves <paramref name="x"/> (N × in) over <paramref name="edgeIndex"/> (int64 2 × E).</summary>
    public override Tensor forward(Tensor x, Tensor edgeIndex) => forward(x, edgeIndex, null);

    /// <summary>As <see cref="forward(Tensor, Tensor)"/> with edge weights (E).</summary>
    public Tensor forward(Tensor x, Tensor edgeIndex, Tensor? edgeWeight)
    {
        GraphTensorArguments.Check(x, InChannels, edgeIndex);
        GraphTensorArguments.CheckEdgeWeight(edgeWeight, edgeIndex);
        using var scope = NewDisposeScope();
        long n = x.shape[0];
        var a = lin1.call(x);
        var b = lin2.call(x);
        var messages = a.index_select(0, edgeIndex[0]) - b.index_select(0, edgeIndex[1]);
        if (edgeWeight is not null) messages = messages * edgeWeight.unsqueeze(1);
        return (ScatterReduce.Sum(messages, edgeIndex[1], n) + lin3.call(x)).MoveToOuterDisposeScope();
    }

    /// <summary>Calls the module (hooks included) without edge weights, or <see cref="forward(Tensor, Tensor, Tensor?)"/> with them.</summary>
    public Tensor call(Tensor x, Tensor edgeIndex, Tensor? edgeWeight) =>
        edgeWeight is null ? call(x, edgeIndex) : forward(x, edgeIndex, edgeWeight);
}
