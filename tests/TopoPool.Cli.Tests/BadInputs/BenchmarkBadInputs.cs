using Xunit;

namespace TopoPool.Cli.Tests.BadInputs;

/// <summary>The bad-input corpus of <c>topopool benchmark</c> (folders under <c>BadInputs/benchmark/</c>).</summary>
public class BenchmarkBadInputs : BadInputSuite
{
    public static IEnumerable<object[]> All => Cases("benchmark");

    [Theory]
    [MemberData(nameof(All))]
    public void Case(string name) => Check("benchmark", name);
}
