namespace TopoPool.Core.Pipelines

/// Graph convolutions a pipeline can use.
type ConvolutionKind =
    | Gcn = 0
    | Gat = 1
    | Sage = 2
    | GraphConv = 3

/// The pooling choices of the benchmark, by PyG's names (`Global`: no hierarchical pooling, the readout reads every node).
/// A pipeline's `Pool` stage holds a `Pooling` with the options of its kind; this enum only names the choice.
type PoolingKind =
    | Global = 0
    | TopKPooling = 1
    | SagPooling = 2
    | DiffPool = 3
    | EdgePooling = 4
    | AsaPooling = 5
    | TopoPooling = 6

/// How node features become one vector per graph.
type ReadoutKind =
    /// `[max ; mean]`, twice the width (the paper's readout).
    | MaxMean = 0
    | Max = 1
    | Mean = 2
    | Sum = 3

type TaskKind =
    | Classification = 0
    | Regression = 1

/// How TopoPooling weighs its clusters (TOPOPOOL.md, Reduce).
type ClusterWeighting =
    /// The authors' code: a softmax of the per-node scores `s` (themselves a softmax over each graph) over the peaks of
    /// each graph. Nearly uniform, since node scores are close to 1/N. The default.
    | SoftmaxOfNodeScores = 0
    /// The paper's Eq. 1: one softmax of the raw peak scores `e` over the clusters of each graph.
    | SingleSoftmax = 1

/// A graph convolution to `Width` channels. `Heads` and `ConcatHeads` matter for GAT only.
type ConvolutionStage =
    { Kind: ConvolutionKind
      Width: int
      Heads: int
      ConcatHeads: bool }

    /// The width of what the convolution outputs: `Width`, or `Width · Heads` for GAT concatenating its heads.
    member c.OutputWidth = if c.Kind = ConvolutionKind.Gat && c.ConcatHeads then c.Width * c.Heads else c.Width

/// TopoPooling's options.
type TopoPoolingOptions =
    { /// Join clusters that touch through an input edge (the paper's Connect; off in the authors' benchmark model).
      Connect: bool
      Weighting: ClusterWeighting
      /// Divide the scores that weigh the clusters by a learned temperature (registered as `log_temperature`).
      LearnedTemperature: bool }

    /// The authors' benchmark settings: no Connect, their weighting, no temperature.
    static member Default = { Connect = false; Weighting = ClusterWeighting.SoftmaxOfNodeScores; LearnedTemperature = false }

    /// A copy with another Connect (C#'s `with`).
    member o.WithConnect(connect: bool) = { o with Connect = connect }

    /// A copy with another weighting.
    member o.WithWeighting(weighting: ClusterWeighting) = { o with Weighting = weighting }

    /// A copy with or without the learned temperature.
    member o.WithLearnedTemperature(learned: bool) = { o with LearnedTemperature = learned }

/// A hierarchical pooling layer with exactly the options of its kind.
type Pooling =
    | TopoPooling of TopoPoolingOptions
    /// Keeps the `Ratio` best-scored nodes of each graph.
    | TopKPooling of Ratio: float
    | SagPooling of Ratio: float
    | AsaPooling of Ratio: float
    /// `Clusters` soft clusters per graph; `AuxiliaryLoss` adds the link and entropy losses to the training loss.
    | DiffPool of Clusters: int * AuxiliaryLoss: bool
    | EdgePooling

    /// The choice this pooling is.
    member p.Kind =
        match p with
        | TopoPooling _ -> PoolingKind.TopoPooling
        | TopKPooling _ -> PoolingKind.TopKPooling
        | SagPooling _ -> PoolingKind.SagPooling
        | AsaPooling _ -> PoolingKind.AsaPooling
        | DiffPool _ -> PoolingKind.DiffPool
        | EdgePooling -> PoolingKind.EdgePooling

    /// True when the pooled graph has edges, so that a convolution may follow (TopoPooling only with Connect).
    member p.HasEdges =
        match p with
        | TopoPooling o -> o.Connect
        | _ -> true

type Activation =
    | LeakyRelu of NegativeSlope: float
    | Relu
    | Identity

/// One step of a pipeline, applied in order to the node features.
type Stage =
    /// Concatenate each node's features with the mean of its graph's node features (width doubles).
    | ConcatGlobalMean
    | Convolve of ConvolutionStage
    /// Graph-mode LayerNorm (over all nodes and channels of each graph, per-channel affine); its
    /// parameters are registered under `Name`.
    | Normalize of Name: string
    /// Apply the earlier `Normalize Name` module again, with the same weights.
    | ReuseNormalization of Name: string
    | Activate of Activation
    | Dropout of Probability: float
    | Pool of Pooling
    /// Read the current nodes out per graph and add the result to the running readout sum.
    | Readout of ReadoutKind

/// The MLP that maps the summed readout to the output.
type HeadStage =
    { HiddenWidths: int list
      OutputWidth: int
      Activation: Activation
      Task: TaskKind }
