namespace TopoPool.Core.Pipelines

/// A fluent, immutable builder of pipelines for C#: every call returns a new builder.
/// <code>PipelineBuilder.Create(7).ConcatGlobalMean().Convolution(ConvolutionKind.Gcn, 32).Normalize("norm1")
///     .LeakyRelu().Readout(ReadoutKind.MaxMean).Head(TaskKind.Classification, 2, 32, 16)</code>
[<Sealed>]
type PipelineBuilder private (inputWidth: int, stagesReversed: Stage list) =
    static member Create(inputWidth: int) = PipelineBuilder(inputWidth, [])
    member private _.Then(stage: Stage) = PipelineBuilder(inputWidth, stage :: stagesReversed)
    member b.ConcatGlobalMean() = b.Then ConcatGlobalMean
    member b.Convolution(kind: ConvolutionKind, width: int) = b.Then(Pipeline.convolution kind width)
    member b.Gat(width: int, heads: int, concatHeads: bool) = b.Then(Pipeline.gat width heads concatHeads)
    member b.Normalize(name: string) = b.Then(Normalize name)
    member b.ReuseNormalization(name: string) = b.Then(ReuseNormalization name)
    member b.LeakyRelu() = b.Then(Pipeline.leakyRelu)
    member b.LeakyRelu(negativeSlope: float) = b.Then(Activate(LeakyRelu negativeSlope))
    member b.Relu() = b.Then(Activate Relu)
    member b.Dropout(probability: float) = b.Then(Dropout probability)
    member b.Pool(kind: PoolingKind) = b.Then(Pool(Pipeline.pooling kind))
    member b.Pool(pooling: Pooling) = b.Then(Pool pooling)
    member b.Readout(kind: ReadoutKind) = b.Then(Readout kind)
    /// Finishes the pipeline with a head of the given hidden widths (leaky ReLU between layers).
    member _.Head(task: TaskKind, outputWidth: int, [<System.ParamArray>] hiddenWidths: int[]) : Pipeline =
        let pipeline =
            { InputWidth = inputWidth
              Stages = List.rev stagesReversed
              Head = Pipeline.head task outputWidth (List.ofArray hiddenWidths) }
        match pipeline.Problem with
        | null -> pipeline
        | problem -> invalidArg "hiddenWidths" problem
