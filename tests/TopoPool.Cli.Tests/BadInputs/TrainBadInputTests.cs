using Xunit;

namespace TopoPool.Cli.Tests.BadInputs;

/// <summary>The bad-input corpus of <c>topopool train</c> (folders under <c>BadInputs/train/</c>).</summary>
public class TrainBadInputTests : BadInputSuite
{
    public static IEnumerable<object[]> All => Cases("train");

    [Theory]
    [MemberData(nameof(All))]
    public void Gives_the_exit_code_and_messages_its_case_file_expects(string name) => Check("train", name);
}
