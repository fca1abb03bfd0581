using System.Diagnostics;
using TopoPool.Core.Pipelines;
using TopoPool.Torch.Models;
using TopoPool.Training.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace TopoPool.Training.Trainer;

/// <summary>
/// The paper's training protocol (BENCHMARK.md): Adam; every epoch one pass over the training set in batches, then
/// validation; the weights with the lowest validation loss are kept; training stops when the validation loss has not
/// improved for <see cref="TrainingOptions.Patience"/> epochs or at the epoch cap; the test set is evaluated with the
/// best weights. By default the training batches keep one order for the whole run, as the authors' loaders do, and are
/// collated once; with <see cref="TrainingOptions.ShuffleEachEpoch"/> the order comes from (seed, epoch). Either way a
/// run resumed from its checkpoint continues exactly as an uninterrupted one.
/// </summary>
public static class GraphTrainer
{
    public static TrainingResult Run<TSample>(
        nn.Module<GraphBatch, ModelOutput> model,
        IReadOnlyList<TSample> train,
        IReadOnlyList<TSample> validation,
        IReadOnlyList<TSample> test,
        Func<IReadOnlyList<TSample>, GraphBatch> collate,
        TrainingOptions options,
        IProgress<EpochReport>? progress = null,
        CancellationToken cancellation = default)
    {
        if (train.Count == 0) throw new ArgumentException("the training set is empty", nameof(train));
        if (options.Epochs < 1) throw new ArgumentOutOfRangeException(nameof(options), options.Epochs, "the epoch cap must be at least 1");
        if (options.Patience < 1) throw new ArgumentOutOfRangeException(nameof(options), options.Patience, "the patience must be at least 1");
        if (options.BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(options), options.BatchSize, "the batch size must be at least 1");
        if (!double.IsFinite(options.LearningRate) || options.LearningRate < 0)
            throw new ArgumentOutOfRangeException(nameof(options), options.LearningRate, "the learning rate must be a finite number, at least 0");
        var device = options.Device;
        var objective = options.Objective ?? new PaperObjective(options.Task);
        model.to(device);
        using var optimizer = optim.Adam(model.parameters(), options.LearningRate);

        var validationBatches = validation.Chunk(options.BatchSize).Select(c => collate(c).To(device)).ToList();
        var testBatches = test.Chunk(options.BatchSize).Select(c => collate(c).To(device)).ToList();
        var fixedTrainBatches = options.ShuffleEachEpoch ? null : train.Chunk(options.BatchSize).Select(c => collate(c).To(device)).ToList();

        var history = new List<EpochReport>();
        var best = Snapshot(model);
        int bestEpoch = 0, sinceImprovement = 0, firstEpoch = 1;
        double bestLoss = double.PositiveInfinity, secondsBefore = 0;
        EvaluationMetrics? bestValidation = null;
        bool resumed = false;

        if (options.CheckpointPath is { } checkpointPath
            && TrainingCheckpoint.TryLoad(checkpointPath, options.RunKey, model, optimizer) is { } restored)
        {
            resumed = true;
            Dispose(best);
            best = restored.BestWeights;
            bestEpoch = restored.State.BestEpoch;
            bestLoss = restored.State.BestValidationLoss;
            sinceImprovement = restored.State.EpochsWithoutImprovement;
            secondsBefore = restored.State.Seconds;
            history.AddRange(restored.State.History);
            firstEpoch = restored.State.Epoch + 1;
            if (history.Count > 0)
                bestValidation = new EvaluationMetrics(options.Task, validation.Count, bestLoss,
                    options.Task == TaskKind.Classification ? history.Last().BestValidationMetric : double.NaN,
                    options.Task == TaskKind.Regression ? history.Last().BestValidationMetric : double.NaN, double.NaN, double.NaN);
        }

        var clock = Stopwatch.StartNew();
        var sinceCheckpoint = Stopwatch.StartNew();
        try
        {
            for (int epoch = firstEpoch; epoch <= options.Epochs && sinceImprovement < options.Patience; epoch++)
            {
                cancellation.ThrowIfCancellationRequested();
                double trainLoss = fixedTrainBatches is not null
                    ? TrainOneEpoch(model, optimizer, fixedTrainBatches, objective)
                    : TrainOneEpoch(model, optimizer, ShuffledBatches(train, collate, options, epoch), objective);
                var metrics = objective.Evaluate(model, validationBatches);
                if (metrics.Loss < bestLoss || bestValidation is null)
                {
                    bestLoss = metrics.Loss;
                    bestEpoch = epoch;
                    bestValidation = metrics;
                    sinceImprovement = 0;
                    Dispose(best);
                    best = Snapshot(model);
                }
                else sinceImprovement++;

                double elapsed = secondsBefore + clock.Elapsed.TotalSeconds;
                int left = Math.Min(options.Epochs - epoch, options.Patience - sinceImprovement);
                var report = new EpochReport(epoch, options.Epochs, trainLoss, metrics.Loss, metrics.Primary, metrics.PrimaryName,
                    bestEpoch, bestLoss, bestValidation.Primary, elapsed, elapsed / Math.Max(1, epoch - firstEpoch + 1) * Math.Max(0, left));
                history.Add(report);
                progress?.Report(report);

                bool last = epoch == options.Epochs || sinceImprovement >= options.Patience;
                if (options.CheckpointPath is { } path && (last || sinceCheckpoint.Elapsed >= options.CheckpointInterval))
                {
                    new TrainingCheckpoint(options.RunKey, epoch, bestEpoch, bestLoss, sinceImprovement, elapsed, history)
                        .Save(path, model, best, optimizer);
                    sinceCheckpoint.Restart();
                }
            }

            model.load_state_dict(best);
            var testMetrics = objective.Evaluate(model, testBatches);
            double seconds = secondsBefore + clock.Elapsed.TotalSeconds;
            int epochsRun = history.Count == 0 ? 0 : history[^1].Epoch;
            var stoppedBy = sinceImprovement >= options.Patience ? StopReason.Patience : StopReason.EpochCap;
            return new TrainingResult(testMetrics, bestValidation ?? testMetrics, bestEpoch, epochsRun, seconds,
                epochsRun == 0 ? 0 : seconds / epochsRun, resumed, history, stoppedBy);
        }
        finally
        {
            Dispose(best);
            foreach (var b in validationBatches) b.Dispose();
            foreach (var b in testBatches) b.Dispose();
            foreach (var b in fixedTrainBatches ?? []) b.Dispose();
        }
    }

