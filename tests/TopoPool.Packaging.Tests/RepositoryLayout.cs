using System.Runtime.CompilerServices;
using System.Xml.Linq;

namespace TopoPool.Packaging.Tests;

/// <summary>
/// The repository under test: its root (the folder holding TopoPool.Functional.sln, found by walking up from the test's
/// output folder, or from this source file when the build output lives elsewhere), the one package version set in
/// Directory.Build.props, the central TorchSharp and FSharp.Core versions, and the commit checked out.
/// </summary>
public static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    /// <summary>The projects that ship as packages, relative to <see cref="Root"/>.</summary>
    public static IReadOnlyList<string> PackedProjects { get; } =
    [
        "src/TopoPool.Core/TopoPool.Core.fsproj",
        "src/TopoPool.Chemistry/TopoPool.Chemistry.csproj",
        "src/TopoPool.Depiction/TopoPool.Depiction.csproj",
        "src/TopoPool.Torch/TopoPool.Torch.csproj",
        "src/TopoPool.Training/TopoPool.Training.csproj",
        "src/TopoPool.Cli/TopoPool.Cli.csproj",
    ];

    /// <summary>The version of every package, from &lt;Version&gt; in Directory.Build.props.</summary>
    public static string PackageVersion { get; } = PropertyOf("Directory.Build.props", "Version");

    public static string TorchSharpVersion { get; } = CentralVersionOf("TorchSharp");

    public static string FSharpCoreVersion { get; } = CentralVersionOf("FSharp.Core");

    /// <summary>The full hash of the commit checked out, or null outside a git work tree.</summary>
    public static string? Commit { get; } = ReadCommit();

    private static string PropertyOf(string file, string property)
    {
        var values = XDocument.Load(Path.Combine(Root, file)).Descendants(property).Select(e => e.Value.Trim()).Distinct().ToList();
        return values.Count == 1 ? values[0] : throw new InvalidDataException($"{file} sets <{property}> {values.Count} ways, expected exactly one");
    }

    private static string CentralVersionOf(string package) =>
        XDocument.Load(Path.Combine(Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .Single(e => (string?)e.Attribute("Include") == package).Attribute("Version")!.Value;

    private static string? ReadCommit()
    {
        try
        {
            var result = DotnetCommand.RunProgram("git", Root, null, "rev-parse", "HEAD");
            return result.Succeeded ? result.StandardOutput.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;   // no git on this machine: the build could not stamp a commit either
        }
    }

    private static string FindRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (DirectoryInfo? directory = new(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "TopoPool.Functional.sln"))) return directory.FullName;
            }
        }
        throw new DirectoryNotFoundException("TopoPool.Functional.sln was not found above " + AppContext.BaseDirectory);
    }
}
