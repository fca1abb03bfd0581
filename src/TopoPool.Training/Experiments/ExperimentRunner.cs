using TopoPool.Core.Pipelines;
using TopoPool.Torch.Models;
using TopoPool.Training.Batching;
using TopoPool.Training.Data;
using TopoPool.Training.Explanations;
using TopoPool.Training.Trainer;
using TorchSharp;
using static TorchSharp.torch;

namespace TopoPool.Training.Experiments;

/// <summary>
/// Runs the protocol for one (dataset, model, GNN, pool) over several seeds: split, build the model from its pipeline,
/// train, test with the best weights, and keep each seed's weights, checkpoint and result in its <see cref="RunFolder"/>.
/// A seed finished earlier with the same settings is read back, not trained again; an interrupted seed resumes from
/// its checkpoint; both are said through <c>log</c>. A folder holding runs of other settings is refused.
/// </summary>
public static class ExperimentRunner
{
    public static ExperimentSummary Run(
        ExperimentSettings settings,
        Action<int, EpochReport>? progress = null,
        Action<SeedRun>? seedFinished = null,
        Action<string>? log = null,
        CancellationToken cancellation = default)
    {
        var dataset = DatasetLocator.Load(settings.Dataset, settings.DataDirectory);
        return Run(dataset, settings, progress, seedFinished, log, cancellation);
    }

    public static ExperimentSummary Run(
        BenchmarkDataset dataset,
        ExperimentSettings settings,
        Action<int, EpochReport>? progress = null,
        Action<SeedRun>? seedFinished = null,
        Action<string>? log = null,
        CancellationToken cancellation = default)
    {
        var task = dataset.Task;
        var run = settings.Resolve(dataset, Torch.Reproducibility.NumericReproducibility.State);
        int outputWidth = task == TaskKind.Classification ? dataset.NumClasses : 1;
        var record = new RunRecord(RunRecord.FormatName, run.Key, run.Describe(), task, dataset.NodeFeatureWidth, outputWidth,
            dataset.SplitGraphs.ClassNames, RunProvenance.Current.Informational);
        var pipeline = run.Pipeline(task, dataset.NodeFeatureWidth, outputWidth);
        var folder = RunFolder.Open(settings.OutputFolder, run, record, settings.Fresh);

        var runs = new List<SeedRun>();
        foreach (int seed in settings.Seeds)
        {
            cancellation.ThrowIfCancellationRequested();
            if (folder.Finished(seed) is { } done)
            {
                log?.Invoke($"seed {seed}: finished earlier, reused from {folder.ResultPath(seed)}");
                var reused = done.Run with { Reused = true };
                if (settings.Explain && settings.Pool != PoolingKind.Global && !File.Exists(folder.ExplanationsPath(seed)))
                {
                    using var saved = PipelineModel.Create(pipeline, CPU, seed);
                    saved.load(folder.WeightsPath(seed));
                    saved.to(settings.Device);
                    WriteExplanations(saved, dataset, dataset.Split(seed, run.SplitRounding), run.BatchSize, settings.Device, folder, seed);
                }
                runs.Add(reused);
                seedFinished?.Invoke(reused);
                continue;
            }
            if (File.Exists(folder.CheckpointPath(seed))) log?.Invoke($"seed {seed}: resuming from {folder.CheckpointPath(seed)}");

            var split = dataset.Split(seed, run.SplitRounding);
            using var model = PipelineModel.Create(pipeline, settings.Device, seed);
            var options = new TrainingOptions(task, settings.Device)
            {
                Epochs = run.Epochs,
                Patience = run.Patience,
                BatchSize = run.BatchSize,
                LearningRate = run.LearningRate,
                ShuffleEachEpoch = run.ShuffleEachEpoch,
                Seed = seed,
                CheckpointPath = folder.CheckpointPath(seed),
                RunKey = $"{run.Key}|seed{seed}",
            };

            var result = GraphTrainer.Run(model, split.Train.Samples, split.Validation.Samples, split.Test.Samples,
                GraphBatchCollator.Collate, options, new SeedProgress(seed, progress), cancellation);
            var weights = folder.WeightsPath(seed);
            model.save(weights + ".partial");
            File.Move(weights + ".partial", weights, overwrite: true);

            double? recovery = split.Test.Samples.Any(s => s.HasMotif) && settings.Pool == PoolingKind.TopoPooling
                ? MotifRecoveryOf(model, split.Test.Samples, options.BatchSize, settings.Device)
                : null;
            if (settings.Explain && settings.Pool != PoolingKind.Global)
                WriteExplanations(model, dataset, split, options.BatchSize, settings.Device, folder, seed);
            var seedRun = new SeedRun(seed, result.Test.Primary, result.EpochsRun, result.BestEpoch, result.Seconds,
                result.SecondsPerEpoch, result.BestValidation.Primary, recovery, result.Resumed, result.StoppedBy);
            folder.WriteResult(new SeedResult(run.Key, seedRun,
                result.History.Select(h => new EpochLine(h.Epoch, h.TrainLoss, h.ValidationLoss, h.ValidationMetric)).ToList()));
            if (File.Exists(options.CheckpointPath)) File.Delete(options.CheckpointPath);
            runs.Add(seedRun);
            seedFinished?.Invoke(seedRun);
        }

        return new ExperimentSummary(dataset.Name, run, EvaluationMetrics.MetricName(task), runs, dataset.Warnings, folder.Path);
    }

    private static void WriteExplanations(PipelineModel model, BenchmarkDataset dataset, DatasetSplit split, int batchSize, Device device, RunFolder folder, int seed) =>
        TestSetExplanations.Write(
            TestSetExplanations.Explain(model, dataset.Name, split.Test.Samples, batchSize, device),
            folder.ExplanationsPath(seed), folder.ExplanationSummaryPath(seed));

    /// <summary>Mean IoU between each test graph's highest-weighted cluster and its planted motif.</summary>
    public static double MotifRecoveryOf(PipelineModel model, IReadOnlyList<GraphSample> samples, int batchSize, Device device)
    {
        model.eval();
        using var noGrad = no_grad();
        var predicted = new List<IEnumerable<int>>();
        var planted = new List<IEnumerable<int>>();
        foreach (var chunk in samples.Chunk(batchSize))
        {
            using var scope = NewDisposeScope();
            using var cpu = GraphBatchCollator.Collate(chunk);
            var batch = cpu.To(device);
            var output = model.call(batch);
            if (output.Pooling is null) throw new InvalidOperationException("the model has no pooling layer to read clusters from");
            var clusters = PoolResultReader.PerGraph(output.Pooling, batch.Batch, batch.NumGraphs);
            for (int g = 0; g < chunk.Length; g++)
            {
                predicted.Add(clusters[g].Strongest?.Members ?? []);
                planted.Add(chunk[g].MotifNodes);
            }
        }
        return MotifRecovery.MeanIntersectionOverUnion(predicted, planted);
    }

    private sealed class SeedProgress(int seed, Action<int, EpochReport>? report) : IProgress<EpochReport>
    {
        public void Report(EpochReport value) => report?.Invoke(seed, value);
    }
}
