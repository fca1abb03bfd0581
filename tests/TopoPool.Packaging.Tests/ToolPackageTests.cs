using System.Globalization;
using System.Text.RegularExpressions;

namespace TopoPool.Packaging.Tests;

/// <summary>The <c>topopool</c> tool installed from the packages into a temporary --tool-path, and run.</summary>
[Collection(PackagingCollection.Name)]
public sealed partial class ToolPackageTests(PackagingWorkspace workspace, ITestOutputHelper output)
{
    [Fact]
    public void The_installed_tool_prints_the_package_version_and_the_commit()
    {
        output.WriteLine($"install: {workspace.ToolInstall.Elapsed.TotalSeconds:F1} s");
        var version = workspace.RunTool("--version").EnsureSucceeded();
        string expected = RepositoryLayout.Commit is { } commit ? $"{RepositoryLayout.PackageVersion}+{commit}" : RepositoryLayout.PackageVersion;
        Assert.Equal(expected, version.StandardOutput.Trim());
    }

    [Fact]
    public void The_installed_tool_trains_on_the_synthetic_set()
    {
        var train = workspace.RunTool("train", "--epochs", "2", "--seeds", "1").EnsureSucceeded();
        output.WriteLine($"train: {train.Elapsed.TotalSeconds:F1} s");
        output.WriteLine(train.StandardOutput);
        var result = train.StandardOutput.Split('\n').Select(l => SeedResult().Match(l.Trim())).SingleOrDefault(m => m.Success);
        Assert.True(result is not null, train.Report());
        Assert.InRange(double.Parse(result.Groups["accuracy"].Value, CultureInfo.InvariantCulture), 0, 1);
    }

    [Fact]
    public void The_installed_tool_carries_the_libstdcxx_fix_and_only_linux_x64_natives()
    {
        _ = workspace.ToolInstall;
        var store = Path.Combine(workspace.ToolPath, ".store");
        var library = Assert.Single(Directory.GetFiles(store, "libLibTorchSharp.so", SearchOption.AllDirectories));
        var need = Assert.Single(ElfVersionNeeds.Read(library), n => n.Version == "GLIBCXX_3.4.32");
        Assert.True(need.Weak, $"{library}: the need for GLIBCXX_3.4.32 is not weak");
        Assert.Single(Directory.GetFiles(store, "libtorch_cpu.so", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(store, "*.dylib", SearchOption.AllDirectories));
    }

    [GeneratedRegex(@"^seed 1: test accuracy (?<accuracy>[\d.]+) after 2 epochs")]
    private static partial Regex SeedResult();
}
