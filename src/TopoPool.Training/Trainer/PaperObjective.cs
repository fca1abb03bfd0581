using TopoPool.Core.Pipelines;
using TopoPool.Torch.Models;
using static TorchSharp.torch;

namespace TopoPool.Training.Trainer;

/// <summary>The benchmark's objective (BENCHMARK.md): cross-entropy over one target's classes or MSE on one value, plus
/// the pooling layer's auxiliary loss when it has one; accuracy or MAE.</summary>
public sealed class PaperObjective(TaskKind task) : ITrainingObjective
{
    public TaskKind Task { get; } = task;

    public Tensor Loss(ModelOutput output, GraphBatch batch) =>
        GraphTrainer.Loss(output, batch.Y ?? throw new ArgumentException("a batch has no targets"), Task);

    public EvaluationMetrics Evaluate(nn.Module<GraphBatch, ModelOutput> model, IReadOnlyList<GraphBatch> batches) =>
        GraphTrainer.Evaluate(model, batches, Task);
}
