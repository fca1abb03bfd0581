// Caco-2 permeability regression with GCN + TopoPool, the paper's model, in C#.
// Run from the repository root:  dotnet run --project examples/caco2_regression_csharp -c Release [-- DATA_DIR [EPOCHS]]
using TopoPool.Core.Pipelines;
using TopoPool.Torch.Models;
using TopoPool.Training.Batching;
using TopoPool.Training.Data;
using TopoPool.Training.Explanations;
using TopoPool.Training.Trainer;
using static TorchSharp.torch;

string? dataDirectory = args.Length > 0 ? args[0] : null;   // null: ./data, $TOPOPOOL_DATA_DIR or ../shared/data
int epochs = args.Length > 1 ? int.Parse(args[1]) : 40;

set_num_threads(1);   // one intra-op thread is fastest for molecule-sized graphs
var dataset = DatasetLocator.Load("Caco2_Wang", dataDirectory);
var split = dataset.Split(seed: 1);
Console.WriteLine(split);

var pipeline = Pipeline.Paper(ConvolutionKind.Gcn, PoolingKind.TopoPooling, TaskKind.Regression, dataset.NodeFeatureWidth, outputWidth: 1, hidden: 32);
using var model = PipelineModel.Create(pipeline, CPU, seed: 1);

var options = new TrainingOptions(TaskKind.Regression, CPU) { Epochs = epochs, Patience = 20, BatchSize = 128, LearningRate = 5e-3, Seed = 1 };
var progress = new Progress<EpochReport>(r => Console.WriteLine($"epoch {r.Epoch,3}: train MSE {r.TrainLoss:F3}, validation MAE {r.ValidationMetric:F3}"));
var result = GraphTrainer.Run(model, split.Train.Samples, split.Validation.Samples, split.Test.Samples, GraphBatchCollator.Collate, options, progress);
Console.WriteLine($"test MAE {result.Test.Mae:F3}, RMSE {result.Test.Rmse:F3}, R² {result.Test.R2:F3} (best epoch {result.BestEpoch})");

// What did the layer find? The strongest cluster of the first three test molecules.
using var explainer = GraphExplainer.From(model);
foreach (var sample in split.Test.Samples.Take(3))
{
    var clusters = explainer.Explain(sample.Graph);
    var strongest = clusters.Strongest!;
    Console.WriteLine($"{sample.Smiles}: {clusters.Clusters.Count} clusters; strongest σ = {strongest.Weight:F2}, atoms [{string.Join(", ", strongest.Members)}]");
}
