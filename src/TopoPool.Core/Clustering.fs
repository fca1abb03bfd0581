namespace TopoPool.Core

open System
open System.Collections.Immutable

/// The result of Select: which nodes form which cluster.
///
/// Clusters are numbered `0 .. NumClusters-1` by (graph, peak node). The membership is a sparse
/// assignment in COO form, `(NodeIndex[m], ClusterIndex[m])`, sorted by cluster then node; a
/// node shared by several clusters appears once per cluster.
[<Sealed>]
type Clustering(numNodes: int, numGraphs: int, peaks: ImmutableArray<int>, clusterBatch: ImmutableArray<int>,
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
