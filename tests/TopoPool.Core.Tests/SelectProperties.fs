namespace TopoPool.Core.Tests

open TopoPool.Core
open TopoPool.Testing

/// A Select implementation under test: numNodes, edges, scores, batch, numGraphs → clustering.
type SelectFn = int -> Edge[] -> float32[] -> int[] -> int -> Clustering

/// The properties of TOPOPOOL.md's Select, each a predicate over one case, parameterised by the
/// implementation so that the same predicates judge the specification and deliberate mutants.
[<RequireQualifiedAccess>]
module SelectProperties =

    let run (select: SelectFn) (c: GraphCase) = select c.NumNodes c.Edges c.Scores c.Batch c.NumGraphs

    let private clusterSets (k: Clustering) = Array.init k.NumClusters (fun i -> Set.ofSeq (k.Members i))

    let private clustersOfNode (k: Clustering) =
        let sets = Array.create k.NumNodes Set.empty
        for m in 0 .. k.NodeIndex.Length - 1 do
            sets.[k.NodeIndex.[m]] <- sets.[k.NodeIndex.[m]].Add k.ClusterIndex.[m]
        sets

    /// Every node is in at least one cluster.
    let fullCoverage select c =
        let k = run select c
        clustersOfNode k |> Array.forall (fun s -> not s.IsEmpty)

    /// The members of each cluster induce a connected subgraph that contains its peak.
    let contiguity select c =
        let k = run select c
        let nbrs = GraphCase.neighbours c
        clusterSets k
        |> Array.mapi (fun i members ->
            let peak = k.Peaks.[i]
            let rec grow (seen: Set<int>) frontier =
                match frontier with
                | [] -> seen
                | u :: rest ->
                    let next = nbrs.[u] |> Array.filter (fun v -> members.Contains v && not (seen.Contains v)) |> List.ofArray
                    grow (Set.union seen (Set.ofList next)) (next @ rest)
            members.Contains peak && grow (Set.singleton peak) [ peak ] = members)
        |> Array.forall id

    /// Peaks are exactly the non-strict local maxima; each cluster holds exactly one peak, its own;
    /// clusters are numbered by (graph, peak node).
    let peaksAreLocalMaxima select c =
        let k = run select c
        let nbrs = GraphCase.neighbours c
        let expected = [ for i in 0 .. c.NumNodes - 1 do if nbrs.[i] |> Array.forall (fun j -> c.Scores.[i] >= c.Scores.[j]) then i ]
        let peakSet = Set.ofSeq k.Peaks
        let order = [ for p in k.Peaks -> c.Batch.[p], p ]
        Set.ofList expected = peakSet
        && k.Peaks.Length = peakSet.Count
        && order = List.sort order
        && Seq.forall2 (fun p g -> c.Batch.[p] = g) k.Peaks k.ClusterBatch
        && clusterSets k |> Array.mapi (fun i m -> Set.intersect m peakSet = Set.singleton k.Peaks.[i]) |> Array.forall id

    /// Every non-peak member `v` of cluster `k` has a neighbour `u` in `k`, reached one level
    /// earlier, with `s_u >= s_v` (descent is judged against the node it steps from).
    let descent select c =
        let k = run select c
        let nbrs = GraphCase.neighbours c
        let peakSet = Set.ofSeq k.Peaks
        clusterSets k
        |> Array.forall (fun members ->
            members
            |> Set.forall (fun v ->
                peakSet.Contains v
                || nbrs.[v] |> Array.exists (fun u -> members.Contains u && k.Levels.[u] = k.Levels.[v] - 1 && c.Scores.[u] >= c.Scores.[v])))

    /// The result is determined: a non-peak `v` is reached at `1 + min level(u)` over neighbours
    /// `u` with `s_u >= s_v`, and joins exactly the clusters of those neighbours one level earlier
    /// (first come first served, ties at the same level shared, all labels passed on).
    let levelsAndLabelsAreExact select c =
        let k = run select c
        let nbrs = GraphCase.neighbours c
        let clusters = clustersOfNode k
        let peakSet = Set.ofSeq k.Peaks
        [ 0 .. c.NumNodes - 1 ]
        |> List.forall (fun v ->
            if peakSet.Contains v then k.Levels.[v] = 0 && clusters.[v] = Set.singleton (k.Peaks |> Seq.findIndex ((=) v))
            else
                let uphill = nbrs.[v] |> Array.filter (fun u -> c.Scores.[u] >= c.Scores.[v])
                uphill.Length > 0
                && (let level = 1 + (uphill |> Array.map (fun u -> k.Levels.[u]) |> Array.min)
                    let inherited = uphill |> Array.filter (fun u -> k.Levels.[u] = level - 1) |> Array.map (fun u -> clusters.[u]) |> Set.unionMany
                    k.Levels.[v] = level && clusters.[v] = inherited))

    /// Every member is reached from its peak by a path of non-increasing scores inside the cluster.
    let monotonePath select c =
        let k = run select c
        let nbrs = GraphCase.neighbours c
        clusterSets k
        |> Array.mapi (fun i members ->
            let rec grow (seen: Set<int>) frontier =
                match frontier with
                | [] -> seen
                | u :: rest ->
                    let next =
                        nbrs.[u]
                        |> Array.filter (fun v -> members.Contains v && not (seen.Contains v) && c.Scores.[v] <= c.Scores.[u])
                        |> List.ofArray
                    grow (Set.union seen (Set.ofList next)) (next @ rest)
            grow (Set.singleton k.Peaks.[i]) [ k.Peaks.[i] ] = members)
        |> Array.forall id

    /// Same input, same output; edge order, edge direction, duplicate edges and self-loops change nothing.
    let edgeListInvariance select c =
        let k = run select c
        let again = run select c
        let reordered = { c with Edges = Array.rev c.Edges |> Array.map (fun e -> e.Reversed) }
        let noisy =
            { c with
                Edges =
                    Array.concat
                        [ c.Edges
                          c.Edges |> Array.map (fun e -> e.Reversed)
                          Array.init c.NumNodes (fun v -> Edge(v, v)) ] }
        let distinct = { c with Edges = c.Edges |> Array.filter (fun e -> not e.IsSelfLoop) |> Array.map (fun e -> e.Canonical) |> Array.distinct }
        k.Equals again && k.Equals(run select reordered) && k.Equals(run select noisy) && k.Equals(run select distinct)

    /// Relabelling nodes (within their graphs) relabels the clusters and nothing else.
    let permutationEquivariance (seed: int) select c =
        let rng = System.Random(seed)
        let ptr = GraphCase.ptr c
        let perm = Array.init c.NumNodes id
        for g in 0 .. c.NumGraphs - 1 do
            let block = perm.[ptr.[g] .. ptr.[g + 1] - 1] |> Array.sortBy (fun _ -> rng.Next())
            Array.blit block 0 perm ptr.[g] block.Length
        let k = run select c
        let kp = run select (GraphCase.permute perm c)
        let relabel (clust: Clustering) (f: int -> int) =
            Array.init clust.NumClusters (fun i -> f clust.Peaks.[i], Set.ofSeq (clust.Members i |> Seq.map f), clust.ClusterBatch.[i])
            |> Set.ofArray
        let levelsMatch = [ 0 .. c.NumNodes - 1 ] |> List.forall (fun v -> k.Levels.[v] = kp.Levels.[perm.[v]])
        relabel k (fun v -> perm.[v]) = relabel kp id && levelsMatch

    /// Clustering a batch equals clustering each graph alone and concatenating with offsets.
    let batchIndependence select c =
        let k = run select c
        let ptr = GraphCase.ptr c
        let parts = GraphCase.split c |> Array.map (run select)
        let clusterOffsets = parts |> Array.scan (fun acc p -> acc + p.NumClusters) 0
        let peaks = parts |> Array.mapi (fun g p -> p.Peaks |> Seq.map (fun x -> x + ptr.[g])) |> Seq.concat |> Array.ofSeq
        let nodes = parts |> Array.mapi (fun g p -> p.NodeIndex |> Seq.map (fun x -> x + ptr.[g])) |> Seq.concat |> Array.ofSeq
        let clusters = parts |> Array.mapi (fun g p -> p.ClusterIndex |> Seq.map (fun x -> x + clusterOffsets.[g])) |> Seq.concat |> Array.ofSeq
        let levels = parts |> Array.collect (fun p -> Array.ofSeq p.Levels)
        let clusterBatch = parts |> Array.mapi (fun g p -> Array.create p.NumClusters g) |> Array.concat
        Array.ofSeq k.Peaks = peaks && Array.ofSeq k.NodeIndex = nodes && Array.ofSeq k.ClusterIndex = clusters
        && Array.ofSeq k.Levels = levels && Array.ofSeq k.ClusterBatch = clusterBatch

    /// The COO membership list is sorted by cluster then node, without repeats.
    let membershipIsSorted select c =
        let k = run select c
        let pairs = Array.init k.NodeIndex.Length (fun m -> k.ClusterIndex.[m], k.NodeIndex.[m])
        pairs = (Array.sort pairs |> Array.distinct)

    /// Every predicate with its name (the mutation tests report which ones catch a mutant).
    let all : (string * (SelectFn -> GraphCase -> bool)) list =
        [ "full coverage", fullCoverage
          "contiguity", contiguity
          "peaks are local maxima", peaksAreLocalMaxima
          "descent", descent
          "levels and labels are exact", levelsAndLabelsAreExact
          "monotone path", monotonePath
          "edge-list invariance", edgeListInvariance
          "permutation equivariance", permutationEquivariance 17
          "batch independence", batchIndependence
          "membership sorted", membershipIsSorted ]
