namespace TopoPool.Core.Tests

open System.Collections.Immutable
open TopoPool.Core

/// Plausible wrong implementations of Select, written independently of the specification, that
/// the properties must reject.
type Mutation =
    /// Peaks need a strictly greater score than every neighbour.
    | StrictPeaks
    /// Descent judged against the peak's score instead of the node it steps from.
    | CompareWithPeak
    /// A node reached at the same level from two clusters keeps only the first one.
    | FirstComeNoSharing
    /// A shared node passes on only one of its labels.
    | PassOneLabel
    /// Edges used only in their listed direction (the authors' code).
    | DirectedEdges
    /// Plain queue order: a node is claimed when first discovered, no level synchronisation.
    | QueueOrder

[<RequireQualifiedAccess>]
module MutantSelects =

    let all = [ StrictPeaks; CompareWithPeak; FirstComeNoSharing; PassOneLabel; DirectedEdges; QueueOrder ]

    let select (mutation: Mutation) : SelectFn =
        fun numNodes edges scores batch numGraphs ->
            let neighbours =
                let lists = Array.init numNodes (fun _ -> ResizeArray<int>())
                for e in edges do
                    if e.Source <> e.Target then
                        if not (lists.[e.Source].Contains e.Target) then lists.[e.Source].Add e.Target
                        if mutation <> DirectedEdges && not (lists.[e.Target].Contains e.Source) then lists.[e.Target].Add e.Source
                lists |> Array.map (fun l -> l.ToArray() |> Array.sort)
            let isPeak i =
                neighbours.[i] |> Array.forall (fun j -> if mutation = StrictPeaks then scores.[i] > scores.[j] else scores.[i] >= scores.[j])
            let peaks = [| for i in 0 .. numNodes - 1 do if isPeak i then i |] |> Array.sortBy (fun p -> batch.[p], p)
            let labels = Array.create numNodes Set.empty<int>
            let level = Array.create numNodes -1
            peaks |> Array.iteri (fun k p -> labels.[p] <- Set.singleton k; level.[p] <- 0)
            let canStep u v =
                if mutation = CompareWithPeak then labels.[u] |> Set.forall (fun k -> scores.[v] <= scores.[peaks.[k]])
                else scores.[v] <= scores.[u]
            let handed u = if mutation = PassOneLabel && not labels.[u].IsEmpty then Set.singleton labels.[u].MinimumElement else labels.[u]
            if mutation = QueueOrder then
                let queue = System.Collections.Generic.Queue<int>(peaks)
                while queue.Count > 0 do
                    let u = queue.Dequeue()
                    for v in neighbours.[u] do
                        if level.[v] = -1 && canStep u v then
                            level.[v] <- level.[u] + 1
                            labels.[v] <- labels.[u]
                            queue.Enqueue v
            else
                let mutable frontier = peaks |> Array.sort
                let mutable t = 0
                while frontier.Length > 0 do
                    let next = System.Collections.Generic.SortedDictionary<int, Set<int>>()
                    for u in frontier do
                        for v in neighbours.[u] do
                            if level.[v] = -1 && canStep u v then
                                match next.TryGetValue v with
                                | true, s -> if mutation <> FirstComeNoSharing then next.[v] <- Set.union s (handed u)
                                | _ -> next.[v] <- handed u
                    for KeyValue (v, s) in next do
                        labels.[v] <- s
                        level.[v] <- t + 1
                    frontier <- Array.ofSeq next.Keys
                    t <- t + 1
            let pairs = [| for v in 0 .. numNodes - 1 do for k in labels.[v] -> k, v |] |> Array.sort
            Clustering.Create(numNodes, numGraphs, ImmutableArray.Create<int>(peaks), ImmutableArray.Create<int>(peaks |> Array.map (fun p -> batch.[p])),
                       ImmutableArray.Create<int>(pairs |> Array.map snd), ImmutableArray.Create<int>(pairs |> Array.map fst),
                       ImmutableArray.Create<int>(level))
