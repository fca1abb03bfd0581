namespace TopoPool.Core.Pipelines

/// Graph convolutions a pipeline can use.
type ConvolutionKind =
    | Gcn = 0
    | Gat = 1
    | Sage = 2
    | GraphConv = 3

/// Pooling layers a pipeline can use (`Global` means no hierarchical pooling).
type PoolingKind =
    | Global = 0
    | TopK = 1
    | Sag = 2
    | DiffPool = 3
    | EdgePool = 4
    | AsaPool = 5
    | TopoPool = 6

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

/// A graph convolution to `Width` channels. `Heads` and `ConcatHeads` matter for GAT only.
type ConvolutionStage =
    { Kind: ConvolutionKind
      Width: int
      Heads: int
      ConcatHeads: bool }

/// A pooling layer and its options (each kind reads the options it has).
type PoolingStage =
    { Kind: PoolingKind
      /// Fraction of nodes kept (TopK, SAG, ASAPool).
      Ratio: float
      /// Clusters per graph (DiffPool).
      Clusters: int
      /// Build edges between pooled nodes (TopoPool's Connect; off in the paper's model).
      Connect: bool
      /// Add the layer's auxiliary losses (DiffPool link and entropy) to the training loss.
      AuxiliaryLoss: bool }

type Activation =
    | LeakyRelu of negativeSlope: float
    | Relu
    | Identity

/// One step of a pipeline, applied in order to the node features.
type Stage =
    /// Concatenate each node's features with the mean of its graph's node features (width doubles).
    | ConcatGlobalMean
    | Convolve of ConvolutionStage
    /// Graph-mode LayerNorm (over all nodes and channels of each graph, per-channel affine); its
    /// parameters are registered under `name`.
    | Normalize of name: string
    /// Apply the earlier `Normalize name` module again, with the same weights.
    | ReuseNormalization of name: string
    | Activate of Activation
    | Dropout of probability: float
    | Pool of PoolingStage
    /// Read the current nodes out per graph and add the result to the running readout sum.
    | Readout of ReadoutKind

/// The MLP that maps the summed readout to the output.
type HeadStage =
    { HiddenWidths: int list
      OutputWidth: int
      Activation: Activation
      Task: TaskKind }
