module TopoPool.Core.Tests.PipelineTests

open Xunit
open TopoPool.Core.Pipelines

let private gnns = [ ConvolutionKind.Gcn; ConvolutionKind.Gat; ConvolutionKind.Sage ]
let private pools = [ for p in System.Enum.GetValues<PoolingKind>() -> p ]

[<Fact>]
let ``the paper's model is a valid pipeline for every GNN and pool`` () =
    for gnn in gnns do
        for pool in pools do
            let p = Pipeline.paper gnn pool TaskKind.Classification 7 2 32
            Assert.Equal(None, p.Problem)
            Assert.Equal(64, p.ReadoutWidth)

[<Fact>]
let ``the paper's model reuses the third LayerNorm after every pool but Global`` () =
    let stagesOf pool = (Pipeline.paper ConvolutionKind.Gcn pool TaskKind.Regression 39 1 32).Stages
    Assert.Contains(ReuseNormalization "norm3", stagesOf PoolingKind.TopoPool)
    Assert.DoesNotContain(ReuseNormalization "norm3", stagesOf PoolingKind.Global)
    Assert.Equal(3, stagesOf PoolingKind.TopoPool |> List.filter (function Readout _ -> true | _ -> false) |> List.length)
    Assert.Equal(3, stagesOf PoolingKind.TopoPool |> List.filter ((=) ConcatGlobalMean) |> List.length)

[<Fact>]
let ``the head halves the hidden width`` () =
    let p = Pipeline.paper ConvolutionKind.Gcn PoolingKind.TopoPool TaskKind.Classification 7 2 32
    Assert.Equal<int list>([ 32; 16 ], p.Head.HiddenWidths)
    Assert.Equal(2, p.Head.OutputWidth)

[<Fact>]
let ``problems are named`` () =
    let bad = { Pipeline.paper ConvolutionKind.Gcn PoolingKind.TopoPool TaskKind.Classification 7 2 32 with Stages = [ ReuseNormalization "norm9"; Readout ReadoutKind.Max ] }
    Assert.Equal(Some "normalisation 'norm9' is reused before it is declared", bad.Problem)
    let mixed = { bad with Stages = [ Readout ReadoutKind.Max; Pipeline.convolution ConvolutionKind.Gcn 4; Readout ReadoutKind.Max ] }
    Assert.Equal(Some "readouts have different widths: [7; 4]", mixed.Problem)

[<Fact>]
let ``the README's F# pipeline snippet builds a valid pipeline`` () =
    let pipeline =
        { InputWidth = 7
          Stages =
            [ ConcatGlobalMean; Pipeline.convolution ConvolutionKind.Sage 32; Normalize "norm1"; Pipeline.leakyRelu
              Pool(Pipeline.pooling PoolingKind.TopoPool); ReuseNormalization "norm1"; Readout ReadoutKind.MaxMean ]
          Head = Pipeline.head TaskKind.Classification 2 [ 32; 16 ] }
    let paper = Pipeline.paper ConvolutionKind.Gcn PoolingKind.TopoPool TaskKind.Classification 7 2 32
    Assert.Equal(None, pipeline.Problem)
    Assert.Equal(64, pipeline.ReadoutWidth)
    Assert.Equal(None, paper.Problem)
