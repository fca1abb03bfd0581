using TopoPool.Core.Pipelines;
using TopoPool.Torch.Pooling;
using TopoPool.Torch.Readout;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TopoPool.Torch.Models;

/// <summary>
/// A <see cref="Pipeline"/> interpreted as a TorchSharp module. Parameters are registered under stable,
/// readable names: <c>conv1</c>, <c>conv2</c>, … for convolutions in order, each normalisation under its
/// pipeline name (<c>norm1</c>, …), <c>pool1</c>, … for pooling layers, and <c>head.0</c>, <c>head.1</c>, … for the
/// head's linear layers. Equal pipelines give modules with equal parameter names and shapes, and equal weights
/// for equal seeds.
/// </summary>
public sealed class PipelineModel : nn.Module<GraphBatch, ModelOutput>
{
    private readonly Pipeline pipeline;
    private readonly List<(Stage Stage, nn.Module? Layer)> steps = [];
    private readonly ModuleList<Linear> head = new();

    private PipelineModel(Pipeline pipeline) : base(nameof(PipelineModel))
    {
        if (pipeline.Problem is { } problem) throw new ArgumentException($"invalid pipeline: {problem}", nameof(pipeline));
        this.pipeline = pipeline;
        var norms = new Dictionary<string, nn.Module>();
        int width = pipeline.InputWidth, convolutions = 0, pools = 0;
        foreach (var stage in pipeline.Stages)
        {
            switch (stage)
            {
                case Stage.Convolve c:
                    var conv = PipelineLayers.Convolution(c.Item, width);
                    register_module($"conv{++convolutions}", conv);
                    steps.Add((stage, conv));
                    width = c.Item.OutputWidth;
                    break;
                case Stage.Normalize n:
                    var norm = PipelineLayers.Normalization(width);
                    register_module(n.Name, norm);
                    norms[n.Name] = norm;
                    steps.Add((stage, norm));
                    break;
                case Stage.ReuseNormalization r:
                    steps.Add((stage, norms[r.Name]));
                    break;
                case Stage.Pool p:
                    var pool = PipelineLayers.Pooling(p.Item, width);
                    register_module($"pool{++pools}", pool);
                    steps.Add((stage, pool));
                    break;
                default:
                    if (stage.IsConcatGlobalMean) width *= 2;
                    steps.Add((stage, null));
                    break;
            }
        }

        int inputs = pipeline.ReadoutWidth;
        foreach (int hidden in pipeline.Head.HiddenWidths)
        {
            head.Add(nn.Linear(inputs, hidden));
            inputs = hidden;
        }
        head.Add(nn.Linear(inputs, pipeline.Head.OutputWidth));
        register_module("head", head);
    }

    /// <summary>
    /// The module for <paramref name="pipeline"/>, its weights drawn from <paramref name="seed"/> (on the CPU, so the
    /// same seed gives the same weights on every device), then moved to <paramref name="device"/>. The seed goes to
    /// torch's global generator (restored afterwards), so build models on one thread when the weights must repeat.
    /// </summary>
    public static PipelineModel Create(Pipeline pipeline, Device device, long seed)
    {
        var previous = torch.random.get_rng_state();
        try
        {
            torch.random.manual_seed(seed);
            var model = new PipelineModel(pipeline);
            model.to(device);
            return model;
        }
        finally
        {
            torch.random.set_rng_state(previous);
        }
    }

    public Pipeline Pipeline => pipeline;

    public override ModelOutput forward(GraphBatch input)
    {
        using var scope = NewDisposeScope();
        var x = input.X;
        // The input's structure lives with the batch (computed once, reused every epoch); a pooled graph gets its own,
        // shared by the layers after the pool within this call.
        var structure = input.Structure;
        GraphStructure? pooledStructure = null;
        long numGraphs = input.NumGraphs;
        Tensor? readout = null;
        Tensor? auxiliary = null;
        PoolResult? pooled = null;

        try
        {
            foreach (var (stage, layer) in steps)
            {
                switch (stage)
                {
                    case Stage.Convolve:
                        x = PipelineLayers.Convolve(layer!, x, structure);
                        break;
                    case Stage.Normalize or Stage.ReuseNormalization:
                        x = PipelineLayers.Normalize(layer!, x, structure);
                        break;
                    case Stage.Activate a:
                        x = a.Item switch
                        {
                            Activation.LeakyRelu l => nn.functional.leaky_relu(x, l.NegativeSlope),
                            { IsRelu: true } => nn.functional.relu(x),
                            _ => x,
                        };
                        break;
                    case Stage.Dropout d:
                        x = nn.functional.dropout(x, d.Probability, training);
                        break;
                    case Stage.Pool p:
                        pooled = ((nn.Module<Tensor, Tensor, Tensor, long, PoolResult>)layer!).call(x, structure.EdgeIndex, structure.Batch, numGraphs);
                        x = pooled.X;
                        pooledStructure?.Dispose();
                        structure = pooledStructure = new GraphStructure(pooled.EdgeIndex, pooled.Batch, pooled.X.shape[0], numGraphs);
                        if (PipelineLayers.AuxiliaryLoss(p.Item, pooled) is { } extra) auxiliary = auxiliary is null ? extra : auxiliary + extra;
                        break;
                    case Stage.Readout r:
                        var read = r.Item switch
                        {
                            ReadoutKind.MaxMean => GlobalPool.MaxMean(x, structure),
                            ReadoutKind.Max => GlobalPool.Max(x, structure.Batch, numGraphs),
                            ReadoutKind.Mean => GlobalPool.Mean(x, structure),
                            _ => GlobalPool.Sum(x, structure.Batch, numGraphs),
                        };
                        readout = readout is null ? read : readout + read;
                        break;
                    default:
                        if (stage.IsConcatGlobalMean)
                            x = cat([x, GlobalPool.Mean(x, structure).index_select(0, structure.Batch)], 1);
                        break;
                }
            }
        }
        finally
        {
            pooledStructure?.Dispose();
        }

        var embedding = readout!;
        var h = embedding;
        for (int i = 0; i < head.Count; i++)
        {
            h = head[i].call(h);
            if (i + 1 < head.Count)
                h = pipeline.Head.Activation is Activation.LeakyRelu l ? nn.functional.leaky_relu(h, l.NegativeSlope)
                  : pipeline.Head.Activation.IsRelu ? nn.functional.relu(h) : h;
        }
        if (pipeline.Head.Task == TaskKind.Classification) h = nn.functional.log_softmax(h, 1);

        h.MoveToOuterDisposeScope();
        embedding.MoveToOuterDisposeScope();
        auxiliary?.MoveToOuterDisposeScope();
        pooled?.MoveToOuterDisposeScope();
        return new ModelOutput(h, auxiliary, pooled, embedding);
    }
}
