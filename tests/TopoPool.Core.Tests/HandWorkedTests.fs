/// Small cases worked out by hand from design/TOPOPOOL.md (not from the code's output).
module TopoPool.Core.Tests.HandWorkedTests

open Xunit
open TopoPool.Core

let private clusters numNodes (edges: (int * int) list) (scores: float32 list) =
    let k = TopoPoolSpec.Select(numNodes, edges |> List.map Edge, Array.ofList scores, Array.zeroCreate numNodes, 1)
    [ for i in 0 .. k.NumClusters - 1 -> k.Peaks.[i], List.ofSeq (k.Members i) ]

[<Fact>]
let ``the shared node of TOPOPOOL.md passes both labels on`` () =
    // Peaks 0 and 2 (score 3); node 1 is reached from both at level 1 and hands both labels to 3 and 4.
    Assert.Equal<(int * int list) list>([ 0, [ 0; 1; 3; 4 ]; 2, [ 1; 2; 3; 4 ] ], clusters 5 [ 0, 1; 1, 2; 1, 3; 1, 4 ] [ 3.0f; 2.0f; 3.0f; 1.0f; 1.0f ])

[<Fact>]
let ``a plateau makes every node a peak`` () =
    Assert.Equal<(int * int list) list>([ 0, [ 0 ]; 1, [ 1 ]; 2, [ 2 ] ], clusters 3 [ 0, 1; 1, 2 ] [ 1.0f; 1.0f; 1.0f ])

[<Fact>]
let ``equal neighbours are both peaks and share the slope between them`` () =
    // 0(3) - 1(2) - 2(2) - 3(1): node 2 ties with 1 and beats 3, so it is a peak; node 1 is
    // reached at level 1 from 0 and from 2 (2 <= 2) and belongs to both.
    Assert.Equal<(int * int list) list>([ 0, [ 0; 1 ]; 2, [ 1; 2; 3 ] ], clusters 4 [ 0, 1; 1, 2; 2, 3 ] [ 3.0f; 2.0f; 2.0f; 1.0f ])

[<Fact>]
let ``a valley between two peaks is shared`` () =
    Assert.Equal<(int * int list) list>([ 0, [ 0; 1 ]; 2, [ 1; 2 ] ], clusters 3 [ 0, 1; 1, 2 ] [ 2.0f; 1.0f; 2.0f ])

[<Fact>]
let ``a node reached earlier from one peak is not shared with a later one`` () =
    // 0(5) - 1(4) - 2(3) - 3(1) - 4(2): peaks 0 and 4. Node 3 is reached from 4 at level 1,
    // before cluster 0 gets there (level 3), so it belongs to cluster 4 alone.
    Assert.Equal<(int * int list) list>([ 0, [ 0; 1; 2 ]; 4, [ 3; 4 ] ], clusters 5 [ 0, 1; 1, 2; 2, 3; 3, 4 ] [ 5.0f; 4.0f; 3.0f; 1.0f; 2.0f ])

[<Fact>]
let ``descent never climbs above the node it steps from`` () =
    // 0(5) - 1(1) - 2(2) - 3(3) - 4(4) - 5(4.5): peaks 0 and 5. Cluster 0 reaches 1 at level 1
    // but may not climb from 1 to 2 although 2 is below its peak; 2 is reached from 5 at level 3.
    Assert.Equal<(int * int list) list>(
        [ 0, [ 0; 1 ]; 5, [ 2; 3; 4; 5 ] ],
        clusters 6 [ 0, 1; 1, 2; 2, 3; 3, 4; 4, 5 ] [ 5.0f; 1.0f; 2.0f; 3.0f; 4.0f; 4.5f ])

[<Fact>]
let ``isolated nodes, single nodes and self-loops are peaks of their own`` () =
    Assert.Equal<(int * int list) list>([ 0, [ 0 ]; 1, [ 1 ] ], clusters 2 [ 1, 1 ] [ 0.5f; 0.7f ])

[<Fact>]
let ``clusters are numbered by graph then peak`` () =
    let k = TopoPoolSpec.Select(4, [ Edge(0, 1); Edge(2, 3) ], [| 1.0f; 2.0f; 2.0f; 1.0f |], [| 0; 0; 1; 1 |], 3)
    Assert.Equal<int>([ 1; 2 ], k.Peaks)
    Assert.Equal<int>([ 0; 1 ], k.ClusterBatch)
    Assert.Equal<int>([ 1; 0; 0; 1 ], k.Levels)

[<Fact>]
let ``one cluster has weight one and pools the feature-wise maximum`` () =
    let k = TopoPoolSpec.Select(3, [ Edge(0, 1); Edge(1, 2) ], [| 3.0f; 2.0f; 1.0f |], [| 0; 0; 0 |], 1)
    // One cluster {0,1,2}: σ = 1, pooled = feature-wise max.
    let x = FeatureMatrix.Create(3, 2, [| 1.0f; -1.0f; 0.0f; 4.0f; 3.0f; 2.0f |])
    let pooled = TopoPoolSpec.Reduce(x, [| 3.0f; 2.0f; 1.0f |], k)
    Assert.Equal<float32>([ 1.0f ], pooled.Weights)
    Assert.Equal<float32>([ 3.0f; 4.0f ], pooled.Features.Data)

[<Fact>]
let ``two clusters get softmax weights of their peak scores`` () =
    let scores = [| 2.0f; 1.0f; 3.0f |]
    let k = TopoPoolSpec.Select(3, [ Edge(0, 1); Edge(1, 2) ], scores, [| 0; 0; 0 |], 1)
    let pooled = TopoPoolSpec.Reduce(FeatureMatrix.Create(3, 1, [| 1.0f; 1.0f; 1.0f |]), scores, k)
    let e2, e3 = exp 2.0, exp 3.0
    Assert.Equal(float32 (e2 / (e2 + e3)), pooled.Weights.[0], 6)
    Assert.Equal(float32 (e3 / (e2 + e3)), pooled.Weights.[1], 6)
    Assert.Equal<Edge>([ Edge(0, 1) ], TopoPoolSpec.Connect([ Edge(0, 1); Edge(1, 2) ], k))
