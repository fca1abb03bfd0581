using TopoPool.Testing;

namespace TopoPool.Cli.Tests.Examples;

/// <summary>
/// An example program of <c>examples/</c>, built the way the tests were built (its own project only: the library it
/// references is built already, as the CLI's dependency) and run as a separate process, as a reader would run it.
/// </summary>
public sealed class ExampleProgram
{
    private ExampleProgram(string name, string assembly)
    {
        Name = name;
        Assembly = assembly;
    }

    public string Name { get; }

    /// <summary>The built program.</summary>
    public string Assembly { get; }

    /// <summary>Builds <c>examples/NAME/NAME.csproj</c> (or <c>.fsproj</c>); throws with the build's output when it fails.</summary>
    public static ExampleProgram Build(string name)
    {
        var folder = Path.Combine(SharedFolder.RepositoryRoot, "examples", name);
        var project = new[] { ".csproj", ".fsproj" }.Select(e => Path.Combine(folder, name + e)).FirstOrDefault(File.Exists)
                      ?? throw new FileNotFoundException($"{folder} has no {name}.csproj or {name}.fsproj");
        // No build servers or reused nodes: they would outlive the build holding its output pipes open.
        var build = Dotnet(["build", project, "-c", DotnetProcess.Configuration, "-t:Build", "-p:BuildProjectReferences=false", "--disable-build-servers", "-getProperty:TargetPath"]);
        var assembly = build.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (build.ExitCode != 0 || assembly is null || !File.Exists(assembly))
            throw new InvalidOperationException($"building {project} failed ({build.ExitCode}):\n{build.StandardOutput}\n{build.StandardError}");
        return new ExampleProgram(name, assembly);
    }

    /// <summary>Runs the program with <paramref name="args"/>.</summary>
    public CliProcess.Result Run(params string[] args) => Dotnet(["exec", Assembly, .. args]);

    private static CliProcess.Result Dotnet(IReadOnlyList<string> args)
    {
        var result = DotnetProcess.Run(args);
        return new CliProcess.Result(result.ExitCode, result.StandardOutput, result.StandardError, result.TimedOut);
    }
}
