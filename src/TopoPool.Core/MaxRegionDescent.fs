namespace TopoPool.Core

open System.Collections.Generic
open System.Collections.Immutable

/// The pure specification of TopoPool's Select (design/TOPOPOOL.md), written for clarity.
[<RequireQualifiedAccess>]
module MaxRegionDescent =

    /// Node `i` is a peak iff `s_i >= s_j` for every neighbour `j` (self-loops are not
    /// neighbours); a node without neighbours is a peak. Equal neighbours can both be peaks.
    [<CompiledName("Peaks")>]
    let peaks (neighbours: int[][]) (scores: float32[]) : bool[] =
        Array.init neighbours.Length (fun i -> neighbours.[i] |> Array.forall (fun j -> scores.[i] >= scores.[j]))

    /// Level-synchronous max-region descent from the peaks. Returns each node's label set
    /// (the peaks whose clusters it joins) and the level at which it was reached.
    let internal descend (neighbours: int[][]) (scores: float32[]) (isPeak: bool[]) : Set<int>[] * int[] =
        let n = neighbours.Length
        let labels = Array.create n Set.empty<int>
        let level = Array.create n -1
        let mutable frontier = [ for p in 0 .. n - 1 do if isPeak.[p] then p ]
        for p in frontier do
            labels.[p] <- Set.singleton p
            level.[p] <- 0
        let mutable t = 0
        while not frontier.IsEmpty do
            // Every node first reached at level t hands its labels to every unassigned neighbour
            // whose score does not exceed its own; a node reached from several gets the union.
            let reached = Dictionary<int, Set<int>>()
            for u in frontier do
                for v in neighbours.[u] do
                    if level.[v] = -1 && scores.[v] <= scores.[u] then
                        reached.[v] <- Set.union (match reached.TryGetValue v with | true, s -> s | _ -> Set.empty) labels.[u]
            for KeyValue (v, l) in reached do
                labels.[v] <- l
                level.[v] <- t + 1
            frontier <- reached.Keys |> Seq.sort |> List.ofSeq
            t <- t + 1
        labels, level

    /// Checks scores (finite, one per node) and the batch vector (in range, non-decreasing, edges inside graphs).
    [<CompiledName("Validate")>]
    let validate (numNodes: int) (edges: IReadOnlyList<Edge>) (scores: IReadOnlyList<float32>) (batch: IReadOnlyList<int>) (numGraphs: int) : Result<unit, GraphError> =
        if numNodes < 0 then Error(NegativeNodeCount numNodes)
        elif scores.Count <> numNodes then Error(ScoreCountMismatch(scores.Count, numNodes))
        else
            match Seq.tryFindIndex (fun (s: float32) -> System.Single.IsNaN s || System.Single.IsInfinity s) scores with
            | Some i -> Error(NonFiniteScore(i, scores.[i]))
            | None ->
                let endpoint =
                    edges |> Seq.mapi (fun i e -> i, e) |> Seq.tryPick (fun (i, e) ->
                        if e.Source < 0 then Some(NegativeEndpoint(i, e.Source)) elif e.Target < 0 then Some(NegativeEndpoint(i, e.Target))
                        elif e.Source >= numNodes then Some(EndpointOutOfRange(i, e.Source, numNodes))
                        elif e.Target >= numNodes then Some(EndpointOutOfRange(i, e.Target, numNodes))
                        else None)
                match endpoint with
                | Some problem -> Error problem
                | None -> Batch.ValidateBatchVector(numNodes, edges, batch, numGraphs)

    let private run (numNodes: int) (edges: seq<Edge>) (scores: float32[]) (batch: int[]) (numGraphs: int) : Clustering =
        let neighbours = Adjacency.build numNodes edges
        let isPeak = peaks neighbours scores
        let labels, level = descend neighbours scores isPeak
        let peakNodes = [| for p in 0 .. numNodes - 1 do if isPeak.[p] then p |] |> Array.sortBy (fun p -> batch.[p], p)
        let clusterOfPeak = peakNodes |> Array.mapi (fun k p -> p, k) |> dict
        let pairs =
            [| for v in 0 .. numNodes - 1 do
                 for p in labels.[v] do
                     yield clusterOfPeak.[p], v |]
            |> Array.sort
        Clustering(
            numNodes, numGraphs,
            ImmutableArray.Create<int>(peakNodes),
            ImmutableArray.Create<int>(peakNodes |> Array.map (fun p -> batch.[p])),
            ImmutableArray.Create<int>(pairs |> Array.map snd),
            ImmutableArray.Create<int>(pairs |> Array.map fst),
            ImmutableArray.Create<int>(level))

    /// Select on a batch: peaks, descent, and clusters numbered by (graph, peak node), or the first problem with the
    /// input. `batch` gives each node's graph (non-decreasing); edges must not join graphs.
    let trySelect (numNodes: int) (edges: seq<Edge>) (scores: float32[]) (batch: int[]) (numGraphs: int) : Result<Clustering, GraphError> =
        let edges = Seq.toArray edges
        validate numNodes edges scores batch numGraphs |> Result.map (fun () -> run numNodes edges scores batch numGraphs)

    /// Select on a batch (see `trySelect`); throws `GraphValidationException` naming the problem with the input.
    [<CompiledName("Select")>]
    let select (numNodes: int) (edges: seq<Edge>) (scores: float32[]) (batch: int[]) (numGraphs: int) : Clustering =
        match trySelect numNodes edges scores batch numGraphs with
        | Ok clustering -> clustering
        | Error problem -> raise (GraphValidationException problem)
