namespace TopoPool.Core

/// One edge of a graph, by node index. Graphs are undirected: an edge may be listed once or in
/// both directions, and duplicates or self-loops carry no meaning.
[<Struct; CustomEquality; CustomComparison>]
type Edge =
    val Source: int
    val Target: int
    new(source, target) = { Source = source; Target = target }
    member e.IsSelfLoop = e.Source = e.Target
    /// The same edge with the smaller endpoint first.
    member e.Canonical = if e.Source <= e.Target then e else Edge(e.Target, e.Source)
    member e.Reversed = Edge(e.Target, e.Source)
    override e.ToString() = sprintf "(%d, %d)" e.Source e.Target
    override e.GetHashCode() = System.HashCode.Combine(e.Source, e.Target)
    override e.Equals(o: obj) =
        match o with
        | :? Edge as f -> e.Source = f.Source && e.Target = f.Target
        | _ -> false
    interface System.IEquatable<Edge> with
        member e.Equals f = e.Source = f.Source && e.Target = f.Target
    interface System.IComparable<Edge> with
        member e.CompareTo f =
            let c = compare e.Source f.Source
            if c <> 0 then c else compare e.Target f.Target
    interface System.IComparable with
        member e.CompareTo o =
            match o with
            | :? Edge as f -> (e :> System.IComparable<Edge>).CompareTo f
            | _ -> invalidArg "o" "not an Edge"
