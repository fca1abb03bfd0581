using Xunit;

namespace TopoPool.Cli.Tests.BadInputs;

/// <summary>The bad-input corpus of <c>topopool featurize</c> (folders under <c>BadInputs/featurize/</c>).</summary>
public class FeaturizeBadInputs : BadInputSuite
{
    public static IEnumerable<object[]> All => Cases("featurize");

    [Theory]
    [MemberData(nameof(All))]
    public void Case(string name) => Check("featurize", name);
}
