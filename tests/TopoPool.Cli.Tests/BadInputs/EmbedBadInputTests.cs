using Xunit;

namespace TopoPool.Cli.Tests.BadInputs;

/// <summary>The bad-input corpus of <c>topopool embed</c> (folders under <c>BadInputs/embed/</c>).</summary>
public class EmbedBadInputTests : BadInputSuite
{
    public static IEnumerable<object[]> All => Cases("embed");

    [Theory]
    [MemberData(nameof(All))]
    public void Gives_the_exit_code_and_messages_its_case_file_expects(string name) => Check("embed", name);
}
