using Xunit;

namespace TopoPool.Cli.Tests.BadInputs;

/// <summary>The bad-input corpus of <c>topopool bench</c> (folders under <c>BadInputs/bench/</c>).</summary>
public class BenchBadInputs : BadInputSuite
{
    public static IEnumerable<object[]> All => Cases("bench");

    [Theory]
    [MemberData(nameof(All))]
    public void Case(string name) => Check("bench", name);
}
