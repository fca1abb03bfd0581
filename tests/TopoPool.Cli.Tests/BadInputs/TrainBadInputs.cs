using Xunit;

namespace TopoPool.Cli.Tests.BadInputs;

/// <summary>The bad-input corpus of <c>topopool train</c> (folders under <c>BadInputs/train/</c>).</summary>
public class TrainBadInputs : BadInputSuite
{
    public static IEnumerable<object[]> All => Cases("train");

    [Theory]
    [MemberData(nameof(All))]
    public void Case(string name) => Check("train", name);
}
