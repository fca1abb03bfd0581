open TopoPool.Core

// The same 5-node graph: node 1 sits between two peaks (0 and 2) and two leaves (3, 4).
let edges = [| Edge(0, 1); Edge(1, 2); Edge(1, 3); Edge(1, 4) |]
let scores = [| 3.0f; 2.0f; 3.0f; 1.0f; 1.0f |]

let clusters = MaxRegionDescent.select 5 edges scores (Array.zeroCreate 5) 1

for k in 0 .. clusters.NumClusters - 1 do
    printfn "cluster %d: peak %d, members %A" k clusters.Peaks.[k] (List.ofSeq (clusters.Members k))

let features = FeatureMatrix.Create(5, 2, [| 1.0f; 0.0f; 0.0f; 1.0f; 2.0f; 2.0f; 0.0f; 3.0f; 1.0f; 1.0f |])
let pooled = Reduce.run features scores clusters
printfn "cluster weights: %A" (List.ofSeq pooled.Weights)
printfn "cluster edges: %A" (Connect.run edges clusters |> List.ofSeq)
