// The pure specification on the README's graph, the built-in TDC featurizer, and the paper's model trained for two
// epochs on the synthetic motif set, all from F#.
open System
open TopoPool.Core
open TopoPool.Core.Pipelines
open TopoPool.Chemistry.Featurization
open TopoPool.Chemistry.Smiles
open TopoPool.Torch.Models
open TopoPool.Training.Batching
open TopoPool.Training.Data
open TopoPool.Training.Trainer

[<EntryPoint>]
let main _ =
    Globalization.CultureInfo.CurrentCulture <- Globalization.CultureInfo.InvariantCulture
    TorchSharp.torch.set_num_threads 1

    let edges = [| Edge(0, 1); Edge(1, 2); Edge(1, 3); Edge(1, 4) |]
    let clusters = MaxRegionDescent.select 5 edges [| 3.0f; 2.0f; 3.0f; 1.0f; 1.0f |] (Array.zeroCreate 5) 1
    for k in 0 .. clusters.NumClusters - 1 do
        printfn "cluster %d: peak %d, members %s" k clusters.Peaks.[k] (String.Join(",", clusters.Members k))

    let ethanol = SmilesReader.Parse "CCO"
    let features = TdcAtomFeatures.ToFeatureMatrix ethanol
    printfn "tdc: %d atoms x %d features" features.Rows features.Columns

    let dataset = SyntheticMotifDataset.Generate(SyntheticMotifOptions(GraphCount = 40))
    let samples = dataset.Samples |> Seq.toArray
    let pipeline = Pipeline.paper ConvolutionKind.Gcn PoolingKind.TopoPooling TaskKind.Classification dataset.NodeFeatureWidth dataset.NumClasses 16
    use model = PipelineModel.Create(pipeline, TorchSharp.torch.CPU, 1L)
    let options = TrainingOptions(TaskKind.Classification, TorchSharp.torch.CPU, Epochs = 2, Patience = 10, BatchSize = 8, LearningRate = 1e-2, Seed = 1)
    let result =
        GraphTrainer.Run(model, samples.[0..23], samples.[24..31], samples.[32..], Func<_, _>(GraphBatchCollator.Collate), options)
    for epoch in result.History do
        printfn "epoch %d: train loss %.4f" epoch.Epoch epoch.TrainLoss
    printfn "trained: %d epochs, test accuracy %.3f on %d graphs" result.EpochsRun result.Test.Accuracy result.Test.Count
    0
