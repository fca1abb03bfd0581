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
public sealed class TopKPooling : Module<Tensor, Tensor, Tensor, long, PoolResult>
{
    private readonly Parameter weight;

    /// <param name="inChannels">Feature width d.</param>
    /// <param name="ratio">Fraction of each graph's nodes kept, rounded up (0 &lt; ratio ≤ 1).</param>
    public TopKPooling(long inChannels, double ratio = 0.5) : base(nameof(TopKPooling))
    {
        if (inChannels < 1) throw new ArgumentOutOfRangeException(nameof(inChannels), "at least one input channel");
        TopKSelect.CheckRatio(ratio);
        InChannels = inChannels;
        Ratio = ratio;
        double bound = 1.0 / Math.Sqrt(inChannels);
        weight = Parameter(empty(1, inChannels));
        using (no_grad()) weight.uniform_(-bound, bound);
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
        var score = ((x * weight).sum(-1) / weight.norm()).tanh();
        return GatedTopK.Pool(x, edgeIndex, batch, numGraphs, score, Ratio).MoveToOuterDisposeScope();
    }
}
