namespace TopoPool.Core.Pipelines

open System.Collections.Generic

/// A model as plain immutable data: the input width, an ordered list of stages, and the head.
/// `TopoPool.Torch` turns a pipeline into a module on a device; equal pipelines give modules with
/// the same parameter names and shapes.
type Pipeline =
    { InputWidth: int
      Stages: Stage list
      Head: HeadStage }

    /// The stages, for C#.
    member p.StageList: IReadOnlyList<Stage> = List.toArray p.Stages :> IReadOnlyList<Stage>

    /// The first problem with the pipeline, if any (an unknown reused normalisation, readouts of
    /// different widths, a non-positive width).
    member p.Problem: string option =
        let readoutWidth (kind: ReadoutKind) width = if kind = ReadoutKind.MaxMean then 2 * width else width
        let rec walk stages width (norms: Map<string, int>) (readouts: int list) =
            match stages with
            | [] ->
                if readouts |> List.distinct |> List.length > 1 then Some(sprintf "readouts have different widths: %A" (List.rev readouts))
                elif readouts.IsEmpty then Some "the pipeline has no readout"
                else None
            | stage :: rest ->
                match stage with
                | ConcatGlobalMean -> walk rest (2 * width) norms readouts
                | Convolve c when c.Width <= 0 -> Some(sprintf "convolution width %d is not positive" c.Width)
                | Convolve c when c.Kind = ConvolutionKind.Gat && c.Heads <= 0 -> Some(sprintf "GAT needs at least one head, not %d" c.Heads)
                | Convolve c -> walk rest (if c.Kind = ConvolutionKind.Gat && c.ConcatHeads then c.Width * c.Heads else c.Width) norms readouts
                | Normalize name when norms.ContainsKey name -> Some(sprintf "normalisation '%s' is declared twice" name)
                | Normalize name -> walk rest width (norms.Add(name, width)) readouts
                | ReuseNormalization name ->
                    match norms.TryFind name with
                    | None -> Some(sprintf "normalisation '%s' is reused before it is declared" name)
                    | Some w when w <> width -> Some(sprintf "normalisation '%s' has width %d, reused on width %d" name w width)
                    | Some _ -> walk rest width norms readouts
                | Activate _ | Dropout _ | Pool _ -> walk rest width norms readouts
                | Readout kind -> walk rest width norms (readoutWidth kind width :: readouts)
        if p.InputWidth <= 0 then Some(sprintf "input width %d is not positive" p.InputWidth)
        elif p.Head.OutputWidth <= 0 then Some(sprintf "output width %d is not positive" p.Head.OutputWidth)
        else walk p.Stages p.InputWidth Map.empty []

    /// The width of the summed readout that enters the head.
    member p.ReadoutWidth: int =
        let rec walk stages width =
            match stages with
            | [] -> invalidOp "the pipeline has no readout"
            | ConcatGlobalMean :: rest -> walk rest (2 * width)
            | Convolve c :: rest -> walk rest (if c.Kind = ConvolutionKind.Gat && c.ConcatHeads then c.Width * c.Heads else c.Width)
            | Readout kind :: _ -> if kind = ReadoutKind.MaxMean then 2 * width else width
            | _ :: rest -> walk rest width
        walk p.Stages p.InputWidth

/// Building pipelines in F#: stage constructors and the paper's model.
[<RequireQualifiedAccess>]
module Pipeline =

    let convolution kind width = Convolve { Kind = kind; Width = width; Heads = 1; ConcatHeads = false }

    let gat width heads concat = Convolve { Kind = ConvolutionKind.Gat; Width = width; Heads = heads; ConcatHeads = concat }

    let pooling kind =
        { Kind = kind
          Ratio = 0.5
          Clusters = 10
          Connect = false
          AuxiliaryLoss = false }

    /// PyTorch's default negative slope for leaky ReLU, which the authors' model uses.
    let leakyRelu = Activate(LeakyRelu 0.01)

    let head task outputWidth hiddenWidths =
        { HiddenWidths = hiddenWidths
          OutputWidth = outputWidth
          Activation = LeakyRelu 0.01
          Task = task }

    /// The paper's benchmark model (BENCHMARK.md, "The model") for any GNN × pool pair: three
    /// blocks of [global-mean concat → convolution → LayerNorm → leaky ReLU], [max ; mean]
    /// readouts after blocks 1 and 2, then the pool on the activated block-3 nodes, the third
    /// LayerNorm applied again to the pooled nodes (not for Global), the block-3 readout, and the
    /// head Linear(2h→h) → Linear(h→h/2) → Linear(h/2→out) on the sum of the three readouts.
    [<CompiledName("Paper")>]
    let paper (gnn: ConvolutionKind) (pool: PoolingKind) (task: TaskKind) (inputWidth: int) (outputWidth: int) (hidden: int) : Pipeline =
        let block i =
            [ ConcatGlobalMean
              convolution gnn hidden
              Normalize(sprintf "norm%d" i)
              leakyRelu ]
        let pooled =
            if pool = PoolingKind.Global then [ Readout ReadoutKind.MaxMean ]
            else [ Pool(pooling pool); ReuseNormalization "norm3"; Readout ReadoutKind.MaxMean ]
        { InputWidth = inputWidth
          Stages = block 1 @ [ Readout ReadoutKind.MaxMean ] @ block 2 @ [ Readout ReadoutKind.MaxMean ] @ block 3 @ pooled
          Head = head task outputWidth [ hidden; hidden / 2 ] }

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

/// The presets as members, for C#: <c>Pipeline.Paper(ConvolutionKind.Gcn, PoolingKind.TopoPool, TaskKind.Classification, 7, 2, 32)</c>.
type Pipeline with
    /// The paper's benchmark model for any GNN × pool pair (see `Pipeline.paper`).
    static member Paper(gnn: ConvolutionKind, pool: PoolingKind, task: TaskKind, inputWidth: int, outputWidth: int, hidden: int) =
        Pipeline.paper gnn pool task inputWidth outputWidth hidden

    /// The paper's model with the head reading only the pooled nodes (see `Pipeline.pooledReadoutOnly`).
    static member PooledReadoutOnly(gnn: ConvolutionKind, pool: PoolingKind, task: TaskKind, inputWidth: int, outputWidth: int, hidden: int) =
        Pipeline.pooledReadoutOnly gnn pool task inputWidth outputWidth hidden
