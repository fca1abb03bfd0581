using TopoPool.Torch.Tensors;
using TopoPool.Torch.Convolution;
using TopoPool.Torch.Scatter;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace TopoPool.Torch.Pooling.Baselines;

/// <summary>
/// Adaptive structure-aware pooling (Ranjan et al. 2020; PyG's <c>ASAPooling</c> with its defaults). With one
/// self-loop per node added (existing loops replaced), every node <c>i</c> heads a cluster of its 1-hop
/// neighbourhood including itself: master query <c>m_i = W · max_{j→i} x_j</c>, attention
/// <c>α_ji = softmax_{j→i}(LeakyReLU_0.2(wᵀ[m_i ; x_j] + b))</c> (dropout on α while training, default 0),
/// cluster row <c>c_i = Σ_{j→i} α_ji x_j</c>. Fitness <c>φ = sigmoid(LEConv(c, A))</c>; the
/// <c>ceil(ratio · n)</c> fittest clusters of each graph are kept, each as <c>c_i · φ_i</c>; the pooled graph is
/// <c>A' = SᵀAS</c> over the kept clusters (S the attention matrix, <c>S[j, i] = α_ji</c>), its diagonal removed
/// (or set to 1 with <c>addSelfLoops</c>), edges sorted by (source, target) with weights.
/// <para>The result: clusters laid out as <see cref="TopKPooling"/>'s (<see cref="PoolResult.Peaks"/> = the kept
/// cluster heads); the assignment is <c>S</c> restricted to the kept clusters (pairs sorted by cluster, then node;
/// <see cref="PoolResult.AssignmentWeight"/> = α); <see cref="PoolResult.Scores"/> = φ (N),
/// <see cref="PoolResult.Weights"/> = the kept φ; the weights of <c>A'</c> in <see cref="PoolResult.EdgeWeight"/>.
/// State-dict keys: <c>lin.weight</c>, <c>lin.bias</c>, <c>att.weight</c>, <c>att.bias</c>,
/// <c>gnn_score.lin1.weight</c>, <c>gnn_score.lin1.bias</c>, <c>gnn_score.lin2.weight</c>,
/// <c>gnn_score.lin3.weight</c>, <c>gnn_score.lin3.bias</c>.</para>
/// </summary>
public sealed class AsaPooling : GraphPooling
{
    private readonly Linear lin;
    private readonly Linear att;
#pragma warning disable IDE1006 // PyG's state-dict names
    private readonly LeConv gnn_score;
#pragma warning restore IDE1006

    /// <param name="inChannels">Feature width d.</param>
    /// <param name="ratio">Fraction of each graph's clusters kept, rounded up (0 &lt; ratio ≤ 1).</param>
    /// <param name="dropout">Dropout probability on the attention coefficients while training (PyG default 0).</param>
    /// <param name="negativeSlope">Slope of the LeakyReLU on the attention logits (PyG default 0.2).</param>
    /// <param name="addSelfLoops">Set the pooled graph's diagonal to 1 instead of removing it (PyG default false).</param>
    public AsaPooling(long inChannels, double ratio = 0.5, double dropout = 0.0, double negativeSlope = 0.2, bool addSelfLoops = false)
        : base(nameof(AsaPooling), inChannels)
    {
        TopKSelect.CheckRatio(ratio);
        if (dropout is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(dropout), "dropout must lie in [0, 1)");
        Ratio = ratio;
        Dropout = dropout;
        NegativeSlope = negativeSlope;
        AddSelfLoops = addSelfLoops;
        lin = Linear(inChannels, inChannels);
        att = Linear(2 * inChannels, 1);
        gnn_score = new LeConv(inChannels, 1);
        RegisterComponents();
    }

    public double Ratio { get; }
    public double Dropout { get; }
    public double NegativeSlope { get; }
    public bool AddSelfLoops { get; }

    protected override PoolResult Pool(Tensor x, Tensor edgeIndex, Tensor batch, long numGraphs)
    {
        var device = x.device;
        long n = x.shape[0];
        var (edges, edgeWeight) = SelfLoops.AddRemaining(edgeIndex, null, n, 1.0, x.dtype);
        var source = edges[0];
        var target = edges[1];

        // Clusters: master-query attention over each node's neighbourhood (itself included).
        var neighbours = x.index_select(0, source);
        var query = lin.call(ScatterReduce.Max(neighbours, target, n).Values).index_select(0, target);
        var logits = functional.leaky_relu(att.call(cat(new[] { query, neighbours }, 1)).squeeze(1), NegativeSlope);
        var alpha = ScatterReduce.Softmax(logits, target, n);
        alpha = functional.dropout(alpha, Dropout, training && Dropout > 0);
        var clusters = ScatterReduce.Sum(neighbours * alpha.unsqueeze(1), target, n);

        // Select the fittest clusters of each graph.
        var fitness = gnn_score.call(clusters, edges).squeeze(1).sigmoid();
        var kept = TopKSelect.Run(fitness, Ratio, batch, numGraphs);
        long k = kept.shape[0];
        var keptFitness = fitness.index_select(0, kept);
        var pooled = clusters.index_select(0, kept) * keptFitness.unsqueeze(1);

        // Connect: A' = SᵀAS over the kept clusters.
        var clusterOf = full(n, ScalarCache.MinusOne, ScalarType.Int64, device).index_copy(0, kept, arange(k, ScalarType.Int64, device));
        var edgeCluster = clusterOf.index_select(0, target);
        var member = edgeCluster.ge(ScalarCache.Zero).nonzero().squeeze(1);
        var s = new SparseCooMatrix(source.index_select(0, member), edgeCluster.index_select(0, member), alpha.index_select(0, member), n, k);
        var a = new SparseCooMatrix(source, target, edgeWeight, n, n);
        var connected = s.Transpose().Multiply(a).Multiply(s);
        var offDiagonal = connected.Row.ne(connected.Column).nonzero().squeeze(1);
        var pooledRow = connected.Row.index_select(0, offDiagonal);
        var pooledColumn = connected.Column.index_select(0, offDiagonal);
        var pooledWeight = connected.Value.index_select(0, offDiagonal);
        if (AddSelfLoops)
        {
            var loops = arange(k, ScalarType.Int64, device);
            var key = cat(new[] { pooledRow * k + pooledColumn, loops * k + loops }, 0);
            var order = key.argsort();
            pooledRow = cat(new[] { pooledRow, loops }, 0).index_select(0, order);
            pooledColumn = cat(new[] { pooledColumn, loops }, 0).index_select(0, order);
            pooledWeight = cat(new[] { pooledWeight, ones(k, pooledWeight.dtype, device) }, 0).index_select(0, order);
        }

        // The assignment S, sorted by (cluster, node).
        var pairOrder = (s.Column * Math.Max(n, 1) + s.Row).sort(stable: true).Indices;

        return new PoolResult
        {
            X = pooled,
            EdgeIndex = stack(new[] { pooledRow, pooledColumn }),
            Batch = batch.index_select(0, kept),
            NumGraphs = numGraphs,
            NumNodes = n,
            NumClusters = k,
            NodeIndex = s.Row.index_select(0, pairOrder),
            ClusterIndex = s.Column.index_select(0, pairOrder),
            AssignmentWeight = s.Value.index_select(0, pairOrder),
            Peaks = kept,
            Scores = fitness,
            Weights = keptFitness,
            Extras = new PoolExtras { EdgeWeight = pooledWeight },
        };
    }
}
