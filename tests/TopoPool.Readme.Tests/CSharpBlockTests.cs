using Xunit;

namespace TopoPool.Readme.Tests;

/// <summary>Every C# block of the README compiles without a warning; a block followed by a text block prints exactly
/// that text.</summary>
public class CSharpBlockTests
{
    public static TheoryData<ReadmeBlock> Blocks => [.. ReadmeBlock.Of("csharp")];

    public static TheoryData<ReadmeBlock> BlocksWithOutput => [.. ReadmeBlock.Of("csharp").Where(b => b.ShownOutput is not null)];

    [Fact]
    public void Every_csharp_fence_of_the_README_is_a_block_and_some_show_their_output()
    {
        int fences = File.ReadLines(ReadmeBlock.ReadmePath).Count(l => l.TrimEnd() == "```csharp");
        Assert.True(fences > 0);
        Assert.Equal(fences, ReadmeBlock.Of("csharp").Count);
        Assert.Contains(ReadmeBlock.Of("csharp"), b => b.ShownOutput is not null);
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Compiles_without_warnings(ReadmeBlock block)
    {
        var (_, problems) = CSharpSnippet.Compile(block);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Theory]
    [MemberData(nameof(BlocksWithOutput))]
    public void Prints_what_the_README_shows(ReadmeBlock block)
    {
        var (compilation, problems) = CSharpSnippet.Compile(block);
        Assert.Empty(problems);
        Assert.Equal(block.ShownOutput, CSharpSnippet.Run(compilation));
    }
}
