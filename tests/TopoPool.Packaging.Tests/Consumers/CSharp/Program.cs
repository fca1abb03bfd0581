// Featurize a molecule with our own featurizer, pool it with TopoPooling, train the paper's model for two epochs.
using System.Globalization;
using Consumer;
using TopoPool.Chemistry.Smiles;
using TopoPool.Core.Pipelines;
using TopoPool.Torch.Models;
using TopoPool.Torch.Pooling;
using TopoPool.Training.Batching;
using TopoPool.Training.Data;
using TopoPool.Training.Trainer;
using static TorchSharp.torch;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
set_num_threads(1);

var phenol = SmilesReader.Parse("c1ccccc1O");
Console.WriteLine($"featurizer: width {PolarAtomFeatures.Width}; {string.Join(",", PolarAtomFeatures.FeatureNames)}");
Span<float> row = stackalloc float[PolarAtomFeatures.Width];
foreach (int atom in new[] { 0, 6 })
{
    PolarAtomFeatures.WriteFeatures(phenol.Atoms[atom], row);
    Console.WriteLine($"atom {atom} {phenol.Atoms[atom].Symbol}: {string.Join(" ", row.ToArray().Select(v => v.ToString("0.##")))}");
}

var graph = PolarAtomFeatures.ToGraph(phenol);
Console.WriteLine($"graph: {graph.NumNodes} nodes, {graph.Edges.Length} edges");

manual_seed(1);
using (var batch = GraphBatch.From([graph]))
using (var pool = new TopoPooling(PolarAtomFeatures.Width))
{
    var pooled = pool.call(batch.X, batch.EdgeIndex, batch.Batch, batch.NumGraphs);
    var covered = pooled.NodeIndex.data<long>().ToArray().Distinct().Count();
    var weights = pooled.Weights!.detach().data<float>().ToArray();
    Console.WriteLine($"pooling: {pooled.NumClusters} clusters, {covered} of {graph.NumNodes} nodes covered, weights sum {weights.Sum():0.000}");
}

string[] smiles =
[
    "CCO", "CCN", "c1ccccc1", "c1ccncc1", "CC(=O)O", "CC(=O)N", "CCCC", "CCCN", "c1ccc(O)cc1", "c1ccc(N)cc1",
    "OCCO", "NCCN", "CC(C)O", "CC(C)N", "C1CCCCC1", "C1CCNCC1", "COC", "CNC", "O=C=O", "N#CC",
];
var samples = smiles
    .Select((s, i) => GraphSample.ForClass(PolarAtomFeatures.ToGraph(SmilesReader.Parse(s)), $"molecule {i}", s.Contains('N') || s.Contains('n') ? 1 : 0))
    .ToList();
var pipeline = Pipeline.Paper(ConvolutionKind.Gcn, PoolingKind.TopoPooling, TaskKind.Classification, PolarAtomFeatures.Width, outputWidth: 2, hidden: 16);
using var model = PipelineModel.Create(pipeline, CPU, seed: 1);
var options = new TrainingOptions(TaskKind.Classification, CPU) { Epochs = 2, Patience = 10, BatchSize = 4, LearningRate = 1e-2, Seed = 1 };
var result = GraphTrainer.Run(model, samples[..12], samples[12..16], samples[16..], GraphBatchCollator.Collate, options);
foreach (var epoch in result.History)
    Console.WriteLine($"epoch {epoch.Epoch}: train loss {epoch.TrainLoss:F4}");
Console.WriteLine($"trained: {result.EpochsRun} epochs, test accuracy {result.Test.Accuracy:F3} on {result.Test.Count} graphs");
