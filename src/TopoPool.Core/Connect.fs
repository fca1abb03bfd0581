namespace TopoPool.Core

open System.Collections.Immutable

/// The pure specification of TopoPool's Connect (design/TOPOPOOL.md, the paper's definition).
[<RequireQualifiedAccess>]
module Connect =

    /// Clusters `k != l` are joined iff some input edge `(i, j)` has `i` in cluster `k` and `j`
    /// in cluster `l`. Self-loop edges carry no meaning and join nothing. The result lists each
    /// undirected cluster edge once, smaller cluster first, sorted.
    [<CompiledName("Run")>]
    let run (edges: seq<Edge>) (clustering: Clustering) : ImmutableArray<Edge> =
        let clustersOf = Array.create clustering.NumNodes []
        for m in clustering.NodeIndex.Length - 1 .. -1 .. 0 do
            let v = clustering.NodeIndex.[m]
            clustersOf.[v] <- clustering.ClusterIndex.[m] :: clustersOf.[v]
        seq {
            for e in edges do
                if not e.IsSelfLoop then
                    for k in clustersOf.[e.Source] do
                        for l in clustersOf.[e.Target] do
                            if k <> l then yield Edge(min k l, max k l)
        }
        |> Set.ofSeq
        |> ImmutableArray.CreateRange
