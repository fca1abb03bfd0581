module TopoPool.Core.Tests.PlaceholderTests
open Xunit
[<Fact>]
let ``placeholder`` () = Assert.Equal(2, 1 + 1)
