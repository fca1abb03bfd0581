namespace TopoPool.Core

open System.Collections.Immutable

/// The result of Reduce: one row per cluster, and each cluster's weight σ.
[<Sealed>]
type PooledFeatures(features: FeatureMatrix, weights: ImmutableArray<float32>) =
    /// `h_k = σ_k · max_{i in C_k} x_i`, one row per cluster.
    member _.Features = features
    /// `σ_k`: the softmax of the peak scores over the clusters of each graph.
    member _.Weights = weights

/// The pure specification of TopoPool's Reduce (design/TOPOPOOL.md).
[<RequireQualifiedAccess>]
module Reduce =

    /// `σ_k = exp(s_{p_k}) / Σ_{l in graph(k)} exp(s_{p_l})`, computed in double precision.
    [<CompiledName("ClusterWeights")>]
    let clusterWeights (scores: float32[]) (clustering: Clustering) : float32[] =
        let k = clustering.NumClusters
        let peakScore c = float scores.[clustering.Peaks.[c]]
        let graphMax = Array.create clustering.NumGraphs System.Double.NegativeInfinity
        for c in 0 .. k - 1 do
            let g = clustering.ClusterBatch.[c]
            graphMax.[g] <- max graphMax.[g] (peakScore c)
        let graphSum = Array.zeroCreate<float> clustering.NumGraphs
        for c in 0 .. k - 1 do
            let g = clustering.ClusterBatch.[c]
            graphSum.[g] <- graphSum.[g] + exp (peakScore c - graphMax.[g])
        Array.init k (fun c ->
            let g = clustering.ClusterBatch.[c]
            float32 (exp (peakScore c - graphMax.[g]) / graphSum.[g]))

    /// `m_k = max_{i in C_k} x_i` feature-wise (a shared node counts in every cluster it is in).
    [<CompiledName("ClusterMax")>]
    let clusterMax (features: FeatureMatrix) (clustering: Clustering) : FeatureMatrix =
        let d = features.Columns
        let rows =
            Array.init clustering.NumClusters (fun c ->
                let members = clustering.Members c
                Array.init d (fun j -> members |> Seq.map (fun i -> features.[i, j]) |> Seq.max))
        FeatureMatrix.Create(clustering.NumClusters, d, Array.concat rows)

    /// Pooled features `h_k = σ_k · m_k` and the weights `σ`.
    [<CompiledName("Run")>]
    let run (features: FeatureMatrix) (scores: float32[]) (clustering: Clustering) : PooledFeatures =
        let weights = clusterWeights scores clustering
        let m = clusterMax features clustering
        let d = features.Columns
        let h = Array.init (clustering.NumClusters * d) (fun k -> weights.[k / d] * m.Data.[k])
        PooledFeatures(FeatureMatrix.Create(clustering.NumClusters, d, h), ImmutableArray.Create<float32>(weights))
