using TopoPool.Torch.Tensors;
using TopoPool.Torch.Convolution;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace TopoPool.Torch.Pooling.Baselines;

/// <summary>
/// Dense differentiable pooling (Ying et al. 2018) as the paper's model uses it: assignment logits
/// <c>s = GCN_2(relu(GCN_1(x)))</c> (GCN_1 to the hidden width, GCN_2 to the cluster count, on the sparse graph),
/// then <see cref="DenseDiffPool"/> on the batch padded per graph: <c>S = softmax(s)</c>, <c>X' = SᵀX</c>,
/// <c>A' = SᵀAS</c>. Every graph (empty ones too) gets exactly <see cref="Clusters"/> pooled nodes, graph-major.
/// <para>The result: <see cref="PoolResult.X"/> (graphs·clusters × d); the full soft assignment as N·clusters pairs
/// (<see cref="PoolResult.NodeIndex"/> node-major, <see cref="PoolResult.AssignmentWeight"/> = <c>S</c>, so
/// <c>X' = Σ weight · x</c> over the pairs and <see cref="PoolResult.Unpool(Tensor)"/> is <c>S X'</c>);
/// <see cref="PoolResult.EdgeIndex"/> = the non-zero entries of <c>A'</c> (self-loops included) with their values
/// in <see cref="PoolResult.EdgeWeight"/>; the link-prediction and entropy losses and <c>A'</c> in
/// <see cref="PoolResult.Extras"/> (<see cref="PoolResult.AuxiliaryLoss"/> sums them; the paper's
/// model does not add them). State-dict keys: <c>gnn1.lin.weight</c>, <c>gnn1.bias</c>, <c>gnn2.lin.weight</c>,
/// <c>gnn2.bias</c>.</para>
/// </summary>
public sealed class DiffPool : GraphPooling
{
    private readonly GcnConv gnn1;
    private readonly GcnConv gnn2;

    /// <param name="inChannels">Feature width d.</param>
    /// <param name="hiddenChannels">Width of GCN_1 (the paper's model: the hidden size, 32).</param>
    /// <param name="clusters">Pooled nodes per graph (the paper's model: 10).</param>
    public DiffPool(long inChannels, long hiddenChannels, long clusters = 10) : base(nameof(DiffPool), inChannels)
    {
        if (hiddenChannels < 1) throw new ArgumentOutOfRangeException(nameof(hiddenChannels), "at least one hidden channel");
        if (clusters < 1) throw new ArgumentOutOfRangeException(nameof(clusters), "at least one cluster");
        HiddenChannels = hiddenChannels;
        Clusters = clusters;
        gnn1 = new GcnConv(inChannels, hiddenChannels);
        gnn2 = new GcnConv(hiddenChannels, clusters);
        RegisterComponents();
    }

    public long HiddenChannels { get; }
    public long Clusters { get; }

    protected override PoolResult Pool(Tensor x, Tensor edgeIndex, Tensor batch, long numGraphs)
    {
        var device = x.device;
        long n = x.shape[0];
        long c = Clusters;
        var logits = gnn2.call(functional.relu(gnn1.call(x, edgeIndex)), edgeIndex);
        var layout = DenseLayout.Of(batch, numGraphs);
        var dense = DenseDiffPool.Run(layout.ToDense(x), layout.Adjacency(edgeIndex, x.dtype), layout.ToDense(logits), layout.Mask());
        long k = numGraphs * c;

        var adjacency = dense.Adjacency.reshape(numGraphs * c, c);
        var entries = adjacency.detach().ne(ScalarCache.Zero).nonzero();
        var row = entries.select(1, 0);
        var columnInGraph = entries.select(1, 1);
        var column = row.div(c, RoundingMode.floor) * c + columnInGraph;
        var edges = stack(new[] { row, column });
        var edgeWeight = adjacency.reshape(-1).index_select(0, row * c + columnInGraph);

        var clusterOffset = arange(c, ScalarType.Int64, device);
        var result = new PoolResult
        {
            X = dense.X.reshape(k, x.shape[1]),
            EdgeIndex = edges,
            Batch = arange(numGraphs, ScalarType.Int64, device).repeat_interleave(c),
            NumGraphs = numGraphs,
            NumNodes = n,
            NumClusters = k,
            NodeIndex = arange(n, ScalarType.Int64, device).repeat_interleave(c),
            ClusterIndex = ((batch * c).unsqueeze(1) + clusterOffset.unsqueeze(0)).reshape(-1),
            AssignmentWeight = logits.softmax(-1).reshape(-1),
        };
        var extras = new PoolExtras
        {
            EdgeWeight = edgeWeight,
            LinkLoss = dense.LinkLoss,
            EntropyLoss = dense.EntropyLoss,
            DenseAdjacency = dense.Adjacency.alias(),
        };
        return result with { Extras = extras };
    }
}
