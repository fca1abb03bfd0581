using TopoPool.Torch.Tensors;
using TopoPool.Torch.Scatter;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace TopoPool.Torch.Convolution;

/// <summary>
/// The higher-order graph convolution of Morris et al. (PyG's <c>GraphConv</c> with its defaults, the scorer of
/// SAGPool): <c>x'_i = W_rel · Σ_{j→i} w_ji x_j + b + W_root x_i</c>, sum aggregation, no self-loops added,
/// <c>w</c> the edge weights (1 without them). PyTorch's default initialisation, as PyG's.
/// State-dict keys: <c>lin_rel.weight</c>, <c>lin_rel.bias</c>, <c>lin_root.weight</c>.
/// </summary>
public sealed class GraphConv : WeightedGraphConvolution
{
#pragma warning disable IDE1006 // PyG's state-dict names
    private readonly Linear lin_rel;
    private readonly Linear lin_root;
#pragma warning restore IDE1006

    /// <param name="inChannels">Input feature width.</param>
    /// <param name="outChannels">Output feature width.</param>
    /// <param name="bias">Whether <c>lin_rel</c> has a bias.</param>
    public GraphConv(long inChannels, long outChannels, bool bias = true) : base(nameof(GraphConv), inChannels, outChannels)
    {
        lin_rel = Linear(inChannels, outChannels, hasBias: bias);
        lin_root = Linear(inChannels, outChannels, hasBias: false);
        RegisterComponents();
    }

    protected override Tensor Convolve(Tensor x, Tensor edgeIndex, Tensor? edgeWeight)
    {
        long n = x.shape[0];
        var messages = x.index_select(0, edgeIndex[0]);
        if (edgeWeight is not null) messages = messages * edgeWeight.unsqueeze(1);
        var aggregated = ScatterReduce.Sum(messages, edgeIndex[1], n);
        return lin_rel.call(aggregated) + lin_root.call(x);
    }
}
