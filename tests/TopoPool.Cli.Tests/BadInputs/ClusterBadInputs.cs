using Xunit;

namespace TopoPool.Cli.Tests.BadInputs;

/// <summary>The bad-input corpus of <c>topopool cluster</c> (folders under <c>BadInputs/cluster/</c>).</summary>
public class ClusterBadInputs : BadInputSuite
{
    public static IEnumerable<object[]> All => Cases("cluster");

    [Theory]
    [MemberData(nameof(All))]
    public void Case(string name) => Check("cluster", name);
}
