using System.Text.Json;
using TopoPool.Core.Pipelines;
using TopoPool.Torch.Models;
using TopoPool.Training.Batching;
using TopoPool.Training.Data;
using TopoPool.Training.Explanations;
using TopoPool.Training.Trainer;
using static TorchSharp.torch;

namespace TopoPool.Training.Experiments;

/// <summary>
/// Runs the protocol for one (dataset, GNN, pool) over several seeds: split, build the paper's model from its
/// pipeline, train, test with the best weights, and keep each seed's weights, checkpoint and result in the output
/// folder. A seed whose result file exists is not trained again; an interrupted seed resumes from its checkpoint.
/// </summary>
public static class ExperimentRunner
{
    public const string SettingsFile = "settings.json";

    public static ExperimentSummary Run(
        ExperimentSettings settings,
        Action<int, EpochReport>? progress = null,
        Action<SeedRun>? seedFinished = null,
        CancellationToken cancellation = default)
    {
        var dataset = DatasetLocator.Load(settings.Dataset, settings.DataDirectory);
        return Run(dataset, settings, progress, seedFinished, cancellation);
    }

    public static ExperimentSummary Run(
        BenchmarkDataset dataset,
        ExperimentSettings settings,
        Action<int, EpochReport>? progress = null,
        Action<SeedRun>? seedFinished = null,
        CancellationToken cancellation = default)
    {
        var defaults = ProtocolDefaults.For(dataset.Name);
        var task = dataset.Task;
        var saved = SavedModel.For(dataset, settings, task);
        var output = settings.OutputDirectory ?? Path.Combine("runs", $"{dataset.Name}_{settings.Gnn}_{settings.Pool}".ToLowerInvariant());
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, SettingsFile), JsonSerializer.Serialize(saved, SavedModel.JsonOptions));

        var runs = new List<SeedRun>();
        foreach (int seed in settings.Seeds)
        {
            cancellation.ThrowIfCancellationRequested();
            var resultPath = Path.Combine(output, $"seed{seed}.result.json");
            if (File.Exists(resultPath) && JsonSerializer.Deserialize<SeedRun>(File.ReadAllText(resultPath)) is { } done)
            {
                runs.Add(done);
                seedFinished?.Invoke(done);
                continue;
            }

            var split = dataset.Split(seed);
            using var model = PipelineModel.Create(saved.Pipeline(), settings.Device, seed);
            var options = new TrainingOptions(task, settings.Device)
            {
                Epochs = settings.Epochs ?? defaults.Epochs,
                Patience = settings.Patience ?? defaults.Patience,
                BatchSize = settings.BatchSize ?? defaults.BatchSize,
                LearningRate = settings.LearningRate ?? defaults.LearningRate,
                Seed = seed,
                CheckpointPath = Path.Combine(output, $"seed{seed}.checkpoint"),
            };
            options = options with { RunKey = $"{saved.Key}|{options.Epochs}|{options.Patience}|{options.BatchSize}|{options.LearningRate}|{seed}" };

            var result = GraphTrainer.Run(model, split.Train.Samples, split.Validation.Samples, split.Test.Samples,
                GraphBatchCollator.Collate, options, new SeedProgress(seed, progress), cancellation);
            model.save(Path.Combine(output, $"seed{seed}.weights"));

            double? recovery = split.Test.Samples.Any(s => s.HasMotif) && settings.Pool == PoolingKind.TopoPool
                ? MotifRecoveryOf(model, split.Test.Samples, options.BatchSize, settings.Device)
                : null;
            if (settings.Explain && settings.Pool != PoolingKind.Global)
                TestSetExplanations.Write(
                    TestSetExplanations.Explain(model, dataset.Name, split.Test.Samples, options.BatchSize, settings.Device),
                    Path.Combine(output, $"seed{seed}.explanations.jsonl"), Path.Combine(output, $"seed{seed}.summary.md"));
            var run = new SeedRun(seed, result.Test.Primary, result.EpochsRun, result.BestEpoch, result.Seconds,
                result.SecondsPerEpoch, result.BestValidation.Primary, recovery, result.Resumed);
            File.WriteAllText(resultPath, JsonSerializer.Serialize(run));
            runs.Add(run);
            seedFinished?.Invoke(run);
        }

        return new ExperimentSummary(dataset.Name, settings.Gnn.ToString(), settings.Pool.ToString(),
            EvaluationMetrics.MetricName(task), runs, dataset.Warnings);
    }

    /// <summary>Mean IoU between each test graph's highest-weighted cluster and its planted motif.</summary>
    public static double MotifRecoveryOf(PipelineModel model, IReadOnlyList<GraphSample> samples, int batchSize, Device device)
    {
        model.eval();
        using var noGrad = no_grad();
        var predicted = new List<IEnumerable<int>>();
        var planted = new List<IEnumerable<int>>();
        for (int start = 0; start < samples.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var chunk = samples.Skip(start).Take(batchSize).ToList();
            using var cpu = GraphBatchCollator.Collate(chunk);
            var batch = cpu.To(device);
            var output = model.call(batch);
            if (output.Pooling is null) throw new InvalidOperationException("the model has no pooling layer to read clusters from");
            var clusters = PoolResultReader.PerGraph(output.Pooling, batch.Batch, batch.NumGraphs);
            for (int g = 0; g < chunk.Count; g++)
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
