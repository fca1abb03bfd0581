using TopoPool.Core.Pipelines;
using TopoPool.Torch.Scatter;
using TopoPool.Torch.Tensors;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace TopoPool.Torch.Pooling;

/// <summary>
/// TopoPool (Thieme et al. 2023), exactly as design/TOPOPOOL.md: scores <c>s = softmax_graph(e)</c> with
/// <c>e = Linear(d→1)(x)</c>, peaks (no neighbour scores higher), level-synchronous max-region descent (shared nodes join
/// every cluster that reaches them at the same level), then <c>h_k = σ_k · max_{i∈C_k} x_i</c>; optionally Connect (off
/// by default, as in the authors' model). The cluster weights <c>σ</c> are, by default, the softmax of the peaks' node
/// scores <c>s</c> over the clusters of each graph, as the authors' code does; <see cref="ClusterWeighting.SingleSoftmax"/>
/// takes the softmax of the raw peak scores <c>e</c> instead (the paper's Eq. 1), and a learned temperature divides the
/// weighed scores by <c>exp(log_temperature)</c>. The clusters themselves never depend on these options.
/// State-dict keys: <c>score.weight</c>, <c>score.bias</c>, and <c>log_temperature</c> with a learned temperature.
/// Call it with <c>layer.call(x, edgeIndex, batch, numGraphs)</c>; every result tensor is on <c>x</c>'s device.
/// </summary>
public sealed class TopoPooling : GraphPooling
{
    private readonly Linear score;
#pragma warning disable IDE1006 // state-dict name
    private readonly Parameter? log_temperature;
#pragma warning restore IDE1006

    /// <param name="inChannels">The feature width d.</param>
    /// <param name="connect">Whether to build the cluster graph (the paper's Connect).</param>
    /// <param name="weighting">How the clusters are weighed.</param>
    /// <param name="learnedTemperature">Whether the weighed scores are divided by a learned temperature (starting at 1).</param>
    /// <param name="engine">The engine for the discrete part; <see cref="DescentEngine.Auto"/> chooses by device.</param>
    public TopoPooling(long inChannels, bool connect = false, ClusterWeighting weighting = ClusterWeighting.SoftmaxOfNodeScores,
                       bool learnedTemperature = false, DescentEngine engine = DescentEngine.Auto) : base(nameof(TopoPooling), inChannels)
    {
        if (!Enum.IsDefined(weighting)) throw new ArgumentOutOfRangeException(nameof(weighting), weighting, "unknown cluster weighting");
        Connect = connect;
        Weighting = weighting;
        Engine = engine;
        score = Linear(inChannels, 1);
        if (learnedTemperature) log_temperature = Parameter(zeros(1));
        RegisterComponents();
    }

    /// <summary>The layer a pipeline's <see cref="TopoPoolingOptions"/> describe.</summary>
    public TopoPooling(long inChannels, TopoPoolingOptions options, DescentEngine engine = DescentEngine.Auto)
        : this(inChannels, options.Connect, options.Weighting, options.LearnedTemperature, engine)
    {
    }

    /// <summary>Whether <see cref="PoolResult.EdgeIndex"/> is computed (otherwise it is 2 × 0).</summary>
    public bool Connect { get; set; }

    public ClusterWeighting Weighting { get; }

    public bool LearnedTemperature => log_temperature is not null;

    /// <summary>The engine for peaks, descent and Connect.</summary>
    public DescentEngine Engine { get; set; }

    /// <summary>The edges are undirected (either direction, or both) and <paramref name="batch"/> is non-decreasing.</summary>
    protected override PoolResult Pool(Tensor x, Tensor edgeIndex, Tensor batch, long numGraphs)
    {
        var raw = score.call(x).squeeze(1);
        var scores = ScatterReduce.Softmax(raw, batch, numGraphs);
        var engine = TopoPoolSelect.Engine(Engine, x.device);
        var assignment = engine.Select(scores.detach(), edgeIndex, batch, numGraphs);
        var weighed = Weighting == ClusterWeighting.SingleSoftmax ? raw : scores;
        if (log_temperature is not null) weighed = weighed / log_temperature.exp();
        var reduced = TopoPoolReduce.Run(x, weighed, assignment);
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
        };
    }
}
