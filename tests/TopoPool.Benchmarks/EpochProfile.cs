using System.Diagnostics;
using System.Globalization;
using TopoPool.Core.Pipelines;
using TopoPool.Testing;
using TopoPool.Torch.Models;
using TopoPool.Training.Batching;
using TopoPool.Training.Data;
using TopoPool.Training.Experiments;
using TopoPool.Training.Trainer;
using TorchSharp;
using static TorchSharp.torch;

namespace TopoPool.Benchmarks;

/// <summary>
/// Where one epoch of the benchmark's protocol spends its time, phase by phase, on one thread:
/// <c>dotnet tests/TopoPool.Benchmarks/bin/Release/net10.0/TopoPool.Benchmarks.dll epoch-profile DATASET GNN POOL [EPOCHS] [reshuffle|stages]</c>.
/// The loop is <see cref="GraphTrainer"/>'s (Adam, batches of the protocol's size, validation after every epoch, seed 1's
/// split) with a clock around each phase: collating the training batches (once per run in the authors' fixed order,
/// every epoch with <c>reshuffle</c>), forward, backward, optimiser step, validation. The first epoch is left out of
/// the means (it pays for the JIT and libtorch's first allocations).
/// </summary>
public static class EpochProfile
{
    public static int Run(string[] args)
    {
        if (args.Length < 4)
        {
            Console.Error.WriteLine("usage: epoch-profile DATASET GNN POOL [EPOCHS] [reshuffle|stages]");
            return 2;
        }
        if (!ComponentNames.TryGnn(args[2], out var gnn) || !ComponentNames.TryPool(args[3], out var pool))
        {
            Console.Error.WriteLine($"epoch-profile: unknown GNN '{args[2]}' or pool '{args[3]}'");
            return 2;
        }
        int epochs = 20;
        if (args.Length > 4 && (!int.TryParse(args[4], NumberStyles.None, CultureInfo.InvariantCulture, out epochs) || epochs < 2))
        {
            Console.Error.WriteLine($"epoch-profile: EPOCHS must be a whole number of at least 2 (the first epoch is not counted), got '{args[4]}'");
            return 2;
        }
        string mode = args.Length > 5 ? args[5] : "";
        if (mode is not ("" or "reshuffle" or "stages"))
        {
            Console.Error.WriteLine($"epoch-profile: unknown mode '{mode}' (reshuffle or stages)");
            return 2;
        }

        torch.set_num_threads(1);
        BenchmarkDataset dataset;
        try
        {
            dataset = DatasetLocator.Load(args[1], SharedFolder.VariableOrPath("TOPOPOOL_DATA_DIR", "data"));
        }
        catch (DatasetNotFoundException e)
        {
            Console.Error.WriteLine($"epoch-profile: {e.Message}");
            return 2;
        }
        var split = dataset.Split(1);
        int outputWidth = dataset.Task == TaskKind.Classification ? dataset.NumClasses : 1;
        var paper = ModelPresets.Build(ModelPresets.Paper, gnn, pool, dataset.Task, dataset.NodeFeatureWidth, outputWidth, 32);
        var defaults = ProtocolDefaults.For(dataset.Name);
        Console.WriteLine($"{dataset.Name} {ComponentNames.Of(gnn)} + {ComponentNames.Of(pool)}: {split.Train.Samples.Count} training graphs in batches of {defaults.BatchSize}, " +
                          $"{split.Validation.Samples.Count} validation; means over epochs 2-{epochs}, one thread, kernels {TopoPool.Torch.Reproducibility.NumericReproducibility.State}");

        if (mode == "stages")
        {
            // The same epochs with one kind of stage taken out: the difference is what that kind costs (the widths
            // after a removed ConcatGlobalMean or a Mean readout are smaller, so those figures are upper bounds).
            var variants = new (string Name, Pipeline Pipeline)[]
            {
                ("the paper's model", paper),
                ("without the layer norms", paper.WithStages(paper.Stages.Where(s => !s.IsNormalize && !s.IsReuseNormalization))),
                ("without ConcatGlobalMean", paper.WithStages(paper.Stages.Where(s => !s.IsConcatGlobalMean))),
                ("mean instead of max+mean readouts", paper.WithStages(paper.Stages.Select(s => s.IsReadout ? Stage.NewReadout(ReadoutKind.Mean) : s))),
                ("without the pool", paper.WithStages(paper.Stages.Where(s => !s.IsPool && !s.IsReuseNormalization))),
                ("without the skip readouts", paper.WithStages(paper.Stages.Where((s, i) => !s.IsReadout || i == paper.Stages.Length - 1))),
            };
            double full = 0;
            foreach (var (name, pipeline) in variants)
            {
                var means = Profile(pipeline, split, defaults, epochs, reshuffle: false).PerEpoch;
                double train = means["forward (with loss)"] + means["backward"] + means["optimiser step"];
                if (full == 0) full = train;
                Console.WriteLine($"  {name,-36} training {train * 1000,8:F1} ms per epoch ({(train - full) * 1000,7:+0.0;-0.0;0.0} ms)");
            }
            return 0;
        }

        var (oneOff, perEpoch) = Profile(paper, split, defaults, epochs, mode == "reshuffle");
        Console.WriteLine(mode == "reshuffle" ? "  reshuffled and collated every epoch" : "  the authors' fixed order, collated once");
        foreach (var (phase, seconds) in oneOff)
            Console.WriteLine($"  {phase,-28} {seconds * 1000,9:F1} ms once");
        foreach (var (phase, seconds) in perEpoch)
            Console.WriteLine($"  {phase,-28} {seconds * 1000,9:F1} ms per epoch  {seconds / perEpoch["epoch"],6:P1}");
        return 0;
    }

