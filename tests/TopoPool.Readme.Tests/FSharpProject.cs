using System.Xml.Linq;
using TopoPool.Testing;

namespace TopoPool.Readme.Tests;

/// <summary>
/// The README's F# blocks as one console project outside the repository, each block a file (a <c>module</c> line
/// added to all but the one with <c>[&lt;EntryPoint&gt;]</c>, which comes last), referencing the libraries' projects
/// (built already, as this test project's references) and the repository's FSharp.Core, warnings as errors.
/// </summary>
public static class FSharpProject
{
    private static readonly string[] Libraries =
    [
        "src/TopoPool.Core/TopoPool.Core.fsproj", "src/TopoPool.Chemistry/TopoPool.Chemistry.csproj", "src/TopoPool.Depiction/TopoPool.Depiction.csproj",
        "src/TopoPool.Torch/TopoPool.Torch.csproj", "src/TopoPool.Training/TopoPool.Training.csproj",
    ];

    /// <summary>Writes the project for <paramref name="blocks"/> into a new folder and returns the project file.</summary>
    public static string Write(IReadOnlyList<ReadmeBlock> blocks)
    {
        var folder = Directory.CreateTempSubdirectory("topopool-readme-fsharp").FullName;
        var ordered = blocks.OrderBy(b => b.Code.Contains("[<EntryPoint>]", StringComparison.Ordinal)).ToList();
        var files = new List<string>();
        foreach (var block in ordered)
        {
            string name = $"ReadmeLine{block.Line}";
            bool entry = block.Code.Contains("[<EntryPoint>]", StringComparison.Ordinal);
            // The line directive makes the compiler name README.md and its line in every message.
            File.WriteAllText(Path.Combine(folder, name + ".fs"), (entry ? "" : $"module {name}\n") + $"# {block.Line} \"{ReadmeBlock.ReadmePath}\"\n" + block.Code);
            files.Add(name + ".fs");
        }

        if (!ordered.Any(b => b.Code.Contains("[<EntryPoint>]", StringComparison.Ordinal)))
        {
            File.WriteAllText(Path.Combine(folder, "Program.fs"), "[<EntryPoint>]\nlet main _ = 0\n");
            files.Add("Program.fs");
        }

        var root = SharedFolder.RepositoryRoot;
        var project = new XElement("Project", new XAttribute("Sdk", "Microsoft.NET.Sdk"),
            new XElement("PropertyGroup",
                new XElement("OutputType", "Exe"),
                new XElement("TargetFramework", "net10.0"),
                new XElement("TreatWarningsAsErrors", "true"),
                new XElement("DisableImplicitFSharpCoreReference", "true")),
            new XElement("ItemGroup", files.Select(f => new XElement("Compile", new XAttribute("Include", f)))),
            new XElement("ItemGroup", Libraries.Select(l => new XElement("ProjectReference", new XAttribute("Include", Path.Combine(root, l))))),
            new XElement("ItemGroup", new XElement("PackageReference", new XAttribute("Include", "FSharp.Core"), new XAttribute("Version", CentralVersion("FSharp.Core")))));
        var path = Path.Combine(folder, "ReadmeSnippets.fsproj");
        project.Save(path);
        return path;
    }

    /// <summary>Builds the project (its references as they are) and returns the exit code and the build's output.</summary>
    public static (int ExitCode, string Output) Build(string project)
    {
        // No build servers or reused nodes: they would outlive the build holding its output pipes open.
        var build = DotnetProcess.Run(["build", project, "-c", DotnetProcess.Configuration, "-p:BuildProjectReferences=false", "--disable-build-servers", "-nologo", "-clp:ErrorsOnly"]);
        return (build.TimedOut ? -1 : build.ExitCode, build.StandardOutput + build.StandardError);
    }

    private static string CentralVersion(string package) =>
        XDocument.Load(Path.Combine(SharedFolder.RepositoryRoot, "Directory.Packages.props"))
            .Descendants("PackageVersion").Single(e => (string?)e.Attribute("Include") == package).Attribute("Version")!.Value;
}
