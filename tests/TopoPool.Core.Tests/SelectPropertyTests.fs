module TopoPool.Core.Tests.SelectPropertyTests

open FsCheck
open FsCheck.FSharp
open FsCheck.Xunit
open TopoPool.Core
open TopoPool.Testing

let private spec : SelectFn = MaxRegionDescent.select

/// Each case is labelled so the run reports how many had ties, plateaus or several graphs.
let private check (property: SelectFn -> GraphCase -> bool) (c: GraphCase) =
    property spec c
    |> Prop.ofTestable
    |> Prop.classify (GraphCase.hasAdjacentTie c) "adjacent ties"
    |> Prop.classify (c.NumGraphs > 1) "several graphs"
    |> Prop.classify (c.Edges |> Array.exists (fun e -> e.IsSelfLoop)) "self-loops"

[<Property(MaxTest = 500, Arbitrary = [| typeof<GraphArbitraries> |])>]
let ``every node is in at least one cluster`` (c: GraphCase) = check SelectProperties.fullCoverage c

[<Property(MaxTest = 500, Arbitrary = [| typeof<GraphArbitraries> |])>]
let ``clusters are contiguous and contain their peak`` (c: GraphCase) = check SelectProperties.contiguity c

[<Property(MaxTest = 500, Arbitrary = [| typeof<GraphArbitraries> |])>]
let ``peaks are exactly the non-strict local maxima, one per cluster`` (c: GraphCase) = check SelectProperties.peaksAreLocalMaxima c

[<Property(MaxTest = 500, Arbitrary = [| typeof<GraphArbitraries> |])>]
let ``every non-peak member descends from a neighbour one level earlier`` (c: GraphCase) = check SelectProperties.descent c

[<Property(MaxTest = 500, Arbitrary = [| typeof<GraphArbitraries> |])>]
let ``levels and label sets are exactly those of level-synchronous descent`` (c: GraphCase) = check SelectProperties.levelsAndLabelsAreExact c

[<Property(MaxTest = 500, Arbitrary = [| typeof<GraphArbitraries> |])>]
let ``every member is reached from its peak by a non-increasing path`` (c: GraphCase) = check SelectProperties.monotonePath c

[<Property(MaxTest = 500, Arbitrary = [| typeof<GraphArbitraries> |])>]
let ``edge order, direction, duplicates and self-loops change nothing`` (c: GraphCase) = check SelectProperties.edgeListInvariance c

[<Property(MaxTest = 500, Arbitrary = [| typeof<GraphArbitraries> |])>]
let ``relabelling nodes relabels clusters`` (seed: int) (c: GraphCase) = check (SelectProperties.permutationEquivariance seed) c

[<Property(MaxTest = 500, Arbitrary = [| typeof<GraphArbitraries> |])>]
let ``a batch clusters like its graphs one by one`` (c: GraphCase) = check SelectProperties.batchIndependence c

[<Property(MaxTest = 500, Arbitrary = [| typeof<GraphArbitraries> |])>]
let ``the membership list is sorted by cluster then node`` (c: GraphCase) = check SelectProperties.membershipIsSorted c
