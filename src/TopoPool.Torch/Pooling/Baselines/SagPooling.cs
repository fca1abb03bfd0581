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
public sealed class SagPooling : GraphPooling
{
    private readonly GraphConv gnn;

    /// <param name="inChannels">Feature width d.</param>
    /// <param name="ratio">Fraction of each graph's nodes kept, rounded up (0 &lt; ratio ≤ 1).</param>
    public SagPooling(long inChannels, double ratio = 0.5) : base(nameof(SagPooling), inChannels)
    {
        TopKSelect.CheckRatio(ratio);
        Ratio = ratio;
        gnn = new GraphConv(inChannels, 1);
        RegisterComponents();
    }

    public double Ratio { get; }

    protected override PoolResult Pool(Tensor x, Tensor edgeIndex, Tensor batch, long numGraphs)
    {
        var score = gnn.call(x, edgeIndex).squeeze(1).tanh();
        return GatedTopK.Pool(x, edgeIndex, batch, numGraphs, score, Ratio);
    }
}
