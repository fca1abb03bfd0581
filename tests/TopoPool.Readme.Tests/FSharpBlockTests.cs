using Xunit;

namespace TopoPool.Readme.Tests;

/// <summary>The README's F# blocks build, together, as a reader's console project would.</summary>
public class FSharpBlockTests
{
    [Fact]
    public void Every_fsharp_block_of_the_README_builds_without_warnings()
    {
        var blocks = ReadmeBlock.Of("fsharp");
        Assert.Equal(File.ReadLines(ReadmeBlock.ReadmePath).Count(l => l.TrimEnd() == "```fsharp"), blocks.Count);
        Assert.NotEmpty(blocks);
        var (exitCode, output) = FSharpProject.Build(FSharpProject.Write(blocks));
        Assert.True(exitCode == 0, $"the README's F# blocks do not build ({exitCode}):\n{output}");
    }
}
