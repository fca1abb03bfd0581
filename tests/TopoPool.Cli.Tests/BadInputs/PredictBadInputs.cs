using Xunit;

namespace TopoPool.Cli.Tests.BadInputs;

/// <summary>The bad-input corpus of <c>topopool predict</c> (folders under <c>BadInputs/predict/</c>).</summary>
public class PredictBadInputs : BadInputSuite
{
    public static IEnumerable<object[]> All => Cases("predict");

    [Theory]
    [MemberData(nameof(All))]
    public void Case(string name) => Check("predict", name);
}
