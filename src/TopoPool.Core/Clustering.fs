namespace TopoPool.Core

open System
open System.Collections.Immutable

/// The result of Select: which nodes form which cluster.
///
/// Clusters are numbered `0 .. NumClusters-1` by (graph, peak node). The membership is a sparse
/// assignment in COO form, `(NodeIndex[m], ClusterIndex[m])`, sorted by cluster then node; a
/// node shared by several clusters appears once per cluster. Made by Select (`MaxRegionDescent.select`,
/// `TopoPoolSpec.Select`, the layer) or by `Clustering.Create`, which checks that the parts fit together.
[<Sealed>]
type Clustering internal (numNodes: int, numGraphs: int, peaks: ImmutableArray<int>, clusterBatch: ImmutableArray<int>,
                          nodeIndex: ImmutableArray<int>, clusterIndex: ImmutableArray<int>, levels: ImmutableArray<int>) =
    let starts =
        lazy
            (let s = Array.zeroCreate<int> (peaks.Length + 1)
             for k in clusterIndex do s.[k + 1] <- s.[k + 1] + 1
             for k in 0 .. peaks.Length - 1 do s.[k + 1] <- s.[k] + s.[k + 1]
             s)
    member _.NumNodes = numNodes
    member _.NumGraphs = numGraphs
    member _.NumClusters = peaks.Length
    /// The peak node of each cluster.
    member _.Peaks = peaks
    /// The graph of each cluster.
    member _.ClusterBatch = clusterBatch
    /// Node of each membership pair.
    member _.NodeIndex = nodeIndex
    /// Cluster of each membership pair.
    member _.ClusterIndex = clusterIndex
    /// The descent level at which each node was reached (0 for peaks).
    member _.Levels = levels
    /// The members of cluster `k`, ascending.
    member _.Members(k: int) : ImmutableArray<int> =
        let s = starts.Force()
        nodeIndex.Slice(s.[k], s.[k + 1] - s.[k])
    /// Every cluster's members, in cluster order.
    member c.Clusters = Array.init peaks.Length c.Members |> ImmutableArray.Create<ImmutableArray<int>>

    /// A clustering from its parts; throws `ArgumentException` naming the first part that does not fit: lengths
    /// (one graph per peak, one level per node, one cluster per membership pair), indices in range, pairs sorted by
    /// cluster then node without repeats, every cluster with a member, graphs of the clusters non-decreasing.
    static member Create(numNodes: int, numGraphs: int, peaks: ImmutableArray<int>, clusterBatch: ImmutableArray<int>,
                         nodeIndex: ImmutableArray<int>, clusterIndex: ImmutableArray<int>, levels: ImmutableArray<int>) =
        let fail message = invalidArg "clustering" message
        let k = peaks.Length
        if numNodes < 0 || numGraphs < 0 then fail (sprintf "negative counts (%d nodes, %d graphs)" numNodes numGraphs)
        if clusterBatch.Length <> k then fail (sprintf "%d cluster graphs for %d peaks" clusterBatch.Length k)
        if levels.Length <> numNodes then fail (sprintf "%d levels for %d nodes" levels.Length numNodes)
        if nodeIndex.Length <> clusterIndex.Length then fail (sprintf "%d member nodes for %d member clusters" nodeIndex.Length clusterIndex.Length)
        for c in 0 .. k - 1 do
            if peaks.[c] < 0 || peaks.[c] >= numNodes then fail (sprintf "peak %d of cluster %d is not a node" peaks.[c] c)
            if clusterBatch.[c] < 0 || clusterBatch.[c] >= numGraphs then fail (sprintf "cluster %d is in graph %d of %d" c clusterBatch.[c] numGraphs)
            if c > 0 && clusterBatch.[c] < clusterBatch.[c - 1] then fail (sprintf "the graphs of the clusters decrease at cluster %d" c)
        let seen = Array.zeroCreate<bool> k
        for m in 0 .. nodeIndex.Length - 1 do
            let v, c = nodeIndex.[m], clusterIndex.[m]
            if v < 0 || v >= numNodes then fail (sprintf "membership pair %d names node %d of %d" m v numNodes)
            if c < 0 || c >= k then fail (sprintf "membership pair %d names cluster %d of %d" m c k)
            if m > 0 && (clusterIndex.[m - 1], nodeIndex.[m - 1]) >= (c, v) then fail (sprintf "membership pair %d is not after pair %d (sorted by cluster, then node, no repeats)" m (m - 1))
            seen.[c] <- true
        match Array.tryFindIndex not seen with
        | Some c -> fail (sprintf "cluster %d has no member" c)
        | None -> Clustering(numNodes, numGraphs, peaks, clusterBatch, nodeIndex, clusterIndex, levels)

    override _.Equals(o: obj) =
        match o with
        | :? Clustering as c ->
            let same (a: ImmutableArray<int>) (b: ImmutableArray<int>) = a.AsSpan().SequenceEqual(b.AsSpan())
            c.NumNodes = numNodes && c.NumGraphs = numGraphs && same c.Peaks peaks && same c.ClusterBatch clusterBatch
            && same c.NodeIndex nodeIndex && same c.ClusterIndex clusterIndex && same c.Levels levels
        | _ -> false
    override _.GetHashCode() = System.HashCode.Combine(numNodes, peaks.Length, nodeIndex.Length)
    override c.ToString() =
        c.Clusters
        |> Seq.mapi (fun k m -> sprintf "%d:{%s}" peaks.[k] (m |> Seq.map string |> String.concat ","))
        |> String.concat " "
