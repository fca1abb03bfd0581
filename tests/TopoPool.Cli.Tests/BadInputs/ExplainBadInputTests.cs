using Xunit;

namespace TopoPool.Cli.Tests.BadInputs;

/// <summary>The bad-input corpus of <c>topopool explain</c> (folders under <c>BadInputs/explain/</c>).</summary>
public class ExplainBadInputTests : BadInputSuite
{
    public static IEnumerable<object[]> All => Cases("explain");

    [Theory]
    [MemberData(nameof(All))]
    public void Gives_the_exit_code_and_messages_its_case_file_expects(string name) => Check("explain", name);
}