    /// <summary>The loss the protocol minimises: NLL of log-probabilities (classification) or MSE (regression), plus any auxiliary loss.</summary>
    public static Tensor Loss(ModelOutput output, Tensor y, TaskKind task)
    {
        var loss = task == TaskKind.Classification
            ? nn.functional.nll_loss(output.Prediction, y)
            : nn.functional.mse_loss(output.Prediction.reshape(-1), y.reshape(-1));
        return output.AuxiliaryLoss is { } auxiliary ? loss + auxiliary : loss;
    }

    /// <summary>Metrics of <paramref name="model"/> over pre-collated batches (eval mode, no gradient).</summary>
    public static EvaluationMetrics Evaluate(nn.Module<GraphBatch, ModelOutput> model, IReadOnlyList<GraphBatch> batches, TaskKind task)
    {
        model.eval();
        using var noGrad = no_grad();
        double lossSum = 0;
        var predictedClasses = new List<int>();
        var actualClasses = new List<int>();
        var predictedValues = new List<double>();
        var actualValues = new List<double>();
        foreach (var batch in batches)
        {
            using var scope = NewDisposeScope();
            var output = model.call(batch);
            var y = batch.Y ?? throw new ArgumentException("an evaluation batch has no targets");
            lossSum += Loss(output, y, task).item<float>() * batch.NumGraphs;
            if (task == TaskKind.Classification)
            {
                predictedClasses.AddRange(output.Prediction.argmax(1).cpu().data<long>().Select(v => (int)v));
                actualClasses.AddRange(y.cpu().data<long>().Select(v => (int)v));
            }
            else
            {
                predictedValues.AddRange(output.Prediction.reshape(-1).to(float64).cpu().data<double>());
                actualValues.AddRange(y.reshape(-1).to(float64).cpu().data<double>());
            }
        }
        int count = task == TaskKind.Classification ? actualClasses.Count : actualValues.Count;
        double loss = count == 0 ? double.NaN : lossSum / count;
        return task == TaskKind.Classification
            ? EvaluationMetrics.Classification(loss, predictedClasses, actualClasses)
            : EvaluationMetrics.Regression(loss, predictedValues, actualValues);
    }

    private static double TrainOneEpoch(nn.Module<GraphBatch, ModelOutput> model, optim.Optimizer optimizer, IEnumerable<GraphBatch> batches, ITrainingObjective objective)
    {
        model.train();
        double lossSum = 0;
        int seen = 0;
        foreach (var batch in batches)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = objective.Loss(model.call(batch), batch);
            loss.backward();
            optimizer.step();
            lossSum += loss.item<float>() * batch.NumGraphs;
            seen += batch.NumGraphs;
        }
        return lossSum / Math.Max(1, seen);
    }

    /// <summary>The training batches of one epoch in the order of <see cref="EpochShuffle"/>, each collated when it is
    /// needed and disposed after it was used.</summary>
    private static IEnumerable<GraphBatch> ShuffledBatches<TSample>(IReadOnlyList<TSample> train, Func<IReadOnlyList<TSample>, GraphBatch> collate,
                                                                    TrainingOptions options, int epoch)
    {
        var order = EpochShuffle(train.Count, options.Seed, epoch);
        foreach (var positions in order.Chunk(options.BatchSize))
        {
            var samples = positions.Select(i => train[i]).ToList();
            using var cpuBatch = collate(samples);
            var batch = cpuBatch.To(options.Device);
            try
            {
                yield return batch;
            }
            finally
            {
                if (!ReferenceEquals(batch, cpuBatch)) batch.Dispose();
            }
        }
    }

    /// <summary>
    /// The order of the training set in an epoch: a shuffle by the project's own generator seeded from (seed, epoch),
    /// the same in every process (so a run resumed in a new process continues exactly; .NET's HashCode is not).
    /// </summary>
    public static int[] EpochShuffle(int count, int seed, int epoch) =>
        new DeterministicRandom(unchecked(seed * 1_000_003 + epoch)).Permutation(count);

    private static Dictionary<string, Tensor> Snapshot(nn.Module model) =>
        model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone().DetachFromDisposeScope());

    private static void Dispose(Dictionary<string, Tensor> weights)
    {
        foreach (var t in weights.Values) t.Dispose();
    }
}
