using Xunit;

namespace TopoPool.Cli.Tests.BadInputs;

/// <summary>The bad-input corpus of <c>topopool explain</c> (folders under <c>BadInputs/explain/</c>).</summary>
public class ExplainBadInputs : BadInputSuite
{
    public static IEnumerable<object[]> All => Cases("explain");

    [Theory]
    [MemberData(nameof(All))]
    public void Case(string name) => Check("explain", name);
}
