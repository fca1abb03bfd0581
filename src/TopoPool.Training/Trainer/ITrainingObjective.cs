using TopoPool.Torch.Models;
using static TorchSharp.torch;

namespace TopoPool.Training.Trainer;

/// <summary>What a training run minimises and how its validation and test sets are scored.</summary>
public interface ITrainingObjective
{
    /// <summary>The loss of one batch (with gradient).</summary>
    Tensor Loss(ModelOutput output, GraphBatch batch);

    /// <summary>Metrics over whole evaluation batches (eval mode, no gradient); <see cref="EvaluationMetrics.Loss"/>
    /// decides which epoch's weights are kept.</summary>
    EvaluationMetrics Evaluate(nn.Module<GraphBatch, ModelOutput> model, IReadOnlyList<GraphBatch> batches);
}
