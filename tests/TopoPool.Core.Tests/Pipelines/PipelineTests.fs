module TopoPool.Core.Tests.Pipelines.PipelineTests

open Xunit
open TopoPool.Core.Pipelines

let private gnns = [ ConvolutionKind.Gcn; ConvolutionKind.Gat; ConvolutionKind.Sage ]
let private pools = [ for p in System.Enum.GetValues<PoolingKind>() -> p ]

[<Fact>]
let ``the paper's model is a valid pipeline for every GNN and pool`` () =
    for gnn in gnns do
        for pool in pools do
            let p = Pipeline.paper gnn pool TaskKind.Classification 7 2 32
            Assert.Equal(None, Pipeline.problem p)
            Assert.Equal(64, p.ReadoutWidth)

[<Fact>]
let ``the paper's model reuses the third LayerNorm after every pool but Global`` () =
    let stagesOf pool = (Pipeline.paper ConvolutionKind.Gcn pool TaskKind.Regression 39 1 32).Stages
    Assert.Contains(ReuseNormalization "norm3", stagesOf PoolingKind.TopoPooling)
    Assert.DoesNotContain(ReuseNormalization "norm3", stagesOf PoolingKind.Global)
    Assert.Equal(3, stagesOf PoolingKind.TopoPooling |> List.filter (function Readout _ -> true | _ -> false) |> List.length)
    Assert.Equal(3, stagesOf PoolingKind.TopoPooling |> List.filter ((=) ConcatGlobalMean) |> List.length)

[<Fact>]
let ``the head halves the hidden width`` () =
    let p = Pipeline.paper ConvolutionKind.Gcn PoolingKind.TopoPooling TaskKind.Classification 7 2 32
    Assert.Equal<int list>([ 32; 16 ], p.Head.HiddenWidths)
    Assert.Equal(2, p.Head.OutputWidth)

[<Fact>]
let ``problems are named`` () =
    let bad = { Pipeline.paper ConvolutionKind.Gcn PoolingKind.TopoPooling TaskKind.Classification 7 2 32 with Stages = [ ReuseNormalization "norm9"; Readout ReadoutKind.Max ] }
    Assert.Equal(Some "normalisation 'norm9' is reused before it is declared", Pipeline.problem bad)
    let mixed = { bad with Stages = [ Readout ReadoutKind.Max; Pipeline.convolution ConvolutionKind.Gcn 4; Readout ReadoutKind.Max ] }
    Assert.Equal(Some "readouts have different widths: [7; 4]", Pipeline.problem mixed)

[<Fact>]
let ``a SAGE pipeline that reuses its normalisation after the pool is valid and reads 64 wide`` () =
    let pipeline =
        { InputWidth = 7
          Stages =
            [ ConcatGlobalMean; Pipeline.convolution ConvolutionKind.Sage 32; Normalize "norm1"; Pipeline.leakyRelu
              Pool(Pipeline.pooling PoolingKind.TopoPooling); ReuseNormalization "norm1"; Readout ReadoutKind.MaxMean ]
          Head = Pipeline.head TaskKind.Classification 2 [ 32; 16 ] }
    let paper = Pipeline.paper ConvolutionKind.Gcn PoolingKind.TopoPooling TaskKind.Classification 7 2 32
    Assert.Equal(None, Pipeline.problem pipeline)
    Assert.Equal(64, pipeline.ReadoutWidth)
    Assert.Equal(None, Pipeline.problem paper)

[<Fact>]
let ``a convolution after a pool without edges is refused, and allowed once Connect is on`` () =
    let stages connect =
        [ Pipeline.convolution ConvolutionKind.Gcn 8; Pool(TopoPooling { TopoPoolingOptions.Default with Connect = connect })
          Pipeline.convolution ConvolutionKind.Gcn 8; Readout ReadoutKind.Max ]
    let make connect = { InputWidth = 4; Stages = stages connect; Head = Pipeline.head TaskKind.Regression 1 [ 4 ] }
    Assert.StartsWith("a convolution follows TopoPooling", (Pipeline.problem (make false)).Value)
    Assert.Equal(None, Pipeline.problem (make true))

[<Fact>]
let ``each pooling kind carries exactly its options and they are checked`` () =
    let withPool pooling = { InputWidth = 4; Stages = [ Pool pooling; Readout ReadoutKind.Max ]; Head = Pipeline.head TaskKind.Regression 1 [ 4 ] }
    Assert.Equal(Some "pooling ratio 1.5 is not in (0, 1]", Pipeline.problem (withPool (TopKPooling 1.5)))
    Assert.Equal(Some "DiffPool needs at least one cluster, not 0", Pipeline.problem (withPool (DiffPool(0, false))))
    Assert.Equal(None, Pipeline.problem (withPool EdgePooling))
    for kind in pools |> List.filter ((<>) PoolingKind.Global) do
        Assert.Equal(kind, (Pipeline.pooling kind).Kind)

[<Fact>]
let ``GAT's output width is its width times its heads when it concatenates them`` () =
    let p = { InputWidth = 4; Stages = [ Pipeline.gat 8 3 true; Normalize "n"; Readout ReadoutKind.Max ]; Head = Pipeline.head TaskKind.Regression 1 [ 4 ] }
    Assert.Equal(None, Pipeline.problem p)
    Assert.Equal(24, p.ReadoutWidth)
    Assert.Equal(8, ({ Kind = ConvolutionKind.Gat; Width = 8; Heads = 3; ConcatHeads = false } : ConvolutionStage).OutputWidth)

[<Fact>]
let ``C# gets a validated constructor`` () =
    let head = Pipeline.head TaskKind.Regression 1 [ 4 ]
    Assert.Throws<System.ArgumentException>(fun () -> Pipeline.Create(4, [ Readout ReadoutKind.Max; Pipeline.convolution ConvolutionKind.Gcn 2; Readout ReadoutKind.Max ], head) |> ignore) |> ignore
    Assert.Equal(4, Pipeline.Create(4, [ Readout ReadoutKind.Max ], head).ReadoutWidth)
