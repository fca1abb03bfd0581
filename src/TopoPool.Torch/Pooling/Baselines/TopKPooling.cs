using TopoPool.Torch.Tensors;
using TopoPool.Torch.Convolution;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace TopoPool.Torch.Pooling.Baselines;

/// <summary>
/// Graph U-Net's gPool (Gao &amp; Ji 2019; PyG's <c>TopKPooling</c> with its defaults): score
/// <c>y = tanh(x·p / ‖p‖)</c>, keep the <c>ceil(ratio · n)</c> best nodes of each graph, pooled rows
/// <c>x_i · y_i</c>, edges between kept nodes. <c>p</c> starts uniform in <c>±1/sqrt(d)</c>.
/// The result: one cluster per kept node (<see cref="PoolResult.NodeIndex"/> = <see cref="PoolResult.Peaks"/> = the
/// kept nodes, grouped by graph, best first), <see cref="PoolResult.Scores"/> = <c>y</c> (N),
/// <see cref="PoolResult.Weights"/> = the kept nodes' <c>y</c>. State-dict key: <c>weight</c> (1 × d).
/// </summary>
public sealed class TopKPooling : GraphPooling
{
    private readonly Parameter weight;

    /// <param name="inChannels">Feature width d.</param>
    /// <param name="ratio">Fraction of each graph's nodes kept, rounded up (0 &lt; ratio ≤ 1).</param>
    public TopKPooling(long inChannels, double ratio = 0.5) : base(nameof(TopKPooling), inChannels)
    {
        TopKSelect.CheckRatio(ratio);
        Ratio = ratio;
        double bound = 1.0 / Math.Sqrt(inChannels);
        weight = Parameter(empty(1, inChannels));
        using (no_grad()) weight.uniform_(-bound, bound);
        RegisterComponents();
    }

    public double Ratio { get; }

    protected override PoolResult Pool(Tensor x, Tensor edgeIndex, Tensor batch, long numGraphs)
    {
        var score = ((x * weight).sum(-1) / weight.norm()).tanh();
        return GatedTopK.Pool(x, edgeIndex, batch, numGraphs, score, Ratio);
    }
}
