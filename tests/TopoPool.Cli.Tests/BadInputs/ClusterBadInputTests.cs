using Xunit;

namespace TopoPool.Cli.Tests.BadInputs;

/// <summary>The bad-input corpus of <c>topopool cluster</c> (folders under <c>BadInputs/cluster/</c>).</summary>
public class ClusterBadInputTests : BadInputSuite
{
    public static IEnumerable<object[]> All => Cases("cluster");

    [Theory]
    [MemberData(nameof(All))]
    public void Gives_the_exit_code_and_messages_its_case_file_expects(string name) => Check("cluster", name);
}
