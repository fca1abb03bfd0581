namespace TopoPool.Core.Pipelines

open System.Collections.Generic

/// A model as plain immutable data: the input width, an ordered list of stages, and the head.
/// `TopoPool.Torch` turns a pipeline into a module on a device; equal pipelines give modules with
/// the same parameter names and shapes. `Stages` is an F# list, which C# reads as an `IReadOnlyList<Stage>`.
type Pipeline =
    { InputWidth: int
      Stages: Stage list
      Head: HeadStage }

    /// The first problem with the pipeline, or null when it is valid: a non-positive width, an unknown or twice
    /// declared normalisation, a normalisation reused on another width, a convolution after a pool whose output has no
    /// edges, readouts of different widths, no readout.
    member p.Problem: string | null =
        let readoutWidth (kind: ReadoutKind) width = if kind = ReadoutKind.MaxMean then 2 * width else width
        let rec walk stages width (norms: Map<string, int>) (readouts: int list) (edgeless: Pooling option) =
            match stages with
            | [] ->
                if readouts |> List.distinct |> List.length > 1 then Some(sprintf "readouts have different widths: %A" (List.rev readouts))
                elif readouts.IsEmpty then Some "the pipeline has no readout"
                else None
            | stage :: rest ->
                match stage with
                | ConcatGlobalMean -> walk rest (2 * width) norms readouts edgeless
                | Convolve c when c.Width <= 0 -> Some(sprintf "convolution width %d is not positive" c.Width)
                | Convolve c when c.Kind = ConvolutionKind.Gat && c.Heads <= 0 -> Some(sprintf "GAT needs at least one head, not %d" c.Heads)
                | Convolve _ when edgeless.IsSome ->
                    Some(sprintf "a convolution follows %A, whose pooled graph has no edges (turn on Connect)" edgeless.Value)
                | Convolve c -> walk rest c.OutputWidth norms readouts edgeless
                | Normalize name when norms.ContainsKey name -> Some(sprintf "normalisation '%s' is declared twice" name)
                | Normalize name -> walk rest width (norms.Add(name, width)) readouts edgeless
                | ReuseNormalization name ->
                    match norms.TryFind name with
                    | None -> Some(sprintf "normalisation '%s' is reused before it is declared" name)
                    | Some w when w <> width -> Some(sprintf "normalisation '%s' has width %d, reused on width %d" name w width)
                    | Some _ -> walk rest width norms readouts edgeless
                | Dropout d when not (d >= 0.0 && d < 1.0) -> Some(sprintf "dropout probability %g is not in [0, 1)" d)
                | Pool (TopKPooling r | SagPooling r | AsaPooling r) when not (r > 0.0 && r <= 1.0) -> Some(sprintf "pooling ratio %g is not in (0, 1]" r)
                | Pool (DiffPool (k, _)) when k <= 0 -> Some(sprintf "DiffPool needs at least one cluster, not %d" k)
                | Pool pooling -> walk rest width norms readouts (if pooling.HasEdges then None else Some pooling)
                | Activate _ | Dropout _ -> walk rest width norms readouts edgeless
                | Readout kind -> walk rest width norms (readoutWidth kind width :: readouts) edgeless
        let problem =
            if p.InputWidth <= 0 then Some(sprintf "input width %d is not positive" p.InputWidth)
            elif p.Head.OutputWidth <= 0 then Some(sprintf "output width %d is not positive" p.Head.OutputWidth)
            elif p.Head.HiddenWidths |> List.exists (fun w -> w <= 0) then Some "a hidden width of the head is not positive"
            else walk p.Stages p.InputWidth Map.empty [] None
        match problem with
        | Some text -> text
        | None -> null

    /// The width of the summed readout that enters the head.
    member p.ReadoutWidth: int =
        let rec walk stages width =
            match stages with
            | [] -> invalidOp "the pipeline has no readout"
            | ConcatGlobalMean :: rest -> walk rest (2 * width)
            | Convolve c :: rest -> walk rest c.OutputWidth
            | Readout kind :: _ -> if kind = ReadoutKind.MaxMean then 2 * width else width
            | _ :: rest -> walk rest width
        walk p.Stages p.InputWidth

    /// The same pipeline with other stages (for C#); throws `ArgumentException` naming the problem when it is not valid.
    member p.WithStages(stages: IEnumerable<Stage>) = Pipeline.Create(p.InputWidth, stages, p.Head)

    /// A pipeline from stages in order (for C#); throws `ArgumentException` naming the problem when it is not valid.
    static member Create(inputWidth: int, stages: IEnumerable<Stage>, head: HeadStage) =
        let pipeline = { InputWidth = inputWidth; Stages = List.ofSeq stages; Head = head }
        match pipeline.Problem with
        | null -> pipeline
        | problem -> invalidArg "stages" problem

