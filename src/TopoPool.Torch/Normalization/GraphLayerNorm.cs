using TopoPool.Torch.Tensors;
using TopoPool.Torch.Convolution;
using TopoPool.Torch.Scatter;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace TopoPool.Torch.Normalization;

/// <summary>
/// PyG's <c>LayerNorm</c> in mode <c>"graph"</c>: each graph's node features are normalised over all its nodes and
/// channels together, <c>x' = (x − μ_g) / sqrt(σ²_g + ε) ⊙ γ + β</c>, with <c>μ_g</c> and <c>σ²_g</c> the mean and the
/// (biased) variance of the <c>n_g · d</c> entries of graph <c>g</c>, and a learnable affine map per channel
/// (<c>γ = 1</c>, <c>β = 0</c> at first). Graphs are given by <c>batch</c> and the graph count (empty graphs are fine;
/// the batch need not be sorted). State-dict keys: <c>weight</c>, <c>bias</c>.
/// </summary>
public sealed class GraphLayerNorm : Module<Tensor, Tensor, long, Tensor>
{
    private readonly Parameter? weight;
    private readonly Parameter? bias;

    /// <param name="channels">Feature width d.</param>
    /// <param name="eps">Added to the variance (PyG default 1e-5).</param>
    /// <param name="affine">Learn the per-channel scale and shift.</param>
    public GraphLayerNorm(long channels, double eps = 1e-5, bool affine = true) : base(nameof(GraphLayerNorm))
    {
        if (channels < 1) throw new ArgumentOutOfRangeException(nameof(channels), "at least one channel");
        if (!(eps >= 0)) throw new ArgumentOutOfRangeException(nameof(eps), "eps must be non-negative");
        Channels = channels;
        Eps = eps;
        if (affine)
        {
            weight = Parameter(ones(channels));
            bias = Parameter(zeros(channels));
        }
        RegisterComponents();
    }

    public long Channels { get; }
    public double Eps { get; }

    /// <summary>Normalises <paramref name="x"/> (N × d) per graph; <paramref name="batch"/> (int64, N) names each
    /// node's graph among <paramref name="numGraphs"/>.</summary>
    public override Tensor forward(Tensor x, Tensor batch, long numGraphs)
    {
        GraphTensorArguments.CheckFeatures(x, Channels);
        GraphTensorArguments.CheckBatch(batch, x.shape[0], numGraphs, x.device);
        using var scope = NewDisposeScope();
        return Normalize(x, batch, numGraphs, ScatterReduce.Count(batch, numGraphs).clamp_min(ScalarCache.One)).MoveToOuterDisposeScope();
    }

    /// <summary>As <see cref="forward(Tensor, Tensor, long)"/> with the graphs' node counts computed once
    /// (<see cref="Models.GraphStructure.NodesPerGraph"/>); the same result.</summary>
    public Tensor forward(Tensor x, Models.GraphStructure structure)
    {
        GraphTensorArguments.CheckFeatures(x, Channels);
        GraphTensorArguments.CheckBatch(structure.Batch, x.shape[0], structure.NumGraphs, x.device);
        using var scope = NewDisposeScope();
        return Normalize(x, structure.Batch, structure.NumGraphs, structure.NodesPerGraph).MoveToOuterDisposeScope();
    }

    private Tensor Normalize(Tensor x, Tensor batch, long numGraphs, Tensor nodesPerGraph)
    {
        var entries = (nodesPerGraph * ScalarCache.Of(Channels)).to_type(x.dtype).unsqueeze(1);
        var mean = ScatterReduce.Sum(x, batch, numGraphs).sum(1, keepdim: true) / entries;
        var centred = x - mean.index_select(0, batch);
        var variance = ScatterReduce.Sum(centred * centred, batch, numGraphs).sum(1, keepdim: true) / entries;
        var output = centred / (variance + ScalarCache.Of(Eps)).sqrt().index_select(0, batch);
        if (weight is not null && bias is not null) output = output * weight + bias;
        return output;
    }

    /// <summary>Normalises a single graph.</summary>
    public Tensor call(Tensor x)
    {
        using var scope = NewDisposeScope();
        var batch = zeros(x.shape[0], ScalarType.Int64, x.device);
        return call(x, batch, 1).MoveToOuterDisposeScope();
    }
}
