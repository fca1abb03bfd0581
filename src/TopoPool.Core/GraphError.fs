namespace TopoPool.Core

/// What is wrong with a graph, batch or clustering input, with the position of the problem.
type GraphError =
    | NegativeNodeCount of count: int
    | NegativeEndpoint of edge: int * endpoint: int
    | EndpointOutOfRange of edge: int * endpoint: int * numNodes: int
    | FeatureRowMismatch of rows: int * numNodes: int
    | NonFiniteFeature of node: int * column: int * value: float32
    | LabelCountMismatch of labels: int * numNodes: int
    | ScoreCountMismatch of scores: int * numNodes: int
    | NonFiniteScore of node: int * value: float32
    | BatchLengthMismatch of length: int * numNodes: int
    | GraphIndexOutOfRange of node: int * graph: int * numGraphs: int
    | BatchNotSorted of node: int
    | EdgeJoinsGraphs of edge: int * sourceGraph: int * targetGraph: int

    member e.Message =
        match e with
        | NegativeNodeCount n -> sprintf "node count %d is negative" n
        | NegativeEndpoint (i, v) -> sprintf "edge %d has a negative endpoint %d" i v
        | EndpointOutOfRange (i, v, n) -> sprintf "edge %d has endpoint %d, out of range for %d nodes" i v n
        | FeatureRowMismatch (r, n) -> sprintf "the feature matrix has %d rows for %d nodes" r n
        | NonFiniteFeature (i, c, v) -> sprintf "feature %d of node %d is %g, not a finite number" c i v
        | LabelCountMismatch (l, n) -> sprintf "%d node labels for %d nodes" l n
        | ScoreCountMismatch (s, n) -> sprintf "%d scores for %d nodes" s n
        | NonFiniteScore (i, v) -> sprintf "the score of node %d is %g, not a finite number" i v
        | BatchLengthMismatch (l, n) -> sprintf "the batch vector has %d entries for %d nodes" l n
        | GraphIndexOutOfRange (i, g, k) -> sprintf "node %d is in graph %d, out of range for %d graphs" i g k
        | BatchNotSorted i -> sprintf "the batch vector decreases at node %d (graphs must be contiguous and in order)" i
        | EdgeJoinsGraphs (i, a, b) -> sprintf "edge %d joins graph %d and graph %d" i a b

/// Thrown by the C#-facing constructors when an input is invalid; `Error` says what and where.
exception GraphValidationException of Error: GraphError
    with
        override e.Message = e.Error.Message
