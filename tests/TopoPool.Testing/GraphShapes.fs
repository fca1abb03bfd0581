namespace TopoPool.Testing

open System

/// The kinds of graph the generators draw, so that every structure the layer meets is common.
type GraphShape =
    | Path
    | Ring
    | Tree
    | Dense
    | Star
    | Grid
    | Isolated
    | Sparse
    | TwoComponents
    | Empty

/// Edge lists of each shape on `n` nodes, from a seeded random source.
[<RequireQualifiedAccess>]
module GraphShapes =

    let all = [ Path; Ring; Tree; Dense; Star; Grid; Isolated; Sparse; TwoComponents; Empty ]

    let rec edges (rng: Random) (shape: GraphShape) (n: int) : (int * int) list =
        match shape with
        | Empty | Isolated -> []
        | Path -> [ for i in 1 .. n - 1 -> i - 1, i ]
        | Ring -> if n < 3 then edges rng Path n else (n - 1, 0) :: edges rng Path n
        | Tree -> [ for i in 1 .. n - 1 -> rng.Next i, i ]
        | Dense -> [ for i in 0 .. n - 1 do for j in i + 1 .. n - 1 do if rng.NextDouble() < 0.6 then yield i, j ]
        | Star -> [ for i in 1 .. n - 1 -> 0, i ]
        | Grid ->
            let w = max 1 (int (sqrt (float n)))
            [ for i in 0 .. n - 1 do
                if (i + 1) % w <> 0 && i + 1 < n then yield i, i + 1
                if i + w < n then yield i, i + w ]
        | Sparse -> [ for _ in 1 .. n / 2 do if n > 1 then yield rng.Next n, rng.Next n ] |> List.filter (fun (a, b) -> a <> b)
        | TwoComponents ->
            let half = n / 2
            edges rng Tree half @ (edges rng Ring (n - half) |> List.map (fun (a, b) -> a + half, b + half))
