using System.Globalization;
using System.Text.Json;
using TopoPool.Core.Pipelines;
using TopoPool.Torch.Models;
using TopoPool.Training.Experiments;
using TopoPool.Training.Models;
using TopoPool.Training.Trainer;
using TorchSharp;
using static TorchSharp.torch;

namespace TopoPool.Training.OwnData;

/// <summary>
/// Trains a model on a user's table (<see cref="OwnDataSettings"/>), one ensemble member per seed, and writes the model
/// folder: <c>run.json</c> (the run's identity), per seed <c>seedN.weights</c> and <c>seedN.result.json</c>, and at the
/// end <c>model.json</c> (<see cref="ModelFile"/>). The folder rules are the benchmark's (<see cref="RunFolder"/>): a
/// folder of other data or settings is refused unless <c>fresh</c>, a finished seed of the same identity is reused and
/// an interrupted one resumed, each said through <c>log</c>.
/// </summary>
public static class OwnDataRunner
{
    public static OwnDataSummary Run(
        OwnDataSettings settings,
        Action<int, EpochReport>? progress = null,
        Action<OwnDataSeed>? seedFinished = null,
        Action<string>? log = null,
        CancellationToken cancellation = default)
    {
        var (table, test) = ReadTables(settings);
        return Run(table, test, settings, progress, seedFinished, log, cancellation);
    }

    /// <summary>The training table of <paramref name="settings"/> and its separate test table, if any (read with the training
    /// table's targets and classes, and without the split column).</summary>
    public static (MoleculeTable Table, MoleculeTable? Test) ReadTables(OwnDataSettings settings)
    {
        var table = MoleculeTable.Read(settings.DataPath, settings.Table);
        var test = settings.TestPath is { } testPath ? MoleculeTable.Read(testPath, settings.Table with { SplitColumn = null }, table.Targets) : null;
        return (table, test);
    }

    public static OwnDataSummary Run(
        MoleculeTable table,
        MoleculeTable? test,
        OwnDataSettings settings,
        Action<int, EpochReport>? progress = null,
        Action<OwnDataSeed>? seedFinished = null,
        Action<string>? log = null,
        CancellationToken cancellation = default)
    {
        var targets = table.Targets;
        var task = table.Task;
        int outputWidth = targets.Sum(t => t.Width);
        var pipeline = Pipeline(settings, table.Featurizer.Width, outputWidth);
        var run = Identity(settings, table, test);
        var record = new RunRecord(RunRecord.FormatName, run.Key, run.Describe(), task, table.Featurizer.Width, outputWidth,
            targets.SelectMany(t => t.Classes).ToList(), RunProvenance.Current.Informational);
        var folder = RunFolder.Open(settings.OutputFolder, run, record, settings.Fresh);
        var modelPath = Path.Combine(folder.Path, ModelFile.FileName);
        if (File.Exists(modelPath)) File.Delete(modelPath);

        var seeds = new List<OwnDataSeed>();
        foreach (int seed in settings.Seeds)
        {
            cancellation.ThrowIfCancellationRequested();
            var split = OwnDataSplit.Make(table.Samples, settings.Split, settings.SplitSizes, seed, test?.Samples, settings.Table.SplitColumn is not null, table.Source);
            var scaling = TargetScaling.Fit(targets, split.Train);
            var collate = OwnDataBatchCollator.For(targets, scaling);
            var objective = new MaskedTargetsObjective(targets, scaling);
            using var model = PipelineModel.Create(pipeline, settings.Device, seed);

            SeedRun seedRun;
            if (folder.Finished(seed) is { } done)
            {
                log?.Invoke($"seed {seed}: finished earlier, reused from {folder.ResultPath(seed)}");
                model.load(folder.WeightsPath(seed));
                seedRun = done.Run with { Reused = true };
            }
            else
            {
                if (File.Exists(folder.CheckpointPath(seed))) log?.Invoke($"seed {seed}: resuming from {folder.CheckpointPath(seed)}");
                var options = new TrainingOptions(task, settings.Device)
                {
                    Epochs = settings.Epochs,
                    Patience = settings.Patience,
                    BatchSize = settings.BatchSize,
                    LearningRate = settings.LearningRate,
                    ShuffleEachEpoch = settings.ShuffleEachEpoch,
                    Seed = seed,
                    Objective = objective,
                    CheckpointPath = folder.CheckpointPath(seed),
                    RunKey = $"{run.Key}|seed{seed}",
                };
                var result = GraphTrainer.Run(model, split.Train, split.Validation, split.Test, collate, options,
                    new SeedProgress(seed, progress), cancellation);
                var weights = folder.WeightsPath(seed);
                model.save(weights + ".partial");
                File.Move(weights + ".partial", weights, overwrite: true);
                seedRun = new SeedRun(seed, result.Test.Primary, result.EpochsRun, result.BestEpoch, result.Seconds, result.SecondsPerEpoch,
                    result.BestValidation.Primary, null, result.Resumed, result.StoppedBy);
                folder.WriteResult(new SeedResult(run.Key, seedRun,
                    result.History.Select(h => new EpochLine(h.Epoch, h.TrainLoss, h.ValidationLoss, h.ValidationMetric)).ToList()));
                if (File.Exists(options.CheckpointPath)) File.Delete(options.CheckpointPath);
            }

            var metrics = TestMetrics(model, split.Test, targets, scaling, settings.BatchSize, settings.Device);
            var finished = new OwnDataSeed(seedRun, scaling, metrics, split.Train.Count, split.Validation.Count, split.Test.Count);
            seeds.Add(finished);
            seedFinished?.Invoke(finished);
        }

        var file = new ModelFile(ModelFile.FormatName, RunProvenance.Current.Informational, run.Key,
            task == TaskKind.Classification ? "classification" : "regression",
            PipelineDescription.From(pipeline),
            new FeaturizerDescription(table.Featurizer.Name, table.Featurizer.Width, table.Featurizer.FeatureNames),
            targets.Select(t => new TargetDescription(t.Name, t.IsClassification ? "classification" : "regression", t.Classes, t.Offset, t.Width)).ToList(),
            run.Describe(),
            new DataDescription(Path.GetFileName(settings.DataPath), settings.TestPath is null ? null : Path.GetFileName(settings.TestPath), run.DataFingerprint,
                table.Records + (test?.Records ?? 0), table.Samples.Count + (test?.Samples.Count ?? 0), table.Skipped + (test?.Skipped ?? 0)),
            seeds.Select(s => new ModelSeed(s.Run.Seed, Path.GetFileName(folder.WeightsPath(s.Run.Seed)), s.Scaling.Means, s.Scaling.Stds,
                s.Run.Epochs, s.Run.BestEpoch, s.TrainCount, s.ValidationCount, s.TestCount, s.Test)).ToList());
        RunFolder.WriteAtomically(modelPath, JsonSerializer.Serialize(file, OwnDataJson.Default.ModelFile));
        return new OwnDataSummary(table, test, run, pipeline, seeds, folder.Path);
    }

