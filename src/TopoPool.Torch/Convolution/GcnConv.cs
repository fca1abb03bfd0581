using TopoPool.Torch.Tensors;
using TopoPool.Torch.Scatter;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace TopoPool.Torch.Convolution;

/// <summary>
/// The graph convolution of Kipf &amp; Welling (PyG's <c>GCNConv</c> with its defaults):
/// <c>x'_i = b + Σ_{j→i} w_ji / sqrt(d_j d_i) · W x_j</c> over the edges with one self-loop per node (existing loops
/// are replaced, as <c>add_remaining_self_loops</c> does), <c>d_i = Σ_{j→i} w_ji</c> the weighted in-degree
/// including the loop, and <c>w</c> the edge weights (1 without them). Messages go from <c>edgeIndex[0]</c> (source)
/// to <c>edgeIndex[1]</c> (target). <c>W</c> is Glorot-initialised, the bias starts at zero.
/// State-dict keys: <c>lin.weight</c>, <c>bias</c>.
/// </summary>
public sealed class GcnConv : WeightedGraphConvolution
{
    private readonly Linear lin;
    private readonly Parameter? bias;

    /// <param name="inChannels">Input feature width.</param>
    /// <param name="outChannels">Output feature width.</param>
    /// <param name="bias">Whether to learn an additive bias (PyG default: true).</param>
    public GcnConv(long inChannels, long outChannels, bool bias = true) : base(nameof(GcnConv), inChannels, outChannels)
    {
        lin = Linear(inChannels, outChannels, hasBias: false);
        Glorot.Reset(lin.weight!);
        if (bias) this.bias = Parameter(zeros(outChannels));
        RegisterComponents();
    }

    protected override Tensor Convolve(Tensor x, Tensor edgeIndex, Tensor? edgeWeight)
    {
        long n = x.shape[0];
        var (edges, norm) = Normalize(edgeIndex, edgeWeight, n, x.dtype);
        var h = lin.call(x);
        var messages = h.index_select(0, edges[0]) * norm.unsqueeze(1);
        var output = ScatterReduce.Sum(messages, edges[1], n);
        if (bias is not null) output = output + bias;
        return output;
    }

    /// <summary>As <see cref="GraphConvolution.forward(Tensor, Tensor)"/> with the batch's normalised edges computed once
    /// (<see cref="Models.GraphStructure.Gcn"/>); the same result.</summary>
    public override Tensor forward(Tensor x, Models.GraphStructure structure)
    {
        if (x.dtype != ScalarType.Float32) return forward(x, structure.EdgeIndex, null);
        GraphTensorArguments.Check(x, InChannels, structure.EdgeIndex);
        using var scope = NewDisposeScope();
        var (edges, norm) = structure.Gcn;
        var h = lin.call(x);
        var messages = h.index_select(0, edges[0]) * norm.unsqueeze(1);
        var output = ScatterReduce.Sum(messages, edges[1], x.shape[0]);
        if (bias is not null) output = output + bias;
        return output.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// PyG's <c>gcn_norm</c>: the edges with remaining self-loops added (fill 1) and the coefficient of each,
    /// <c>w_ji / sqrt(d_j d_i)</c>; a node of in-degree 0 (impossible once loops are added, unless a weight is 0)
    /// gets coefficient 0 instead of infinity.
    /// </summary>
    public static (Tensor EdgeIndex, Tensor Norm) Normalize(Tensor edgeIndex, Tensor? edgeWeight, long numNodes, ScalarType dtype)
    {
        using var scope = NewDisposeScope();
        var (edges, weights) = SelfLoops.AddRemaining(edgeIndex, edgeWeight, numNodes, 1.0, dtype);
        var degree = ScatterReduce.Sum(weights, edges[1], numNodes);
        var inverseSqrt = degree.pow(ScalarCache.Of(-0.5));
        inverseSqrt = inverseSqrt.masked_fill(inverseSqrt.isinf(), ScalarCache.Zero);
        var norm = inverseSqrt.index_select(0, edges[0]) * weights * inverseSqrt.index_select(0, edges[1]);
        return (edges.MoveToOuterDisposeScope(), norm.MoveToOuterDisposeScope());
    }
}
