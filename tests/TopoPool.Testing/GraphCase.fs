namespace TopoPool.Testing

open TopoPool.Core

/// A batch of graphs with node scores and features, as the property tests draw them.
/// `Batch` is non-decreasing; edges never join two graphs; graphs may be empty.
type GraphCase =
    { NumNodes: int
      Edges: Edge[]
      Scores: float32[]
      Batch: int[]
      NumGraphs: int
      Features: FeatureMatrix }

    override c.ToString() =
        let edges = c.Edges |> Seq.map (fun e -> sprintf "%d-%d" e.Source e.Target) |> String.concat " "
        let scores = c.Scores |> Seq.map (fun s -> sprintf "%g" s) |> String.concat "; "
        let batch = c.Batch |> Seq.map string |> String.concat ""
        sprintf "{ nodes=%d graphs=%d edges=[%s] scores=[%s] batch=[%s] features=%dx%d }"
            c.NumNodes c.NumGraphs edges scores batch c.Features.Rows c.Features.Columns

/// Operations on graph cases used by properties and shrinkers.
[<RequireQualifiedAccess>]
module GraphCase =

    let neighbours (c: GraphCase) = Adjacency.build c.NumNodes c.Edges

    /// True when two adjacent nodes have the same score (a tie that the peak and descent rules must settle).
    let hasAdjacentTie (c: GraphCase) =
        c.Edges |> Array.exists (fun e -> not e.IsSelfLoop && c.Scores.[e.Source] = c.Scores.[e.Target])

    /// Removes node `v`: its edges go, later nodes move down by one; the graph count stays.
    let deleteNode (v: int) (c: GraphCase) =
        let shift i = if i > v then i - 1 else i
        { c with
            NumNodes = c.NumNodes - 1
            Edges = c.Edges |> Array.filter (fun e -> e.Source <> v && e.Target <> v) |> Array.map (fun e -> Edge(shift e.Source, shift e.Target))
            Scores = Array.removeAt v c.Scores
            Batch = Array.removeAt v c.Batch
            Features = c.Features.SelectRows([ 0 .. c.NumNodes - 1 ] |> List.filter ((<>) v)) }

    /// Relabels node `i` as `perm.[i]` (within graphs, so the batch stays sorted when `perm`
    /// maps each graph's nodes onto themselves).
    let permute (perm: int[]) (c: GraphCase) =
        let inverse = Array.zeroCreate perm.Length
        perm |> Array.iteri (fun i p -> inverse.[p] <- i)
        { c with
            Edges = c.Edges |> Array.map (fun e -> Edge(perm.[e.Source], perm.[e.Target]))
            Scores = Array.init c.NumNodes (fun p -> c.Scores.[inverse.[p]])
            Batch = Array.init c.NumNodes (fun p -> c.Batch.[inverse.[p]])
            Features = c.Features.SelectRows inverse }

    /// The node offsets of each graph (`NumGraphs + 1` entries).
    let ptr (c: GraphCase) : int[] = Seq.toArray (Batch.PtrOf(c.Batch, c.NumGraphs))

    /// The graphs of the case, each with local node indices.
    let split (c: GraphCase) : GraphCase[] =
        let ptr = ptr c
        Array.init c.NumGraphs (fun g ->
            let lo, hi = ptr.[g], ptr.[g + 1]
            { NumNodes = hi - lo
              Edges = c.Edges |> Array.filter (fun e -> e.Source >= lo && e.Source < hi) |> Array.map (fun e -> Edge(e.Source - lo, e.Target - lo))
              Scores = c.Scores.[lo .. hi - 1]
              Batch = Array.zeroCreate (hi - lo)
              NumGraphs = 1
              Features = c.Features.SelectRows [ lo .. hi - 1 ] })

    /// Graph `g`'s case merged into one batch again.
    let collate (parts: GraphCase[]) : GraphCase =
        let offsets = parts |> Array.scan (fun acc p -> acc + p.NumNodes) 0
        let columns = if parts.Length = 0 then 0 else parts.[0].Features.Columns
        { NumNodes = offsets.[parts.Length]
          Edges = parts |> Array.mapi (fun g p -> p.Edges |> Array.map (fun e -> Edge(e.Source + offsets.[g], e.Target + offsets.[g]))) |> Array.concat
          Scores = parts |> Array.collect (fun p -> p.Scores)
          Batch = parts |> Array.mapi (fun g p -> Array.create p.NumNodes g) |> Array.concat
          NumGraphs = parts.Length
          Features = if parts.Length = 0 then FeatureMatrix.Create(0, columns, Array.empty<float32>) else FeatureMatrix.Concat(parts |> Seq.map (fun p -> p.Features)) }
