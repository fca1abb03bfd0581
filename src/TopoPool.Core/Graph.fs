namespace TopoPool.Core

open System
open System.Collections.Generic
open System.Collections.Immutable
open System.Diagnostics.CodeAnalysis
open System.Runtime.InteropServices

/// An immutable graph: node count, undirected edges, node features (one row per node) and
/// optional integer node labels. Construct it with `Graph.Create` (throws
/// `GraphValidationException`) or `Graph.TryCreate` (returns the `GraphError`).
[<Sealed>]
type Graph private (numNodes: int, edges: ImmutableArray<Edge>, features: FeatureMatrix, nodeLabels: ImmutableArray<int>) =
    member _.NumNodes = numNodes
    member _.Edges = edges
    member _.Features = features
    /// Integer node labels, or an empty array when the graph has none.
    member _.NodeLabels = nodeLabels
    member _.HasNodeLabels = nodeLabels.Length > 0

    static member internal Validate(numNodes: int, edges: ImmutableArray<Edge>, features: FeatureMatrix, labels: ImmutableArray<int>) =
        let edgeProblem () =
            let mutable found = None
            let mutable i = 0
            while found.IsNone && i < edges.Length do
                let e = edges.[i]
                for v in [ e.Source; e.Target ] do
                    if found.IsNone then
                        if v < 0 then found <- Some(NegativeEndpoint(i, v))
                        elif v >= numNodes then found <- Some(EndpointOutOfRange(i, v, numNodes))
                i <- i + 1
            found
        let featureProblem () =
            if features.Rows <> numNodes then Some(FeatureRowMismatch(features.Rows, numNodes))
            else
                let data = features.Data
                let mutable found = None
                let mutable k = 0
                while found.IsNone && k < data.Length do
                    let v = data.[k]
                    if System.Single.IsNaN v || System.Single.IsInfinity v then
                        found <- Some(NonFiniteFeature(k / features.Columns, k % features.Columns, v))
                    k <- k + 1
                found
        if numNodes < 0 then Error(NegativeNodeCount numNodes)
        else
            match edgeProblem () with
            | Some e -> Error e
            | None ->
                match featureProblem () with
                | Some e -> Error e
                | None ->
                    if labels.Length <> 0 && labels.Length <> numNodes then Error(LabelCountMismatch(labels.Length, numNodes))
                    else Ok()

    /// A graph, or the first problem found in the input (F#: `Graph.tryCreate`).
    static member internal TryBuild(numNodes: int, edges: IEnumerable<Edge> | null, features: FeatureMatrix | null, nodeLabels: IEnumerable<int> | null) : Result<Graph, GraphError> =
        let edges = match edges with | null -> ImmutableArray<Edge>.Empty | e -> ImmutableArray.CreateRange e
        let labels = match nodeLabels with | null -> ImmutableArray<int>.Empty | l -> ImmutableArray.CreateRange l
        let features = match features with | null -> FeatureMatrix.Empty(max numNodes 0) | f -> f
        Graph.Validate(numNodes, edges, features, labels)
        |> Result.map (fun () -> Graph(numNodes, edges, features, labels))

    /// True and the graph, or false and the first problem found in the input. `features` may be null (no features: a
    /// matrix with no columns) and `nodeLabels` may be null (no labels).
    static member TryCreate(numNodes: int, edges: IEnumerable<Edge> | null, features: FeatureMatrix | null, nodeLabels: IEnumerable<int> | null,
                            [<Out; NotNullWhen(true)>] graph: byref<Graph | null>, [<Out; NotNullWhen(false)>] error: byref<GraphError | null>) : bool =
        match Graph.TryBuild(numNodes, edges, features, nodeLabels) with
        | Ok g ->
            graph <- g
            error <- null
            true
        | Error e ->
            graph <- null
            error <- e
            false

    /// A graph; throws `GraphValidationException` naming the problem when the input is invalid.
    static member Create(numNodes: int, edges: IEnumerable<Edge> | null, features: FeatureMatrix | null, nodeLabels: IEnumerable<int> | null) =
        match Graph.TryBuild(numNodes, edges, features, nodeLabels) with
        | Ok g -> g
        | Error e -> raise (GraphValidationException e)

    static member Create(numNodes: int, edges: IEnumerable<Edge>, features: FeatureMatrix) =
        Graph.Create(numNodes, edges, features, null)

    static member Create(numNodes: int, edges: IEnumerable<Edge>) = Graph.Create(numNodes, edges, null, null)

    /// A graph from `(source, target)` pairs, as C# tuples.
    static member Create(numNodes: int, edges: IEnumerable<struct (int * int)>, features: FeatureMatrix) =
        let edges = edges |> Seq.map (fun struct (a, b) -> Edge(a, b))
        Graph.Create(numNodes, edges, features, null)

    override _.Equals(o: obj) =
        match o with
        | :? Graph as g ->
            g.NumNodes = numNodes
            && g.Edges.AsSpan().SequenceEqual(edges.AsSpan())
            && g.Features.Equals features
            && g.NodeLabels.AsSpan().SequenceEqual(nodeLabels.AsSpan())
        | _ -> false
    override _.GetHashCode() = System.HashCode.Combine(numNodes, edges.Length, features.Columns)
    override _.ToString() = sprintf "Graph(%d nodes, %d edges, %d features)" numNodes edges.Length features.Columns

/// Graphs for F#: `Graph.tryCreate n edges features labels` gives `Ok graph` or `Error problem`.
[<RequireQualifiedAccess>]
module Graph =
    let tryCreate (numNodes: int) (edges: seq<Edge>) (features: FeatureMatrix option) (nodeLabels: seq<int> option) : Result<Graph, GraphError> =
        Graph.TryBuild(numNodes, edges, Option.toObj features, (match nodeLabels with Some l -> (l: seq<int> | null) | None -> null))

/// Neighbour lists of an undirected graph: sorted, without duplicates and without self-loops.
[<RequireQualifiedAccess>]
module Adjacency =
    /// `neighbours.[i]` lists the nodes adjacent to `i`, ascending; endpoints must be in range.
    [<CompiledName("Build")>]
    let build (numNodes: int) (edges: seq<Edge>) : int[][] =
        let sets = Array.init numNodes (fun _ -> SortedSet<int>())
        for e in edges do
            if not e.IsSelfLoop then
                sets.[e.Source].Add e.Target |> ignore
                sets.[e.Target].Add e.Source |> ignore
        sets |> Array.map Seq.toArray