    private static (List<(string Phase, double Seconds)> OneOff, Dictionary<string, double> PerEpoch) Profile(
        Pipeline pipeline, DatasetSplit split, ProtocolDefaults defaults, int epochs, bool reshuffle)
    {
        using var model = PipelineModel.Create(pipeline, CPU, 1);
        using var optimizer = optim.Adam(model.parameters(), defaults.LearningRate);
        var objective = new PaperObjective(pipeline.Head.Task);
        var oneOff = new List<(string Phase, double Seconds)>();
        T Once<T>(string phase, Func<T> work)
        {
            var clock = Stopwatch.StartNew();
            var result = work();
            oneOff.Add((phase, clock.Elapsed.TotalSeconds));
            return result;
        }

        var train = split.Train.Samples;
        var validation = Once("collate validation", () => split.Validation.Samples.Chunk(defaults.BatchSize).Select(GraphBatchCollator.Collate).ToList());
        List<GraphBatch>? fixedTrain = reshuffle ? null
            : Once("collate training", () => train.Chunk(defaults.BatchSize).Select(GraphBatchCollator.Collate).ToList());
        var perEpoch = new Dictionary<string, List<double>>();
        void Add(string phase, double seconds)
        {
            if (!perEpoch.TryGetValue(phase, out var list)) perEpoch[phase] = list = [];
            list.Add(seconds);
        }

        try
        {
            for (int epoch = 1; epoch <= epochs; epoch++)
            {
                double collate = 0, forward = 0, backward = 0, step = 0;
                var epochClock = Stopwatch.StartNew();
                model.train();
                var chunks = reshuffle
                    ? GraphTrainer.EpochShuffle(train.Count, 1, epoch).Select(i => train[i]).Chunk(defaults.BatchSize)
                    : [];
                var batches = fixedTrain?.Select(b => (Batch: b, Owned: false))
                    ?? chunks.Select(c =>
                    {
                        var clock = Stopwatch.StartNew();
                        var b = GraphBatchCollator.Collate(c);
                        collate += clock.Elapsed.TotalSeconds;
                        return (Batch: b, Owned: true);
                    });
                foreach (var (batch, owned) in batches)
                {
                    using var scope = NewDisposeScope();
                    var clock = Stopwatch.StartNew();
                    optimizer.zero_grad();
                    var loss = objective.Loss(model.call(batch), batch);
                    _ = loss.item<float>();
                    forward += clock.Elapsed.TotalSeconds;
                    clock.Restart();
                    loss.backward();
                    backward += clock.Elapsed.TotalSeconds;
                    clock.Restart();
                    optimizer.step();
                    step += clock.Elapsed.TotalSeconds;
                    if (owned) batch.Dispose();
                }
                var validationClock = Stopwatch.StartNew();
                objective.Evaluate(model, validation);
                double validate = validationClock.Elapsed.TotalSeconds;
                double total = epochClock.Elapsed.TotalSeconds;
                if (epoch == 1) continue;
                Add("collate training", collate);
                Add("forward (with loss)", forward);
                Add("backward", backward);
                Add("optimiser step", step);
                Add("validation", validate);
                Add("rest (loop, disposal)", total - collate - forward - backward - step - validate);
                Add("epoch", total);
            }
            return (oneOff, perEpoch.ToDictionary(kv => kv.Key, kv => kv.Value.Average()));
        }
        finally
        {
            foreach (var b in validation) b.Dispose();
            foreach (var b in fixedTrain ?? []) b.Dispose();
        }
    }
}
