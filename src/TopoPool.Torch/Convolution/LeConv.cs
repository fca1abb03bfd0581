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
public sealed class LeConv : WeightedGraphConvolution
{
    private readonly Linear lin1;
    private readonly Linear lin2;
    private readonly Linear lin3;

    /// <param name="inChannels">Input feature width.</param>
    /// <param name="outChannels">Output feature width.</param>
    /// <param name="bias">Whether <c>lin1</c> and <c>lin3</c> have biases.</param>
    public LeConv(long inChannels, long outChannels, bool bias = true) : base(nameof(LeConv), inChannels, outChannels)
    {
        lin1 = Linear(inChannels, outChannels, hasBias: bias);
        lin2 = Linear(inChannels, outChannels, hasBias: false);
        lin3 = Linear(inChannels, outChannels, hasBias: bias);
        RegisterComponents();
    }

    protected override Tensor Convolve(Tensor x, Tensor edgeIndex, Tensor? edgeWeight)
    {
        long n = x.shape[0];
        var a = lin1.call(x);
        var b = lin2.call(x);
        var messages = a.index_select(0, edgeIndex[0]) - b.index_select(0, edgeIndex[1]);
        if (edgeWeight is not null) messages = messages * edgeWeight.unsqueeze(1);
        return ScatterReduce.Sum(messages, edgeIndex[1], n) + lin3.call(x);
    }
}
