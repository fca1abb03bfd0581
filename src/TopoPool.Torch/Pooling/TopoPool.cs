using TopoPool.Torch.Scatter;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace TopoPool.Torch.Pooling;

/// <summary>
/// TopoPool (Thieme et al. 2023), exactly as design/TOPOPOOL.md: scores <c>s = softmax_graph(Linear(d→1)(x))</c>,
/// peaks (no neighbour scores higher), level-synchronous max-region descent (shared nodes join every cluster that
/// reaches them at the same level), then <c>h_k = σ_k · max_{i∈C_k} x_i</c> with <c>σ</c> the softmax of the peak
/// scores over the clusters of each graph; optionally Connect (off by default, as in the authors' model).
/// The only parameters are the scoring layer's: state-dict keys <c>score.weight</c> and <c>score.bias</c>.
/// Call it with <c>layer.call(x, edgeIndex, batch, numGraphs)</c>; every result tensor is on <c>x</c>'s device.
/// </summary>
/// <remarks>Outside the <c>TopoPool.*</c> namespaces the name <c>TopoPool</c> means the root namespace; write
/// <c>using TopoPoolLayer = TopoPool.Torch.Pooling.TopoPool;</c> or <c>Pooling.TopoPool</c> from inside them.</remarks>
public sealed class TopoPool : Module<Tensor, Tensor, Tensor, long, PoolResult>
{
    private readonly Linear score;

    /// <param name="inChannels">The feature width d.</param>
    /// <param name="connect">Whether to build the cluster graph (the paper's Connect).</param>
    /// <param name="engine">The engine for the discrete part; <see cref="DescentEngine.Auto"/> chooses by device.</param>
    public TopoPool(long inChannels, bool connect = false, DescentEngine engine = DescentEngine.Auto) : base(nameof(TopoPool))
    {
        if (inChannels < 1) throw new ArgumentOutOfRangeException(nameof(inChannels), "TopoPool needs at least one input channel");
        InChannels = inChannels;
        Connect = connect;
        Engine = engine;
        score = Linear(inChannels, 1);
        RegisterComponents();
    }

    /// <summary>The feature width d.</summary>
    public long InChannels { get; }

    /// <summary>Whether <see cref="PoolResult.EdgeIndex"/> is computed (otherwise it is 2 × 0).</summary>
    public bool Connect { get; set; }

    /// <summary>The engine for peaks, descent and Connect.</summary>
    public DescentEngine Engine { get; set; }

    /// <summary>Pools a batch: <paramref name="x"/> (N × d), <paramref name="edgeIndex"/> (int64 2 × E, undirected,
    /// either direction), <paramref name="batch"/> (int64 N, non-decreasing), <paramref name="numGraphs"/> graphs.</summary>
    public override PoolResult forward(Tensor x, Tensor edgeIndex, Tensor batch, long numGraphs)
    {
        if (x.dim() != 2 || x.shape[1] != InChannels)
            throw new ArgumentException($"x must be N × {InChannels}; got shape {SelectInput.Shape(x)}", nameof(x));
        SelectInput.CheckGraph(x.shape[0], x.device, edgeIndex, batch, numGraphs);
        using var scope = NewDisposeScope();
        var scores = ScatterReduce.Softmax(score.call(x).squeeze(1), batch, numGraphs);
        var engine = TopoPoolSelect.Engine(Engine, x.device);
        var assignment = engine.Select(scores.detach(), edgeIndex, batch, numGraphs);
        var reduced = TopoPoolReduce.Run(x, scores, assignment);
        var edges = Connect ? engine.Connect(edgeIndex, assignment) : zeros(new long[] { 2, 0 }, ScalarType.Int64, x.device);
        return new PoolResult
        {
            X = reduced.X,
            EdgeIndex = edges,
            Batch = assignment.ClusterBatch,
            NumGraphs = numGraphs,
            NumNodes = assignment.NumNodes,
            NumClusters = assignment.NumClusters,
            NodeIndex = assignment.NodeIndex,
            ClusterIndex = assignment.ClusterIndex,
            Peaks = assignment.Peaks,
            Scores = scores,
            Weights = reduced.Weights,
        }.MoveToOuterDisposeScope();
    }
}
