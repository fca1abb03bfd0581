/// The properties must reject plausible wrong implementations, and shrinking must bring their
/// counterexamples down to a handful of nodes.
module TopoPool.Core.Tests.MutationTests

open System.Text.RegularExpressions
open global.Xunit
open FsCheck
open FsCheck.FSharp
open global.Xunit.Abstractions
open TopoPool.Core
open TopoPool.Testing

let private samples = lazy (Gen.sampleWithSize 40 600 GraphGen.graphCase)

let private caughtBy (select: SelectFn) =
    SelectProperties.all
    |> List.filter (fun (_, property) -> samples.Force() |> Array.exists (fun c -> not (property select c)))
    |> List.map fst

type MutationTests(output: ITestOutputHelper) =

    [<Fact>]
    member _.``the specification satisfies every property on the sample``() =
        Assert.Empty(caughtBy MaxRegionDescent.select)

    [<Fact>]
    member _.``every mutant is caught by some property``() =
        for mutation in MutantSelects.all do
            let caught = caughtBy (MutantSelects.select mutation)
            output.WriteLine(sprintf "%A caught by: %s" mutation (String.concat ", " caught))
            Assert.True(not caught.IsEmpty, sprintf "%A survived every property" mutation)

    [<Theory>]
    [<InlineData("FirstComeNoSharing")>]
    [<InlineData("StrictPeaks")>]
    [<InlineData("CompareWithPeak")>]
    [<InlineData("PassOneLabel")>]
    [<InlineData("QueueOrder")>]
    [<InlineData("DirectedEdges")>]
    member _.``shrinking finds a small counterexample for a mutant``(name: string) =
        let mutation = MutantSelects.all |> List.find (fun m -> (sprintf "%A" m) = name)
        let select = MutantSelects.select mutation
        let property (c: GraphCase) = SelectProperties.all |> List.forall (fun (_, p) -> p select c)
        let config = Config.QuickThrowOnFailure.WithMaxTest(1000).WithQuietOnSuccess(true).WithReplay(Some { Rnd = Rnd(12345UL, 67UL); Size = None })
        let failure = Assert.ThrowsAny<exn>(fun () -> Check.One(config, Prop.forAll (GraphArbitraries.GraphCase()) property))
        // FsCheck prints the shrunk record after "Shrunk:".
        let shrunk = failure.Message.Substring(max 0 (failure.Message.IndexOf "Shrunk:"))
        let nodes = Regex.Match(shrunk, @"NumNodes = (\d+)")
        output.WriteLine(failure.Message)
        Assert.True(nodes.Success, "the counterexample was not printed: " + failure.Message)
        Assert.InRange(int nodes.Groups.[1].Value, 1, 6)
