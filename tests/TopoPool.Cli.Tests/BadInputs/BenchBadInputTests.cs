using Xunit;

namespace TopoPool.Cli.Tests.BadInputs;

/// <summary>The bad-input corpus of <c>topopool bench</c> (folders under <c>BadInputs/bench/</c>).</summary>
public class BenchBadInputTests : BadInputSuite
{
    public static IEnumerable<object[]> All => Cases("bench");

    [Theory]
    [MemberData(nameof(All))]
    public void Gives_the_exit_code_and_messages_its_case_file_expects(string name) => Check("bench", name);
}
