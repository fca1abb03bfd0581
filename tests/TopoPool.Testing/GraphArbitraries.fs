namespace TopoPool.Testing

open System
open FsCheck
open FsCheck.FSharp
open TopoPool.Core

/// FsCheck generators and shrinkers for batches of graphs with tied scores.
///
/// Scores are drawn from a few integer values most of the time, so that plateaus and adjacent
/// ties are common; edges come in random order and direction, with self-loops and duplicates.
/// Shrinking drops a graph, deletes one node at a time (re-indexing edges), deletes an edge,
/// flattens scores and drops feature columns.
[<RequireQualifiedAccess>]
module GraphGen =

    let private scoresGen (n: int) : Gen<float32[]> =
        Gen.frequency
            [ 8, gen {
                  let! levels = Gen.elements [ 1; 2; 3; 4; 8 ]
                  return! Gen.arrayOfLength n (Gen.choose (1, levels) |> Gen.map float32) }
              2, Gen.arrayOfLength n (Gen.choose (1, 1000) |> Gen.map (fun v -> float32 v / 1000.0f)) ]

    /// One graph of the given shape on `n` nodes, local indices, with noise edges.
    let private graphEdges (rng: Random) (shape: GraphShape) (n: int) (noisy: bool) : Edge[] =
        let core = GraphShapes.edges rng shape n
        let withNoise =
            if not noisy || n = 0 then core
            else
                let loops = [ for _ in 1 .. rng.Next 3 -> let v = rng.Next n in v, v ]
                let dups = core |> List.filter (fun _ -> rng.NextDouble() < 0.3)
                let reversed = core |> List.filter (fun _ -> rng.NextDouble() < 0.4) |> List.map (fun (a, b) -> b, a)
                core @ loops @ dups @ reversed
        withNoise
        |> List.map (fun (a, b) -> if rng.NextDouble() < 0.5 then Edge(a, b) else Edge(b, a))
        |> List.sortBy (fun _ -> rng.Next())
        |> Array.ofList

    let private graphGen (maxNodes: int) : Gen<GraphShape * int * int * bool> =
        gen {
            let! shape = Gen.elements GraphShapes.all
            let! n = if shape = Empty then Gen.constant 0 else Gen.choose (1, max 1 maxNodes)
            let! seed = Gen.choose (0, Int32.MaxValue - 1)
            let! noisy = Gen.frequency [ 2, Gen.constant true; 3, Gen.constant false ]
            return shape, n, seed, noisy
        }

    /// A batch of 1 to 4 graphs; its size grows with FsCheck's size parameter.
    let graphCase : Gen<GraphCase> =
        Gen.sized (fun size ->
            gen {
                let maxNodes = max 2 (min 24 (size / 3 + 3))
                let! numGraphs = Gen.frequency [ 3, Gen.constant 1; 2, Gen.choose (2, 4) ]
                let! specs = Gen.listOfLength numGraphs (graphGen maxNodes)
                let! columns = Gen.choose (0, 3)
                let parts =
                    specs
                    |> List.map (fun (shape, n, seed, noisy) ->
                        let rng = Random(seed)
                        let edges = graphEdges rng shape n noisy
                        let features = Array.init (n * columns) (fun _ -> float32 (rng.Next(-3, 4)) + (if rng.NextDouble() < 0.5 then 0.25f else 0.0f))
                        { NumNodes = n; Edges = edges; Scores = Array.zeroCreate n; Batch = Array.zeroCreate n; NumGraphs = 1
                          Features = FeatureMatrix.Create(n, columns, features) })
                    |> Array.ofList
                let merged = GraphCase.collate parts
                let! scores = scoresGen merged.NumNodes
                return { merged with Scores = scores }
            })

    /// Smaller cases, simplest first.
    let shrink (c: GraphCase) : seq<GraphCase> =
        seq {
            if c.NumGraphs > 1 then
                let parts = GraphCase.split c
                for g in 0 .. c.NumGraphs - 1 do
                    yield GraphCase.collate (Array.removeAt g parts)
            for v in c.NumNodes - 1 .. -1 .. 0 do
                yield GraphCase.deleteNode v c
            for k in 0 .. c.Edges.Length - 1 do
                yield { c with Edges = Array.removeAt k c.Edges }
            if c.NumNodes > 0 then
                let low = Array.min c.Scores
                for v in 0 .. c.NumNodes - 1 do
                    if c.Scores.[v] <> low then
                        yield { c with Scores = Array.updateAt v low c.Scores }
            if c.Features.Columns > 0 then
                yield { c with Features = FeatureMatrix.Empty c.NumNodes }
        }

/// Register with `[<Property(Arbitrary = [| typeof<GraphArbitraries> |])>]`, or from C#:
/// `Prop.ForAll(GraphArbitraries.GraphCase(), c => ...)`.
type GraphArbitraries =
    static member GraphCase() : Arbitrary<GraphCase> = Arb.fromGenShrink (GraphGen.graphCase, GraphGen.shrink)