/// Building pipelines in F#: stage constructors, validation and the paper's model.
[<RequireQualifiedAccess>]
module Pipeline =

    /// The first problem with the pipeline, if any (see `Pipeline.Problem`).
    let problem (p: Pipeline) : string option = Option.ofObj p.Problem

    let convolution kind width = Convolve { Kind = kind; Width = width; Heads = 1; ConcatHeads = false }

    let gat width heads concat = Convolve { Kind = ConvolutionKind.Gat; Width = width; Heads = heads; ConcatHeads = concat }

    /// The pooling of a choice with the benchmark's options (ratio 0.5, 10 DiffPool clusters without auxiliary losses,
    /// TopoPooling without Connect); `Global` has no pooling layer.
    let pooling (kind: PoolingKind) : Pooling =
        match kind with
        | PoolingKind.TopoPooling -> TopoPooling TopoPoolingOptions.Default
        | PoolingKind.TopKPooling -> TopKPooling 0.5
        | PoolingKind.SagPooling -> SagPooling 0.5
        | PoolingKind.AsaPooling -> AsaPooling 0.5
        | PoolingKind.DiffPool -> DiffPool(10, false)
        | PoolingKind.EdgePooling -> EdgePooling
        | other -> invalidArg "kind" (sprintf "%A has no pooling layer" other)

    /// PyTorch's default negative slope for leaky ReLU, which the authors' model uses.
    let leakyRelu = Activate(LeakyRelu 0.01)

    let head task outputWidth hiddenWidths =
        { HiddenWidths = hiddenWidths
          OutputWidth = outputWidth
          Activation = LeakyRelu 0.01
          Task = task }

    /// The paper's benchmark model (BENCHMARK.md, "The model") for a GNN and a pooling layer (`None`: Global): three
    /// blocks of [global-mean concat → convolution → LayerNorm → leaky ReLU], [max ; mean] readouts after blocks 1 and
    /// 2, then the pool on the activated block-3 nodes, the third LayerNorm applied again to the pooled nodes, the
    /// block-3 readout, and the head Linear(2h→h) → Linear(h→h/2) → Linear(h/2→out) on the sum of the three readouts.
    let paperWith (gnn: ConvolutionKind) (pooling: Pooling option) (task: TaskKind) (inputWidth: int) (outputWidth: int) (hidden: int) : Pipeline =
        let block i =
            [ ConcatGlobalMean
              convolution gnn hidden
              Normalize(sprintf "norm%d" i)
              leakyRelu ]
        let pooled =
            match pooling with
            | None -> [ Readout ReadoutKind.MaxMean ]
            | Some p -> [ Pool p; ReuseNormalization "norm3"; Readout ReadoutKind.MaxMean ]
        { InputWidth = inputWidth
          Stages = block 1 @ [ Readout ReadoutKind.MaxMean ] @ block 2 @ [ Readout ReadoutKind.MaxMean ] @ block 3 @ pooled
          Head = head task outputWidth [ hidden; hidden / 2 ] }

    /// The paper's benchmark model for any GNN × pool pair, each pool with the benchmark's options (see `paperWith`).
    [<CompiledName("Paper")>]
    let paper (gnn: ConvolutionKind) (pool: PoolingKind) (task: TaskKind) (inputWidth: int) (outputWidth: int) (hidden: int) : Pipeline =
        paperWith gnn (if pool = PoolingKind.Global then None else Some(pooling pool)) task inputWidth outputWidth hidden

    /// The ablation of the paper's model in which only the pooled nodes reach the head: the same three blocks and
    /// pool, but no readouts after blocks 1 and 2, so the head reads `r_3` alone. In the paper's model the skip
    /// readouts `r_1 + r_2`, which never see the pool, can carry the prediction by themselves; this preset shows what
    /// the pooling layer contributes. For `Global` it reads the block-3 nodes.
    [<CompiledName("PooledReadoutOnly")>]
    let pooledReadoutOnly (gnn: ConvolutionKind) (pool: PoolingKind) (task: TaskKind) (inputWidth: int) (outputWidth: int) (hidden: int) : Pipeline =
        let paperModel = paper gnn pool task inputWidth outputWidth hidden
        let rec dropSkipReadouts remaining stages =
            match stages with
            | [] -> []
            | Readout _ :: rest when remaining > 0 -> dropSkipReadouts (remaining - 1) rest
            | stage :: rest -> stage :: dropSkipReadouts remaining rest
        { paperModel with Stages = dropSkipReadouts 2 paperModel.Stages }

/// The presets as members, for C#: <c>Pipeline.Paper(ConvolutionKind.Gcn, PoolingKind.TopoPooling, TaskKind.Classification, 7, 2, 32)</c>.
type Pipeline with
    /// The paper's benchmark model for any GNN × pool pair (see `Pipeline.paper`).
    static member Paper(gnn: ConvolutionKind, pool: PoolingKind, task: TaskKind, inputWidth: int, outputWidth: int, hidden: int) =
        Pipeline.paper gnn pool task inputWidth outputWidth hidden

    /// The paper's model with a pooling layer of your options (<c>PoolingKind.Global</c> in the other overload for none).
    static member Paper(gnn: ConvolutionKind, pooling: Pooling, task: TaskKind, inputWidth: int, outputWidth: int, hidden: int) =
        Pipeline.paperWith gnn (Some pooling) task inputWidth outputWidth hidden

    /// The paper's model with the head reading only the pooled nodes (see `Pipeline.pooledReadoutOnly`).
    static member PooledReadoutOnly(gnn: ConvolutionKind, pool: PoolingKind, task: TaskKind, inputWidth: int, outputWidth: int, hidden: int) =
        Pipeline.pooledReadoutOnly gnn pool task inputWidth outputWidth hidden

    /// The pooling of a choice with the benchmark's options (see `Pipeline.pooling`).
    static member Pooling(kind: PoolingKind) = Pipeline.pooling kind
