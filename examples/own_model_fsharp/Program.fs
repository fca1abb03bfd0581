// TopoPool inside your own TorchSharp model, in F#.
// Run from the repository root:  dotnet run --project examples/own_model_fsharp -c Release
open TorchSharp
open TopoPool.Torch.Convolution
open TopoPool.Torch.Readout

type torch = TorchSharp.torch

/// GCN → TopoPool → [max ; mean] readout → linear.
type ConvPoolClassifier(inputs: int64, hidden: int64, classes: int64) as this =
    inherit torch.nn.Module("ConvPoolClassifier")
    let conv = new GcnConv(inputs, hidden)
    let pool = new TopoPool.Torch.Pooling.TopoPooling(hidden)
    let head = torch.nn.Linear(2L * hidden, classes)
    do this.RegisterComponents()

    member _.Forward(x: torch.Tensor, edgeIndex: torch.Tensor, batch: torch.Tensor, numGraphs: int64) =
        let h = torch.nn.functional.relu (conv.call (x, edgeIndex))
        let pooled = pool.call (h, edgeIndex, batch, numGraphs)
        head.call (GlobalPool.MaxMean(pooled.X, pooled.Batch, numGraphs)), pooled

[<EntryPoint>]
let main _ =
    torch.manual_seed 1L |> ignore
    let device = if torch.cuda.is_available () then torch.CUDA else torch.CPU
    use model = new ConvPoolClassifier(4L, 16L, 2L)
    model.``to`` device |> ignore

    // A 4-ring (nodes 0-3) and a 3-path (nodes 4-6), edges in both directions.
    let x = torch.randn ([| 7L; 4L |], device = device)
    let edgeIndex =
        torch.tensor (array2D [ [ 0L; 1L; 1L; 2L; 2L; 3L; 3L; 0L; 4L; 5L; 5L; 6L ]; [ 1L; 0L; 2L; 1L; 3L; 2L; 0L; 3L; 5L; 4L; 6L; 5L ] ], device = device)
    let batch = torch.tensor ([| 0L; 0L; 0L; 0L; 1L; 1L; 1L |], device = device)

    let logits, pooling = model.Forward(x, edgeIndex, batch, 2L)
    let loss = torch.nn.functional.cross_entropy (logits, torch.tensor ([| 0L; 1L |], device = device))
    loss.backward ()
    printfn "loss %.4f; %d clusters for 7 nodes" (loss.item<float32> ()) pooling.NumClusters

    let nodes = pooling.NodeIndex.cpu().data<int64>().ToArray()
    let clusters = pooling.ClusterIndex.cpu().data<int64>().ToArray()
    let weights = (nonNull pooling.Weights).detach().cpu().data<float32>().ToArray()
    for k in 0 .. int pooling.NumClusters - 1 do
        let members = Array.zip nodes clusters |> Array.filter (fun (_, c) -> c = int64 k) |> Array.map fst
        printfn "cluster %d: σ = %.3f, nodes %A" k weights.[k] members
    0
