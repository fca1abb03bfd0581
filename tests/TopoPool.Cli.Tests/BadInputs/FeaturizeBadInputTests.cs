using Xunit;

namespace TopoPool.Cli.Tests.BadInputs;

/// <summary>The bad-input corpus of <c>topopool featurize</c> (folders under <c>BadInputs/featurize/</c>).</summary>
public class FeaturizeBadInputTests : BadInputSuite
{
    public static IEnumerable<object[]> All => Cases("featurize");

    [Theory]
    [MemberData(nameof(All))]
    public void Gives_the_exit_code_and_messages_its_case_file_expects(string name) => Check("featurize", name);
}
