using TopoPool.Core;
using TopoPool.Core.Pipelines;
using TopoPool.Torch.Models;
using TopoPool.Training.Batching;
using TopoPool.Training.Data;
using TopoPool.Training.Experiments;
using TorchSharp;
using static TorchSharp.torch;

namespace TopoPool.Training.Explanations;

/// <summary>
/// Runs a model with a pooling layer on one graph and reads back the clusters it found: members, peak, weight σ
/// and the node scores. The model is either loaded from a folder written by <c>topopool train --out</c> (its
/// <c>settings.json</c> and a <c>seed*.weights</c> file) or a seeded, untrained paper model that shows the mechanics.
/// </summary>
public sealed class GraphExplainer : IDisposable
{
    private readonly PipelineModel model;
    private readonly Device device;
    private readonly bool ownsModel;

    private GraphExplainer(PipelineModel model, Device device, string description, bool ownsModel = true)
    {
        this.model = model;
        this.device = device;
        this.ownsModel = ownsModel;
        Description = description;
        model.eval();
    }

    /// <summary>Explains with a model you already have (it stays yours: disposing the explainer leaves it alone).</summary>
    public static GraphExplainer From(PipelineModel model, string description = "model") =>
        new(model, model.parameters().First().device, description, ownsModel: false);

    /// <summary>What model explains: the file it came from, or "untrained".</summary>
    public string Description { get; }

    public int InputWidth => model.Pipeline.InputWidth;

    /// <summary>
    /// Loads a trained model. <paramref name="path"/> is a <c>seedN.weights</c> file or the folder holding it (then the
    /// lowest seed is used); the folder's <c>run.json</c> (<see cref="RunFolder"/>) must be beside it.
    /// </summary>
    public static GraphExplainer Load(string path, Device device)
    {
        string directory, weights;
        if (Directory.Exists(path))
        {
            directory = path;
            weights = Directory.GetFiles(path, "seed*.weights").OrderBy(f => f.Length).ThenBy(f => f, StringComparer.Ordinal).FirstOrDefault()
                      ?? throw new FileNotFoundException($"{path}: no seed*.weights file (write one with `topopool train --out {path}`)");
        }
        else if (File.Exists(path))
        {
            directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
            weights = path;
        }
        else throw new FileNotFoundException($"{path}: no such model file or folder");

        var recordPath = Path.Combine(directory, RunFolder.RecordFile);
        if (!File.Exists(recordPath)) throw new FileNotFoundException($"{recordPath}: no such file (a model folder is written by `topopool train --out {directory}`)");
        var record = RunFolder.ReadRecord(recordPath);
        if (record.Setting("pool") is "global") throw new InvalidDataException($"{path}: the model has no pooling layer, so it has no clusters to show");
        var model = PipelineModel.Create(record.Pipeline(), CPU, 1);
        try
        {
            model.load(weights);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentException or InvalidOperationException or FormatException)
        {
            model.Dispose();
            string reason = e is EndOfStreamException ? "truncated" : e.Message.Split('\n')[0].Trim();
            throw new InvalidDataException($"{weights}: cannot be read as the weights of the model in {recordPath} ({reason})", e);
        }
        model.to(device);
        return new GraphExplainer(model, device, weights);
    }

    /// <summary>A seeded, untrained GCN + TopoPool paper model for inputs of the given width.</summary>
    public static GraphExplainer Untrained(int inputWidth, Device device, long seed = 1)
    {
        var pipeline = Pipeline.Paper(ConvolutionKind.Gcn, PoolingKind.TopoPooling, Core.Pipelines.TaskKind.Regression, inputWidth, 1, 32);
        return new GraphExplainer(PipelineModel.Create(pipeline, device, seed), device, $"untrained GCN + TopoPool (seed {seed})");
    }

    /// <summary>The clusters of one graph (node indices are the graph's own).</summary>
    public GraphClusters Explain(Graph graph)
    {
        if (graph.Features.Columns != InputWidth)
            throw new ArgumentException($"the graph has {graph.Features.Columns} features per node, the model expects {InputWidth}");
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var sample = GraphSample.ForTarget(graph, "explained", 0);
        using var cpu = GraphBatchCollator.Collate([sample]);
        var batch = cpu.To(device);
        var output = model.call(batch);
        if (output.Pooling is null) throw new InvalidOperationException("the model returned no pooling result");
        return PoolResultReader.PerGraph(output.Pooling, batch.Batch, 1)[0];
    }

    public void Dispose()
    {
        if (ownsModel) model.Dispose();
    }
}
