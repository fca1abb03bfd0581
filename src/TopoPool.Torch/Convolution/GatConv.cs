using TopoPool.Torch.Tensors;
using TopoPool.Torch.Scatter;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace TopoPool.Torch.Convolution;

/// <summary>
/// The graph attention layer of Veličković et al. (PyG's <c>GATConv</c> with its defaults): for each head
/// <c>h</c>, <c>z = W x</c>, <c>e_ji = LeakyReLU_0.2(a_srcᵀ z_j + a_dstᵀ z_i)</c>, <c>α_ji = softmax</c> of
/// <c>e</c> over the incoming edges of <c>i</c>, <c>x'_i = Σ_{j→i} α_ji z_j</c>; heads are concatenated (default) or
/// averaged, then the bias is added. Existing self-loops are removed and one loop per node is added. Dropout on
/// <c>α</c> only while training (default 0). <c>W</c> and the attention vectors are Glorot-initialised, the bias
/// starts at zero. State-dict keys: <c>lin.weight</c>, <c>att_src</c>, <c>att_dst</c> (1 × heads × out), <c>bias</c>.
/// </summary>
public sealed class GatConv : GraphConvolution
{
    private readonly Linear lin;
#pragma warning disable IDE1006 // PyG's state-dict names
    private readonly Parameter att_src;
    private readonly Parameter att_dst;
#pragma warning restore IDE1006
    private readonly Parameter? bias;

    /// <param name="inChannels">Input feature width.</param>
    /// <param name="outChannels">Output width of each head.</param>
    /// <param name="heads">Number of attention heads (PyG default 1).</param>
    /// <param name="concat">Concatenate the heads (output heads·out) or average them (output out).</param>
    /// <param name="negativeSlope">Slope of the LeakyReLU on the attention logits.</param>
    /// <param name="dropout">Dropout probability on the attention coefficients while training.</param>
    /// <param name="bias">Whether to learn an additive bias.</param>
    public GatConv(long inChannels, long outChannels, int heads = 1, bool concat = true, double negativeSlope = 0.2,
                   double dropout = 0.0, bool bias = true) : base(nameof(GatConv), inChannels, outChannels)
    {
        if (heads < 1) throw new ArgumentOutOfRangeException(nameof(heads), "at least one head");
        if (dropout is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(dropout), "dropout must lie in [0, 1)");
        Heads = heads;
        Concat = concat;
        NegativeSlope = negativeSlope;
        Dropout = dropout;
        lin = Linear(inChannels, heads * outChannels, hasBias: false);
        Glorot.Reset(lin.weight!);
        att_src = Parameter(empty(1, heads, outChannels));
        att_dst = Parameter(empty(1, heads, outChannels));
        Glorot.Reset(att_src);
        Glorot.Reset(att_dst);
        if (bias) this.bias = Parameter(zeros(concat ? heads * outChannels : outChannels));
        RegisterComponents();
    }

    public int Heads { get; }
    public bool Concat { get; }
    public double NegativeSlope { get; }
    public double Dropout { get; }

    /// <summary>Width of the output: heads·out when concatenating, out when averaging.</summary>
    public long OutputWidth => Concat ? Heads * OutChannels : OutChannels;

    protected override Tensor Convolve(Tensor x, Tensor edgeIndex)
    {
        var (withoutLoops, _) = SelfLoops.Remove(edgeIndex);
        var (edges, _) = SelfLoops.Add(withoutLoops, null, x.shape[0]);
        return AttendOver(x, edges).Output;
    }

    /// <summary>The output and the attention coefficients <c>α</c> (E' × heads) over the edges used
    /// (<see cref="GatAttention.EdgeIndex"/>: the input edges without loops, then one loop per node).</summary>
    public GatAttention Attend(Tensor x, Tensor edgeIndex)
    {
        GraphTensorArguments.Check(x, InChannels, edgeIndex);
        using var scope = NewDisposeScope();
        var (withoutLoops, _) = SelfLoops.Remove(edgeIndex);
        var (edges, _) = SelfLoops.Add(withoutLoops, null, x.shape[0]);
        var attention = AttendOver(x, edges);
        return new GatAttention(attention.Output.MoveToOuterDisposeScope(), attention.EdgeIndex.MoveToOuterDisposeScope(), attention.Alpha.MoveToOuterDisposeScope());
    }

    /// <summary>As <see cref="GraphConvolution.forward(Tensor, Tensor)"/> with the batch's edges and loops computed once
    /// (<see cref="Models.GraphStructure.GatEdges"/>); the same result.</summary>
    public override Tensor forward(Tensor x, Models.GraphStructure structure)
    {
        GraphTensorArguments.Check(x, InChannels, structure.EdgeIndex);
        using var scope = NewDisposeScope();
        return AttendOver(x, structure.GatEdges).Output.MoveToOuterDisposeScope();
    }

    /// <summary>Attention over <paramref name="edges"/>, which already hold one loop per node (registered in the caller's scope).</summary>
    private GatAttention AttendOver(Tensor x, Tensor edges)
    {
        long n = x.shape[0];
        var z = lin.call(x).view(n, Heads, OutChannels);
        var scoreSource = (z * att_src).sum(-1);
        var scoreTarget = (z * att_dst).sum(-1);
        var source = edges[0];
        var target = edges[1];
        var logits = functional.leaky_relu(scoreSource.index_select(0, source) + scoreTarget.index_select(0, target), NegativeSlope);
        var alpha = ScatterReduce.Softmax(logits, target, n);
        var used = functional.dropout(alpha, Dropout, training && Dropout > 0);
        var output = ScatterReduce.Sum(z.index_select(0, source) * used.unsqueeze(-1), target, n);
        output = Concat ? output.reshape(n, Heads * OutChannels) : output.mean(new long[] { 1 });
        if (bias is not null) output = output + bias;
        return new GatAttention(output, edges, alpha);
    }
}

