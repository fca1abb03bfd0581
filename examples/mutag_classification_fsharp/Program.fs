// MUTAG mutagenicity classification with GraphSAGE + TopoPool, the paper's model, in F#.
// Run from the repository root:  dotnet run --project examples/mutag_classification_fsharp -c Release [-- DATA_DIR [EPOCHS]]
open System
open TopoPool.Core.Pipelines
open TopoPool.Torch.Models
open TopoPool.Training.Batching
open TopoPool.Training.Data
open TopoPool.Training.Trainer


[<EntryPoint>]
let main args =
    let dataDirectory : string | null = if args.Length > 0 then args.[0] else null
    let epochs = if args.Length > 1 then int args.[1] else 300

    TorchSharp.torch.set_num_threads 1   // one intra-op thread is fastest for molecule-sized graphs
    let dataset = DatasetLocator.Load("MUTAG", dataDirectory)
    let pipeline = Pipeline.paper ConvolutionKind.Sage PoolingKind.TopoPooling TaskKind.Classification dataset.NodeFeatureWidth dataset.NumClasses 32

    let accuracies =
        [ for seed in 1..3 ->
            let split = dataset.Split seed
            use model = PipelineModel.Create(pipeline, TorchSharp.torch.CPU, int64 seed)
            let options = TrainingOptions(TaskKind.Classification, TorchSharp.torch.CPU, Epochs = epochs, Patience = 100, BatchSize = 32, LearningRate = 1e-3, Seed = seed)
            let result =
                GraphTrainer.Run(model, split.Train.Samples, split.Validation.Samples, split.Test.Samples,
                                 Func<_, _>(GraphBatchCollator.Collate), options)
            printfn "seed %d: test accuracy %.3f after %d epochs (best %d)" seed result.Test.Accuracy result.EpochsRun result.BestEpoch
            result.Test.Accuracy ]

    let mean = List.average accuracies
    let std = sqrt (accuracies |> List.averageBy (fun a -> (a - mean) ** 2.0))
    printfn "MUTAG SAGE + TopoPool: %.3f (%.3f) over %d seeds (paper: 0.811 (0.120) over 10)" mean std accuracies.Length
    0
