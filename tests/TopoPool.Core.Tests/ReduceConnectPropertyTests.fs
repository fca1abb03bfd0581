module TopoPool.Core.Tests.ReduceConnectPropertyTests

open FsCheck
open FsCheck.FSharp
open FsCheck.Xunit
open TopoPool.Core
open TopoPool.Testing

let private select (c: GraphCase) = MaxRegionDescent.select c.NumNodes c.Edges c.Scores c.Batch c.NumGraphs

[<Property(MaxTest = 500, Arbitrary = [| typeof<GraphArbitraries> |])>]
let ``cluster weights are a softmax of peak scores within each graph`` (c: GraphCase) =
    let k = select c
    let weights = Reduce.clusterWeights c.Scores k
    let sums = Array.zeroCreate<float> c.NumGraphs
    weights |> Array.iteri (fun i w -> sums.[k.ClusterBatch.[i]] <- sums.[k.ClusterBatch.[i]] + float w)
    let graphsWithClusters = Set.ofSeq k.ClusterBatch
    let sumsToOne = [ 0 .. c.NumGraphs - 1 ] |> List.forall (fun g -> not (graphsWithClusters.Contains g) || abs (sums.[g] - 1.0) < 1e-5)
    // The ratio of two weights in a graph is exp of the difference of their peak scores.
    let ratiosHold =
        [ for a in 0 .. k.NumClusters - 1 do
            for b in 0 .. k.NumClusters - 1 do
                if k.ClusterBatch.[a] = k.ClusterBatch.[b] then
                    let expected = exp (float c.Scores.[k.Peaks.[a]] - float c.Scores.[k.Peaks.[b]])
                    yield abs (float weights.[a] / float weights.[b] - expected) <= 1e-4 * expected ]
        |> List.forall id
    sumsToOne && ratiosHold && weights |> Array.forall (fun w -> w > 0.0f)

[<Property(MaxTest = 500, Arbitrary = [| typeof<GraphArbitraries> |])>]
let ``a peak's score is the maximum score in its cluster`` (c: GraphCase) =
    let k = select c
    [ 0 .. k.NumClusters - 1 ] |> List.forall (fun i -> k.Members i |> Seq.forall (fun v -> c.Scores.[v] <= c.Scores.[k.Peaks.[i]]))

[<Property(MaxTest = 500, Arbitrary = [| typeof<GraphArbitraries> |])>]
let ``pooled features are the weight times the member-wise maximum`` (c: GraphCase) =
    let k = select c
    let pooled = Reduce.run c.Features c.Scores k
    let weights = Reduce.clusterWeights c.Scores k
    let d = c.Features.Columns
    pooled.Features.Rows = k.NumClusters && pooled.Features.Columns = d
    && [ for i in 0 .. k.NumClusters - 1 do
           for j in 0 .. d - 1 do
               let mutable m = System.Single.NegativeInfinity
               for m' in 0 .. k.NodeIndex.Length - 1 do
                   if k.ClusterIndex.[m'] = i then m <- max m c.Features.[k.NodeIndex.[m'], j]
               yield abs (pooled.Features.[i, j] - weights.[i] * m) <= 1e-6f * (1.0f + abs m) ]
       |> List.forall id

[<Property(MaxTest = 500, Arbitrary = [| typeof<GraphArbitraries> |])>]
let ``cluster edges exist exactly where members are adjacent`` (c: GraphCase) =
    let k = select c
    let edges = Connect.run c.Edges k
    let members = Array.init k.NumClusters (fun i -> Set.ofSeq (k.Members i))
    let adjacent a b =
        c.Edges |> Array.exists (fun e ->
            not e.IsSelfLoop
            && ((members.[a].Contains e.Source && members.[b].Contains e.Target) || (members.[b].Contains e.Source && members.[a].Contains e.Target)))
    let expected = set [ for a in 0 .. k.NumClusters - 1 do for b in a + 1 .. k.NumClusters - 1 do if adjacent a b then yield Edge(a, b) ]
    let listed = List.ofSeq edges
    (Set.ofList listed = expected
     && listed = List.sort listed
     && listed |> List.forall (fun e -> e.Source < e.Target)
     && (List.distinct listed).Length = listed.Length)
    |> Prop.classify (listed.Length > 0) "has cluster edges"

[<Property(MaxTest = 500, Arbitrary = [| typeof<GraphArbitraries> |])>]
let ``clusters of different graphs are never joined`` (c: GraphCase) =
    let k = select c
    Connect.run c.Edges k |> Seq.forall (fun e -> k.ClusterBatch.[e.Source] = k.ClusterBatch.[e.Target])
