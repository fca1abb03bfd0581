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
public sealed class GraphConv : Module<Tensor, Tensor, Tensor>
{
#pragma warning disable IDE1006 // PyG's state-dict names
    private readonly Linear lin_rel;
    private readonly Linear lin_root;
#pragma warning restore IDE1006

    /// <param name="inChannels">Input feature width.</param>
    /// <param name="outChannels">Output feature width.</param>
    /// <param name="bias">Whether <c>lin_rel</c> has a bias.</param>
    public GraphConv(long inChannels, long outChannels, bool bias = true) : base(nameof(GraphConv))
    {
        if (inChannels < 1) throw new ArgumentOutOfRangeException(nameof(inChannels), "at least one input channel");
        if (outChannels < 1) throw new ArgumentOutOfRangeException(nameof(outChannels), "at least one output channel");
        InChannels = inChannels;
        OutChannels = outChannels;
        lin_rel = Linear(inChannels, outChannels, hasBias: bias);
        lin_root = Linear(inChannels, outChannels, hasBias: false);
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
        var messages = x.index_select(0, edgeIndex[0]);
        if (edgeWeight is not null) messages = messages * edgeWeight.unsqueeze(1);
        var aggregated = ScatterReduce.Sum(messages, edgeIndex[1], n);
        return (lin_rel.call(aggregated) + lin_root.call(x)).MoveToOuterDisposeScope();
    }

    /// <summary>Calls the module (hooks included) without edge weights, or <see cref="forward(Tensor, Tensor, Tensor?)"/> with them.</summary>
    public Tensor call(Tensor x, Tensor edgeIndex, Tensor? edgeWeight) =>
        edgeWeight is null ? call(x, edgeIndex) : forward(x, edgeIndex, edgeWeight);
}