    /// <summary>The settings that identify a run on <paramref name="table"/>: the benchmark's, with the own-data ones after them.</summary>
    public static RunSettings Identity(OwnDataSettings settings, MoleculeTable table, MoleculeTable? test)
    {
        string Sizes() => string.Join(",", settings.SplitSizes.Select(s => s.ToString("R", CultureInfo.InvariantCulture)));
        var device = settings.Device.type == DeviceType.CPU ? "cpu" : settings.Device.ToString();
        return new RunSettings(Path.GetFileName(settings.DataPath), OwnDataFingerprint.Of(table, test), settings.Model, settings.Gnn, settings.Pool,
            settings.Hidden, settings.Epochs, settings.Patience, settings.BatchSize, settings.LearningRate, Data.SplitRounding.TenthRoundedUp,
            settings.ShuffleEachEpoch, null, device, settings.Threads, Torch.Reproducibility.NumericReproducibility.State)
        {
            Variant = settings.Variant,
            DataOption = "the contents of --data and --test",
            Extra =
            [
                new("targets", string.Join(",", table.Targets.Select(t => t.Name)), "--targets"),
                new("task", table.Task == TaskKind.Classification ? "classification" : "regression", "--task"),
                new("featurizer", table.Featurizer.Name, "--featurizer"),
                new("split", settings.Table.SplitColumn is { } column ? $"column {column}" : settings.Split == SplitMethod.Scaffold ? "scaffold" : "random", "--split or --split-column"),
                new("split_sizes", Sizes(), "--split-sizes"),
                new("test_data", test is null ? "" : Path.GetFileName(settings.TestPath!), "--test"),
            ],
        };
    }

    /// <summary>The pipeline of <paramref name="settings"/>' preset for these widths; its head gives raw outputs, which
    /// <see cref="MaskedTargetsObjective"/> reads target by target.</summary>
    public static Pipeline Pipeline(OwnDataSettings settings, int inputWidth, int outputWidth) =>
        ModelPresets.Build(settings.Model, settings.Gnn, settings.Pool, TaskKind.Regression, inputWidth, outputWidth, settings.Hidden, settings.Variant);

    private static IReadOnlyList<TargetMetrics> TestMetrics(PipelineModel model, IReadOnlyList<MoleculeSample> test, IReadOnlyList<TargetSpec> targets,
                                                            TargetScaling scaling, int batchSize, Device device)
    {
        if (test.Count == 0) return TargetMetrics.Compute(targets, [], []);
        model.eval();
        using var noGrad = no_grad();
        var predicted = new List<double[]>();
        foreach (var chunk in test.Chunk(batchSize))
        {
            using var scope = NewDisposeScope();
            using var cpu = OwnDataBatchCollator.Collate(chunk, targets, scaling);
            var batch = cpu.To(device);
            predicted.AddRange(OwnDataOutputs.Decode(model.call(batch).Prediction, targets, scaling));
        }
        return TargetMetrics.Compute(targets, predicted, test.Select(s => s.Targets).ToList());
    }

    private sealed class SeedProgress(int seed, Action<int, EpochReport>? report) : IProgress<EpochReport>
    {
        public void Report(EpochReport value) => report?.Invoke(seed, value);
    }
}
