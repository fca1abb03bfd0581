namespace TopoPool.Core

open System.Collections.Generic
open System.Collections.Immutable

/// The C#-facing entry to the pure specification: Select, Reduce and Connect on plain arrays,
/// with input validation that names the problem (`GraphValidationException`).
[<AbstractClass; Sealed>]
type TopoPoolSpec =

    /// Checks scores and batch vector for `numNodes` nodes and the given edges.
    /// The first problem with a Select input, or null when there is none.
    static member Validate(numNodes: int, edges: IReadOnlyList<Edge>, scores: IReadOnlyList<float32>, batch: IReadOnlyList<int>, numGraphs: int) : GraphError | null =
        match MaxRegionDescent.validate numNodes edges scores batch numGraphs with
        | Ok () -> null
        | Error problem -> problem

    /// Peaks and max-region descent on a batch of graphs (`batch[i]` is the graph of node `i`); throws
    /// `GraphValidationException` naming the problem with an invalid input.
    static member Select(numNodes: int, edges: IEnumerable<Edge>, scores: IReadOnlyList<float32>, batch: IReadOnlyList<int>, numGraphs: int) : Clustering =
        MaxRegionDescent.select numNodes edges (Seq.toArray scores) (Seq.toArray batch) numGraphs

    /// Select on one graph.
    static member Select(graph: Graph, scores: IReadOnlyList<float32>) : Clustering =
        TopoPoolSpec.Select(graph.NumNodes, graph.Edges, scores, Array.zeroCreate<int> graph.NumNodes, 1)

    /// Select on a collated batch.
    static member Select(batch: Batch, scores: IReadOnlyList<float32>) : Clustering =
        TopoPoolSpec.Select(batch.NumNodes, batch.Edges, scores, batch.BatchVector, batch.NumGraphs)

    /// Pooled features and cluster weights.
    static member Reduce(features: FeatureMatrix, scores: IReadOnlyList<float32>, clustering: Clustering) : PooledFeatures =
        Reduce.run features (Seq.toArray scores) clustering

    /// Cluster edges (each undirected edge once, smaller cluster first).
    static member Connect(edges: IEnumerable<Edge>, clustering: Clustering) : ImmutableArray<Edge> =
        Connect.run edges clustering
