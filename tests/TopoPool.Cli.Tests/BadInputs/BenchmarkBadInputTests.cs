using Xunit;

namespace TopoPool.Cli.Tests.BadInputs;

/// <summary>The bad-input corpus of <c>topopool benchmark</c> (folders under <c>BadInputs/benchmark/</c>).</summary>
public class BenchmarkBadInputTests : BadInputSuite
{
    public static IEnumerable<object[]> All => Cases("benchmark");

    [Theory]
    [MemberData(nameof(All))]
    public void Gives_the_exit_code_and_messages_its_case_file_expects(string name) => Check("benchmark", name);
}
