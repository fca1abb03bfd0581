using Xunit;

namespace TopoPool.Cli.Tests.BadInputs;

/// <summary>The bad-input corpus of <c>topopool embed</c> (folders under <c>BadInputs/embed/</c>).</summary>
public class EmbedBadInputs : BadInputSuite
{
    public static IEnumerable<object[]> All => Cases("embed");

    [Theory]
    [MemberData(nameof(All))]
    public void Case(string name) => Check("embed", name);
}
