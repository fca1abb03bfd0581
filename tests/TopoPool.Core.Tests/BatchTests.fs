module TopoPool.Core.Tests.BatchTests

open System.Collections.Generic
open global.Xunit
open FsCheck
open FsCheck.FSharp
open FsCheck.Xunit
open TopoPool.Core
open TopoPool.Testing

let private graphsOf (c: GraphCase) =
    GraphCase.split c |> Array.map (fun p -> Graph.Create(p.NumNodes, p.Edges, p.Features))

[<Property(MaxTest = 500, Arbitrary = [| typeof<GraphArbitraries> |])>]
let ``splitting a collated batch gives back the graphs`` (c: GraphCase) =
    let graphs = graphsOf c
    let batch = Batch.Collate graphs
    let back = batch.Split()
    back.Length = graphs.Length && Seq.forall2 (fun (a: Graph) (b: Graph) -> a.Equals b) graphs back

[<Property(MaxTest = 500, Arbitrary = [| typeof<GraphArbitraries> |])>]
let ``collating the split of a batch gives back the batch`` (c: GraphCase) =
    let batch = Batch.Collate(graphsOf c)
    let again = Batch.Collate(batch.Split())
    Seq.toList again.BatchVector = Seq.toList batch.BatchVector
    && Seq.toList again.Ptr = Seq.toList batch.Ptr
    && Seq.toList again.Edges = Seq.toList batch.Edges
    && again.Features.Equals batch.Features

[<Property(MaxTest = 500, Arbitrary = [| typeof<GraphArbitraries> |])>]
let ``ptr and batch vector agree with the graphs' sizes`` (c: GraphCase) =
    let graphs = graphsOf c
    let batch = Batch.Collate graphs
    batch.Ptr.Length = graphs.Length + 1
    && [ 0 .. graphs.Length - 1 ] |> List.forall (fun g -> batch.Ptr.[g + 1] - batch.Ptr.[g] = graphs.[g].NumNodes)
    && [ 0 .. batch.NumNodes - 1 ] |> List.forall (fun n -> batch.Ptr.[batch.BatchVector.[n]] <= n && n < batch.Ptr.[batch.BatchVector.[n] + 1])

[<Fact>]
let ``node labels survive a round trip`` () =
    let a = Graph.Create(2, [ Edge(0, 1) ], FeatureMatrix.Empty 2, [ 5; 6 ])
    let b = Graph.Create(1, [], FeatureMatrix.Empty 1, [ 7 ])
    let batch = Batch.collate [ a; b ]
    Assert.Equal<int>([ 5; 6; 7 ], batch.NodeLabels)
    Assert.Equal<Graph list>([ a; b ], Batch.split batch)

[<Fact>]
let ``an empty batch has one ptr entry and no nodes`` () =
    let batch = Batch.Collate(Seq.empty)
    Assert.Equal(0, batch.NumNodes)
    Assert.Equal<int>([ 0 ], batch.Ptr)
    Assert.Empty(batch.Split())
