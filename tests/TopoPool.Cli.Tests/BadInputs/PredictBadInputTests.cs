using Xunit;

namespace TopoPool.Cli.Tests.BadInputs;

/// <summary>The bad-input corpus of <c>topopool predict</c> (folders under <c>BadInputs/predict/</c>).</summary>
public class PredictBadInputTests : BadInputSuite
{
    public static IEnumerable<object[]> All => Cases("predict");

    [Theory]
    [MemberData(nameof(All))]
    public void Gives_the_exit_code_and_messages_its_case_file_expects(string name) => Check("predict", name);
}
