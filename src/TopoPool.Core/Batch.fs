namespace TopoPool.Core

open System.Collections.Generic
open System.Collections.Immutable

/// Several graphs collated into one disconnected graph, as PyG does: node `i` of graph `g` becomes
/// node `Ptr[g] + i`, `BatchVector[n]` is the graph of node `n`, and `Ptr` has `NumGraphs + 1`
/// entries (graph `g` owns nodes `Ptr[g] .. Ptr[g+1]-1`). Graphs may be empty.
[<Sealed>]
type Batch private (numGraphs: int, edges: ImmutableArray<Edge>, features: FeatureMatrix, nodeLabels: ImmutableArray<int>,
                    batchVector: ImmutableArray<int>, ptr: ImmutableArray<int>) =
    member _.NumGraphs = numGraphs
    member _.NumNodes = batchVector.Length
    member _.Edges = edges
    member _.Features = features
    member _.NodeLabels = nodeLabels
    /// The graph index of every node (PyG's `batch`).
    member _.BatchVector = batchVector
    /// Node offsets: graph `g` owns nodes `Ptr[g]` to `Ptr[g+1] - 1`.
    member _.Ptr = ptr

    /// Checks a batch vector (graph of each node: in range, non-decreasing) and that no edge joins two graphs.
    static member ValidateBatchVector(numNodes: int, edges: IReadOnlyList<Edge>, batchVector: IReadOnlyList<int>, numGraphs: int) : Result<unit, GraphError> =
        if batchVector.Count <> numNodes then Error(BatchLengthMismatch(batchVector.Count, numNodes))
        else
            let mutable problem = None
            let mutable i = 0
            while problem.IsNone && i < numNodes do
                let g = batchVector.[i]
                if g < 0 || g >= numGraphs then problem <- Some(GraphIndexOutOfRange(i, g, numGraphs))
                elif i > 0 && g < batchVector.[i - 1] then problem <- Some(BatchNotSorted i)
                i <- i + 1
            let mutable k = 0
            while problem.IsNone && k < edges.Count do
                let e = edges.[k]
                if e.Source < 0 then problem <- Some(NegativeEndpoint(k, e.Source))
                elif e.Target < 0 then problem <- Some(NegativeEndpoint(k, e.Target))
                elif e.Source >= numNodes then problem <- Some(EndpointOutOfRange(k, e.Source, numNodes))
                elif e.Target >= numNodes then problem <- Some(EndpointOutOfRange(k, e.Target, numNodes))
                elif batchVector.[e.Source] <> batchVector.[e.Target] then
                    problem <- Some(EdgeJoinsGraphs(k, batchVector.[e.Source], batchVector.[e.Target]))
                k <- k + 1
            match problem with
            | Some p -> Error p
            | None -> Ok()

    /// `Ptr` from a valid batch vector.
    static member PtrOf(batchVector: IReadOnlyList<int>, numGraphs: int) =
        let counts = Array.zeroCreate<int> numGraphs
        for g in batchVector do counts.[g] <- counts.[g] + 1
        let ptr = Array.zeroCreate<int> (numGraphs + 1)
        for g in 0 .. numGraphs - 1 do ptr.[g + 1] <- ptr.[g] + counts.[g]
        ImmutableArray.Create<int>(ptr)

    /// Collates graphs into one batch (features must have the same width in every graph; node
    /// labels are kept only when every graph has them).
    static member Collate(graphs: IEnumerable<Graph>) =
        let graphs = Seq.toArray graphs
        let ptr = Array.zeroCreate<int> (graphs.Length + 1)
        graphs |> Array.iteri (fun g graph -> ptr.[g + 1] <- ptr.[g] + graph.NumNodes)
        let edges =
            graphs
            |> Seq.mapi (fun g graph -> graph.Edges |> Seq.map (fun e -> Edge(e.Source + ptr.[g], e.Target + ptr.[g])))
            |> Seq.concat
            |> ImmutableArray.CreateRange
        let features =
            if graphs.Length = 0 then FeatureMatrix.Empty 0 else FeatureMatrix.Concat(graphs |> Seq.map (fun g -> g.Features))
        let labels =
            if graphs.Length > 0 && graphs |> Array.forall (fun g -> g.HasNodeLabels || g.NumNodes = 0) && graphs |> Array.exists (fun g -> g.HasNodeLabels)
            then graphs |> Seq.collect (fun g -> g.NodeLabels) |> ImmutableArray.CreateRange
            else ImmutableArray<int>.Empty
        let batchVector = graphs |> Seq.mapi (fun g graph -> Seq.replicate graph.NumNodes g) |> Seq.concat |> ImmutableArray.CreateRange
        Batch(graphs.Length, edges, features, labels, batchVector, ImmutableArray.Create<int>(ptr))

    /// The graphs of the batch, with node indices local to each graph again.
    member _.Split() : ImmutableArray<Graph> =
        let edgesOf = Array.init numGraphs (fun _ -> ResizeArray<Edge>())
        for e in edges do
            let g = batchVector.[e.Source]
            edgesOf.[g].Add(Edge(e.Source - ptr.[g], e.Target - ptr.[g]))
        Array.init numGraphs (fun g ->
            let nodes = [ ptr.[g] .. ptr.[g + 1] - 1 ]
            let labels = if nodeLabels.Length > 0 then (nodes |> Seq.map (fun n -> nodeLabels.[n]) : IEnumerable<int> | null) else null
            Graph.Create(ptr.[g + 1] - ptr.[g], edgesOf.[g], features.SelectRows nodes, labels))
        |> ImmutableArray.Create<Graph>

/// Batching for F#: `Batch.collate graphs`, `Batch.split batch`.
[<RequireQualifiedAccess>]
module Batch =
    [<CompiledName("Collate")>]
    let collate (graphs: seq<Graph>) = Batch.Collate graphs

    [<CompiledName("Split")>]
    let split (batch: Batch) = List.ofSeq (batch.Split())
