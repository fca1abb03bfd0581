using TopoPool.Torch.Tensors;
using TopoPool.Torch.Convolution;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace TopoPool.Torch.Pooling.Baselines;

/// <summary>
/// Self-attention graph pooling (Lee et al. 2019; PyG's <c>SAGPooling</c> with its defaults): score
/// <c>y = tanh(GraphConv(x, A))</c> to one channel, keep the <c>ceil(ratio · n)</c> best nodes of each graph, pooled
/// rows <c>x_i · y_i</c>, edges between kept nodes. The result is laid out as <see cref="TopKPooling"/>'s.
/// State-dict keys: <c>gnn.lin_rel.weight</c>, <c>gnn.lin_rel.bias</c>, <c>gnn.lin_root.weight</c>.
/// </summary>
public sealed class SagPooling : Module<Tensor, Tensor, Tensor, long, PoolResult>
{
    private readonly GraphConv gnn;

    /// <param name="inChannels">Feature width d.</param>
    /// <param name="ratio">Fraction of each graph's nodes kept, rounded up (0 &lt; ratio ≤ 1).</param>
    public SagPooling(long inChannels, double ratio = 0.5) : base(nameof(SagPooling))
    {
        if (inChannels < 1) throw new ArgumentOutOfRangeException(nameof(inChannels), "at least one input channel");
        TopKSelect.CheckRatio(ratio);
        InChannels = inChannels;
        Ratio = ratio;
        gnn = new GraphConv(inChannels, 1);
        RegisterComponents();
    }

    public long InChannels { get; }
    public double Ratio { get; }

    /// <summary>Pools <paramref name="x"/> (N × d) over <paramref name="edgeIndex"/> (int64 2 × E) for the graphs
    /// <paramref name="batch"/> (int64, N) of <paramref name="numGraphs"/>.</summary>
    public override PoolResult forward(Tensor x, Tensor edgeIndex, Tensor batch, long numGraphs)
    {
        GraphTensorArguments.Check(x, InChannels, edgeIndex);
        GraphTensorArguments.CheckBatch(batch, x.shape[0], numGraphs, x.device);
        using var scope = NewDisposeScope();
        var score = gnn.call(x, edgeIndex).squeeze(1).tanh();
        return GatedTopK.Pool(x, edgeIndex, batch, numGraphs, score, Ratio).MoveToOuterDisposeScope();
    }
}
