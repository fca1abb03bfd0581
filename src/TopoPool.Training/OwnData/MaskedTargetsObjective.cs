using TopoPool.Core.Pipelines;
using TopoPool.Torch.Models;
using TopoPool.Training.Trainer;
using static TorchSharp.torch;

namespace TopoPool.Training.OwnData;

/// <summary>
/// The objective of a model trained on a user's table with several targets, some values missing: the model's raw
/// output row holds one value per regression target (standardised, <see cref="TargetScaling"/>) and one logit per class
/// of each classification target (<see cref="TargetSpec.Offset"/>, <see cref="TargetSpec.Width"/>). The loss is the mean,
/// over the observed (non-NaN) target values of the batch, of the squared error (regression) or the cross-entropy of the
/// target's own softmax (classification), plus the pooling layer's auxiliary loss when it has one. Missing values count
/// for nothing. Validation keeps the epoch of lowest loss; its metric is the mean over targets of the MAE in the targets'
/// own units (regression) or of the accuracy (classification).
/// </summary>
public sealed class MaskedTargetsObjective(IReadOnlyList<TargetSpec> targets, TargetScaling scaling) : ITrainingObjective
{
    private readonly TaskKind task = targets.Count > 0 ? targets[0].Kind : TaskKind.Regression;

    public Tensor Loss(ModelOutput output, GraphBatch batch)
    {
        var (sum, count) = SummedLoss(output.Prediction, batch.Y ?? throw new ArgumentException("a batch has no targets"));
        var loss = sum / count.clamp_min(1);
        return output.AuxiliaryLoss is { } auxiliary ? loss + auxiliary : loss;
    }

    public EvaluationMetrics Evaluate(nn.Module<GraphBatch, ModelOutput> model, IReadOnlyList<GraphBatch> batches)
    {
        model.eval();
        using var noGrad = no_grad();
        double lossSum = 0, observed = 0;
        var decoded = new List<double[]>();
        var actual = new List<float[]>();
        foreach (var batch in batches)
        {
            using var scope = NewDisposeScope();
            var output = model.call(batch);
            var y = batch.Y ?? throw new ArgumentException("an evaluation batch has no targets");
            var (sum, count) = SummedLoss(output.Prediction, y);
            lossSum += sum.item<float>();
            observed += count.item<float>();
            decoded.AddRange(OwnDataOutputs.Decode(output.Prediction, targets, scaling));
            actual.AddRange(OwnDataOutputs.Rows(y, targets.Count));
        }
        double loss = observed == 0 ? double.NaN : lossSum / observed;
        var unscaled = actual.Select(row => Unscaled(row)).ToList();
        var perTarget = TargetMetrics.Compute(targets, decoded, unscaled);
        // Targets without a value in this part have NaN metrics; the others are averaged.
        double Mean(Func<TargetMetrics, double> pick) => perTarget.Where(m => m.Count > 0).Select(pick).DefaultIfEmpty(double.NaN).Average();
        return task == TaskKind.Classification
            ? new EvaluationMetrics(task, decoded.Count, loss, Mean(m => m.Accuracy), double.NaN, double.NaN, double.NaN)
            : new EvaluationMetrics(task, decoded.Count, loss, double.NaN, Mean(m => m.Mae), Mean(m => m.Rmse), Mean(m => m.R2));
    }

    private float[] Unscaled(float[] row)
    {
        var values = new float[row.Length];
        for (int t = 0; t < row.Length; t++)
            values[t] = float.IsNaN(row[t]) || targets[t].IsClassification ? row[t] : (float)scaling.Unscale(t, row[t]);
        return values;
    }

    /// <summary>The summed loss over the observed target values of a batch, and how many there were.</summary>
    private (Tensor Sum, Tensor Count) SummedLoss(Tensor prediction, Tensor y)
    {
        Tensor? sum = null, count = null;
        for (int t = 0; t < targets.Count; t++)
        {
            var target = targets[t];
            var column = y.select(1, t);
            var observed = column.isnan().logical_not();
            var weight = observed.to(float32);
            var value = where(observed, column, zeros_like(column));
            Tensor term;
            if (target.IsClassification)
            {
                var logProbabilities = nn.functional.log_softmax(prediction.narrow(1, target.Offset, target.Width), 1);
                var picked = logProbabilities.gather(1, value.to(int64).unsqueeze(1)).squeeze(1);
                term = -(picked * weight).sum();
            }
            else
            {
                var error = prediction.select(1, target.Offset) - value;
                term = (error * error * weight).sum();
            }
            sum = sum is null ? term : sum + term;
            var observedCount = weight.sum();
            count = count is null ? observedCount : count + observedCount;
        }
        return (sum ?? zeros(1, device: prediction.device).sum(), count ?? zeros(1, device: prediction.device).sum());
    }
}
