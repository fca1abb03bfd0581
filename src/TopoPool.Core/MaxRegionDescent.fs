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
    let descend (neighbours: int[][]) (scores: float32[]) (isPeak: bool[]) : Set<int>[] * int[] =
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

    /// Select on a batch: peaks, descent, and clusters numbered by (graph, peak node).
    /// `batch` gives each node's graph (non-decreasing); edges must not join graphs.
    [<CompiledName("Select")>]
    let select (numNodes: int) (edges: seq<Edge>) (scores: float32[]) (batch: int[]) (numGraphs: int) : Clustering =
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
