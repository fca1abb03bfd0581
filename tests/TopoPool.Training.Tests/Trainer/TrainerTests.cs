using TopoPool.Core.Pipelines;
using TopoPool.Torch.Models;
using TopoPool.Torch.Readout;
using TopoPool.Training.Trainer;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace TopoPool.Training.Tests.Trainer;

public class TrainerTests
{
    /// <summary>A graph of 3–6 nodes on a path with two features; its class is whether the mean of feature 0 is positive.</summary>
    private sealed record ToyGraph(float[] Features, int Nodes, int Label);

    private sealed class MeanReadoutModel : nn.Module<GraphBatch, ModelOutput>
    {
        private readonly TorchSharp.Modules.Linear lin;

        public MeanReadoutModel(int inputs, int outputs) : base(nameof(MeanReadoutModel))
        {
            lin = nn.Linear(inputs, outputs);
            RegisterComponents();
        }

        public override ModelOutput forward(GraphBatch batch) =>
            new(nn.functional.log_softmax(lin.call(GlobalPool.Mean(batch.X, batch.Batch, batch.NumGraphs)), 1));
    }

    private static List<ToyGraph> ToyGraphs(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ =>
        {
            int n = random.Next(3, 7);
            var features = Enumerable.Range(0, 2 * n).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
            double mean = Enumerable.Range(0, n).Average(i => features[2 * i]);
            return new ToyGraph(features, n, mean > 0 ? 1 : 0);
        }).ToList();
    }

    private static GraphBatch Collate(IReadOnlyList<ToyGraph> graphs)
    {
        var x = graphs.SelectMany(g => g.Features).ToArray();
        var batch = graphs.SelectMany((g, i) => Enumerable.Repeat((long)i, g.Nodes)).ToArray();
        var edges = new List<long>[] { new(), new() };
        int offset = 0;
        foreach (var g in graphs)
        {
            for (int i = 0; i + 1 < g.Nodes; i++)
            {
                edges[0].Add(offset + i); edges[1].Add(offset + i + 1);
                edges[0].Add(offset + i + 1); edges[1].Add(offset + i);
            }
            offset += g.Nodes;
        }
        return new GraphBatch(
            tensor(x).reshape(-1, 2),
            tensor(edges[0].Concat(edges[1]).ToArray()).reshape(2, -1),
            tensor(batch),
            graphs.Count,
            tensor(graphs.Select(g => (long)g.Label).ToArray()));
    }

    private static (TrainingResult Result, float[] Weights) Train(TrainingOptions options, CancellationToken cancellation = default,
                                                                  IProgress<EpochReport>? progress = null, Func<IReadOnlyList<ToyGraph>, GraphBatch>? collate = null)
    {
        manual_seed(options.Seed);
        using var model = new MeanReadoutModel(2, 2);
        var data = ToyGraphs(120, 7);
        var result = GraphTrainer.Run(model, data.Take(80).ToList(), data.Skip(80).Take(20).ToList(), data.Skip(100).ToList(), collate ?? Collate, options, progress, cancellation);
        var weights = model.parameters().SelectMany(p => p.detach().cpu().data<float>().ToArray()).ToArray();
        return (result, weights);
    }

    private static TrainingOptions Options(int epochs, string? checkpoint = null) =>
        new(TaskKind.Classification, CPU)
        {
            Epochs = epochs, Patience = 100, BatchSize = 16, LearningRate = 0.05, Seed = 3, CheckpointPath = checkpoint, RunKey = "toy",
            CheckpointInterval = TimeSpan.Zero,
        };

    [Fact]
    public void Training_learns_a_separable_toy_task()
    {
        var (result, _) = Train(Options(40));
        Assert.True(result.Test.Accuracy >= 0.8, $"test accuracy {result.Test.Accuracy}");
        Assert.Equal(40, result.EpochsRun);
        Assert.Equal(40, result.History.Count);
    }

    [Fact]
    public void A_run_interrupted_after_an_epoch_resumes_from_its_checkpoint_and_ends_as_an_uninterrupted_run()
    {
        var directory = Directory.CreateTempSubdirectory("topopool-resume");
        var (straight, straightWeights) = Train(Options(8, Path.Combine(directory.FullName, "straight.ckpt")));

        var checkpoint = Path.Combine(directory.FullName, "interrupted.ckpt");
        using var cancel = new CancellationTokenSource();
        var stopAfterThree = new SynchronousProgress(r => { if (r.Epoch == 3) cancel.Cancel(); });
        Assert.ThrowsAny<OperationCanceledException>(() => Train(Options(8, checkpoint), cancel.Token, stopAfterThree));

        var (resumed, resumedWeights) = Train(Options(8, checkpoint));
        Assert.True(resumed.Resumed);
        Assert.Equal(8, resumed.History.Count);
        Assert.Equal(straight.History.Select(h => h.TrainLoss), resumed.History.Select(h => h.TrainLoss));
        Assert.Equal(straight.History.Select(h => h.ValidationLoss), resumed.History.Select(h => h.ValidationLoss));
        Assert.Equal(straight.Test.Accuracy, resumed.Test.Accuracy);
        Assert.Equal(straightWeights, resumedWeights);
    }

    [Fact]
    public void A_version_1_checkpoint_with_PascalCase_state_still_resumes()
    {
        var directory = Directory.CreateTempSubdirectory("topopool-resume-v1");
        var (straight, straightWeights) = Train(Options(6));
        var checkpoint = Path.Combine(directory.FullName, "interrupted.ckpt");
        using var cancel = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            Train(Options(6, checkpoint), cancel.Token, new SynchronousProgress(r => { if (r.Epoch == 2) cancel.Cancel(); })));
        RewriteAsVersion1(checkpoint);

        var (resumed, resumedWeights) = Train(Options(6, checkpoint));
        Assert.True(resumed.Resumed);
        Assert.Equal(straight.History.Select(h => h.TrainLoss), resumed.History.Select(h => h.TrainLoss));
        Assert.Equal(straightWeights, resumedWeights);
    }

    /// <summary>Turns a checkpoint into what version 1 wrote: the same bytes with version 1 and the state's names in
    /// PascalCase (<c>best_epoch</c> → <c>BestEpoch</c>).</summary>
    private static void RewriteAsVersion1(string path) => RewriteState(path, 1, Pascal);

    /// <summary>Rewrites a version-2 checkpoint's state with <paramref name="edit"/> under the given version number,
    /// keeping the weights after it as they were.</summary>
    private static void RewriteState(string path, int version, Func<System.Text.Json.Nodes.JsonNode?, System.Text.Json.Nodes.JsonNode?> edit)
    {
        byte[] bytes = File.ReadAllBytes(path);
        using var input = new BinaryReader(new MemoryStream(bytes), System.Text.Encoding.UTF8);
        string magic = input.ReadString();
        Assert.Equal(2, input.ReadInt32());
        var state = System.Text.Json.Nodes.JsonNode.Parse(input.ReadString())!;
        byte[] rest = bytes[(int)input.BaseStream.Position..];
        using var output = new BinaryWriter(File.Create(path), System.Text.Encoding.UTF8);
        output.Write(magic);
        output.Write(version);
        output.Write(edit(state)!.ToJsonString());
        output.Write(rest);
    }

    [Fact]
    public void A_checkpoint_whose_state_lacks_a_member_is_named_as_damaged_not_taken_for_another_run()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("topopool-no-key").FullName, "run.ckpt");
        using var cancel = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            Train(Options(6, path), cancel.Token, new SynchronousProgress(r => { if (r.Epoch == 2) cancel.Cancel(); })));
        RewriteState(path, 2, state => { state!.AsObject().Remove("run_key"); return state; });

        var error = Assert.Throws<InvalidDataException>(() => Train(Options(6, path)));
        Assert.StartsWith($"{path}: damaged checkpoint", error.Message);
    }

    private static System.Text.Json.Nodes.JsonNode? Pascal(System.Text.Json.Nodes.JsonNode? node) => node switch
    {
        System.Text.Json.Nodes.JsonObject o => new System.Text.Json.Nodes.JsonObject(o.Select(kv => KeyValuePair.Create(
            string.Concat(kv.Key.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..])), Pascal(kv.Value)))),
        System.Text.Json.Nodes.JsonArray a => new System.Text.Json.Nodes.JsonArray(a.Select(Pascal).ToArray()),
        _ => node?.DeepClone(),
    };

    [Fact]
    public void A_checkpoint_of_another_run_is_not_resumed()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("topopool-other").FullName, "run.ckpt");
        Train(Options(2, path));
        var (result, _) = Train(Options(2, path) with { RunKey = "another" });
        Assert.False(result.Resumed);
        Assert.Equal(2, result.History.Count);
    }

    [Fact]
    public void Training_stops_when_validation_has_not_improved_for_patience_epochs()
    {
        var (result, _) = Train(Options(50) with { LearningRate = 0, Patience = 4 });
        Assert.Equal(1, result.BestEpoch);
        Assert.Equal(5, result.EpochsRun);
    }

    [Fact]
    public void The_test_set_is_evaluated_with_the_best_weights()
    {
        var (result, _) = Train(Options(30) with { LearningRate = 0.5 });
        var best = result.History.Single(h => h.Epoch == result.BestEpoch);
        Assert.Equal(result.History.Min(h => h.ValidationLoss), best.ValidationLoss);
        Assert.Equal(best.ValidationLoss, result.BestValidation.Loss, 5);
    }

    [Fact]
    public void A_resumed_run_with_reshuffling_also_ends_as_an_uninterrupted_run()
    {
        var directory = Directory.CreateTempSubdirectory("topopool-resume-shuffled");
        var (straight, straightWeights) = Train(Options(6, Path.Combine(directory.FullName, "straight.ckpt")) with { ShuffleEachEpoch = true });
        var checkpoint = Path.Combine(directory.FullName, "interrupted.ckpt");
        using var cancel = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            Train(Options(6, checkpoint) with { ShuffleEachEpoch = true }, cancel.Token, new SynchronousProgress(r => { if (r.Epoch == 2) cancel.Cancel(); })));
        var (resumed, resumedWeights) = Train(Options(6, checkpoint) with { ShuffleEachEpoch = true });
        Assert.True(resumed.Resumed);
        Assert.Equal(straight.History.Select(h => h.TrainLoss), resumed.History.Select(h => h.TrainLoss));
        Assert.Equal(straightWeights, resumedWeights);
    }

    [Fact]
    public void Without_reshuffling_the_training_batches_are_collated_once_in_the_order_of_the_training_set()
    {
        var collated = new List<int[]>();
        var position = ToyGraphs(120, 7).Select((g, i) => (Key: string.Join(",", g.Features), i)).ToDictionary(p => p.Key, p => p.i);
        GraphBatch Spy(IReadOnlyList<ToyGraph> graphs)
        {
            collated.Add(graphs.Select(g => position[string.Join(",", g.Features)]).ToArray());
            return Collate(graphs);
        }

        Train(Options(5), collate: Spy);

        // The 2 validation and 2 test batches, then the 5 training batches once for all 5 epochs, in the training set's order.
        Assert.Equal(2 + 2 + 5, collated.Count);
        Assert.Equal(Enumerable.Range(0, 80).Chunk(16).ToList(), collated.Skip(4).ToList());
    }

    [Fact]
    public void With_reshuffling_each_epoch_reads_the_training_set_in_its_own_order()
    {
        var orders = new List<int[]>();
        var position = ToyGraphs(120, 7).Select((g, i) => (Key: string.Join(",", g.Features), i)).ToDictionary(p => p.Key, p => p.i);
        GraphBatch Spy(IReadOnlyList<ToyGraph> graphs)
        {
            orders.Add(graphs.Select(g => position[string.Join(",", g.Features)]).ToArray());
            return Collate(graphs);
        }

        Train(Options(3) with { ShuffleEachEpoch = true }, collate: Spy);

        var training = orders.Skip(4).ToList();
        Assert.Equal(3 * 5, training.Count);
        for (int epoch = 1; epoch <= 3; epoch++)
            Assert.Equal(GraphTrainer.EpochShuffle(80, 3, epoch), training.Skip((epoch - 1) * 5).Take(5).SelectMany(o => o).ToArray());
    }

    [Fact]
    public void A_run_says_whether_patience_or_the_epoch_cap_ended_it()
    {
        Assert.Equal(StopReason.EpochCap, Train(Options(3)).Result.StoppedBy);
        Assert.Equal(StopReason.Patience, Train(Options(50) with { LearningRate = 1e-12, Patience = 2 }).Result.StoppedBy);
    }

    [Theory]
    [InlineData(0, 1, 1, 0.1)]
    [InlineData(1, 0, 1, 0.1)]
    [InlineData(1, 1, 0, 0.1)]
    [InlineData(1, 1, 1, double.NaN)]
    [InlineData(1, 1, 1, -1.0)]
    [InlineData(1, 1, 1, double.PositiveInfinity)]
    public void Options_that_cannot_train_are_refused_before_any_work(int epochs, int patience, int batchSize, double learningRate)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Train(Options(epochs) with { Patience = patience, BatchSize = batchSize, LearningRate = learningRate }));
    }

    [Fact]
    public void A_damaged_checkpoint_is_named_and_not_silently_replaced()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("topopool-damaged").FullName, "run.ckpt");
        Train(Options(2, path));
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes.Take(bytes.Length / 2).ToArray());
        var error = Assert.Throws<InvalidDataException>(() => Train(Options(4, path)));
        Assert.StartsWith($"{path}: damaged checkpoint (truncated)", error.Message);
        File.WriteAllText(path, "not a checkpoint at all");
        Assert.Contains("damaged checkpoint", Assert.Throws<InvalidDataException>(() => Train(Options(4, path))).Message);
    }

    [Fact]
    public void Epoch_shuffles_depend_on_seed_and_epoch_only()
    {
        Assert.Equal(GraphTrainer.EpochShuffle(50, 1, 2), GraphTrainer.EpochShuffle(50, 1, 2));
        Assert.NotEqual(GraphTrainer.EpochShuffle(50, 1, 2), GraphTrainer.EpochShuffle(50, 1, 3));
        Assert.NotEqual(GraphTrainer.EpochShuffle(50, 1, 2), GraphTrainer.EpochShuffle(50, 2, 2));
        Assert.Equal(Enumerable.Range(0, 50), GraphTrainer.EpochShuffle(50, 4, 9).Order());
    }

    private sealed class SynchronousProgress(Action<EpochReport> report) : IProgress<EpochReport>
    {
        public void Report(EpochReport value) => report(value);
    }
}
