using TopoPool.Torch.Tensors;
using TopoPool.Torch.Scatter;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace TopoPool.Torch.Convolution;

/// <summary>
/// GraphSAGE with mean aggregation (PyG's <c>SAGEConv</c> with its defaults):
/// <c>x'_i = W_l · mean_{j→i} x_j + b + W_r x_i</c>; a node without incoming edges aggregates zeros. No self-loops are
/// added (a loop in the input counts as a neighbour, as in PyG). Both linear maps use PyTorch's default
/// initialisation, as PyG's. State-dict keys: <c>lin_l.weight</c>, <c>lin_l.bias</c>, <c>lin_r.weight</c>.
/// </summary>
public sealed class SageConv : GraphConvolution
{
#pragma warning disable IDE1006 // PyG's state-dict names
    private readonly Linear lin_l;
    private readonly Linear? lin_r;
#pragma warning restore IDE1006

    /// <param name="inChannels">Input feature width.</param>
    /// <param name="outChannels">Output feature width.</param>
    /// <param name="rootWeight">Add the transformed root features <c>W_r x_i</c> (PyG default: true).</param>
    /// <param name="bias">Whether <c>lin_l</c> has a bias.</param>
    public SageConv(long inChannels, long outChannels, bool rootWeight = true, bool bias = true) : base(nameof(SageConv), inChannels, outChannels)
    {
        lin_l = Linear(inChannels, outChannels, hasBias: bias);
        if (rootWeight) lin_r = Linear(inChannels, outChannels, hasBias: false);
        RegisterComponents();
    }

    protected override Tensor Convolve(Tensor x, Tensor edgeIndex)
    {
        long n = x.shape[0];
        var aggregated = ScatterReduce.Mean(x.index_select(0, edgeIndex[0]), edgeIndex[1], n);
        var output = lin_l.call(aggregated);
        if (lin_r is not null) output = output + lin_r.call(x);
        return output;
    }

    /// <summary>As <see cref="GraphConvolution.forward(Tensor, Tensor)"/> with the in-degrees computed once
    /// (<see cref="Models.GraphStructure.InDegree"/>); the same result.</summary>
    public override Tensor forward(Tensor x, Models.GraphStructure structure)
    {
        if (x.dtype != ScalarType.Float32) return forward(x, structure.EdgeIndex);
        var edgeIndex = structure.EdgeIndex;
        GraphTensorArguments.Check(x, InChannels, edgeIndex);
        using var scope = NewDisposeScope();
        long n = x.shape[0];
        var aggregated = ScatterReduce.Sum(x.index_select(0, edgeIndex[0]), edgeIndex[1], n) / structure.InDegree;
        var output = lin_l.call(aggregated);
        if (lin_r is not null) output = output + lin_r.call(x);
        return output.MoveToOuterDisposeScope();
    }
}
