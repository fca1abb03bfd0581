module TopoPool.Core.Tests.GraphValidationTests

open Xunit
open TopoPool.Core

let private problem (numNodes: int) (edges: Edge list) (features: FeatureMatrix | null) (labels: int list | null) =
    match Graph.tryCreate numNodes edges (Option.ofObj features) (match labels with | null -> None | l -> Some(Seq.ofList l)) with
    | Ok _ -> None
    | Error e -> Some e

[<Fact>]
let ``a valid graph is accepted`` () =
    Assert.Equal(None, problem 3 [ Edge(0, 1); Edge(1, 2); Edge(2, 2) ] (FeatureMatrix.Create(3, 1, [| 1.0f; 2.0f; 3.0f |])) null)

[<Fact>]
let ``an endpoint out of range is named with its edge`` () =
    Assert.Equal(Some(EndpointOutOfRange(1, 3, 3)), problem 3 [ Edge(0, 1); Edge(1, 3) ] null null)

[<Fact>]
let ``a negative endpoint is named with its edge`` () =
    Assert.Equal(Some(NegativeEndpoint(0, -1)), problem 3 [ Edge(-1, 1) ] null null)

[<Fact>]
let ``a feature matrix with the wrong row count is rejected`` () =
    Assert.Equal(Some(FeatureRowMismatch(2, 3)), problem 3 [] (FeatureMatrix.Create(2, 1, [| 1.0f; 2.0f |])) null)

[<Fact>]
let ``a NaN or infinite feature is named by node and column`` () =
    match problem 2 [] (FeatureMatrix.Create(2, 2, [| 0.0f; 1.0f; nanf; 0.0f |])) null with
    | Some(NonFiniteFeature(1, 0, v)) -> Assert.True(System.Single.IsNaN v)
    | other -> Assert.Fail(sprintf "expected a NaN at node 1, column 0, got %A" other)
    Assert.Equal(Some(NonFiniteFeature(0, 1, infinityf)), problem 2 [] (FeatureMatrix.Create(2, 2, [| 0.0f; infinityf; 1.0f; 0.0f |])) null)

[<Fact>]
let ``labels must match the node count`` () =
    Assert.Equal(Some(LabelCountMismatch(1, 2)), problem 2 [] null [ 4 ])

[<Fact>]
let ``Create throws an exception whose message names the problem`` () =
    let ex = Assert.Throws<GraphValidationException>(fun () -> Graph.Create(2, [ Edge(0, 5) ]) |> ignore)
    Assert.Equal("edge 0 has endpoint 5, out of range for 2 nodes", ex.Message)

[<Fact>]
let ``Select rejects an edge that joins two graphs`` () =
    let ex = Assert.Throws<GraphValidationException>(fun () ->
        TopoPoolSpec.Select(3, [ Edge(0, 1); Edge(1, 2) ], [| 1.0f; 1.0f; 1.0f |], [| 0; 0; 1 |], 2) |> ignore)
    Assert.Equal("edge 1 joins graph 0 and graph 1", ex.Message)

[<Fact>]
let ``Select rejects a score count that does not match`` () =
    let ex = Assert.Throws<GraphValidationException>(fun () -> TopoPoolSpec.Select(3, [], [| 1.0f |], [| 0; 0; 0 |], 1) |> ignore)
    Assert.Equal("1 scores for 3 nodes", ex.Message)

[<Fact>]
let ``Select rejects an unsorted batch vector`` () =
    let ex = Assert.Throws<GraphValidationException>(fun () -> TopoPoolSpec.Select(3, [], [| 1.0f; 1.0f; 1.0f |], [| 1; 0; 1 |], 2) |> ignore)
    Assert.Equal("the batch vector decreases at node 1 (graphs must be contiguous and in order)", ex.Message)

[<Fact>]
let ``C# gets TryCreate with out values`` () =
    let mutable graph = null
    let mutable error = null
    Assert.False(Graph.TryCreate(2, [ Edge(0, 5) ], null, null, &graph, &error))
    Assert.Equal(Some(EndpointOutOfRange(0, 5, 2)), Option.ofObj error)
    Assert.True(Graph.TryCreate(2, [ Edge(0, 1) ], null, null, &graph, &error))
    Assert.Equal(Some 2, graph |> Option.ofObj |> Option.map (fun g -> g.NumNodes))
