using System.Diagnostics;
using TopoPool.Testing;

namespace TopoPool.Cli.Tests.Examples;

/// <summary>
/// An example program of <c>examples/</c>, built the way the tests were built (its own project only: the library it
/// references is built already, as the CLI's dependency) and run as a separate process, as a reader would run it.
/// </summary>
public sealed class ExampleProgram
{
    /// <summary>A build or run that has not ended after this long is a hang: it is killed and reported. Not a speed
    /// requirement: the F# compiler alone takes a minute on a busy two-core machine.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(15);

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

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
        var build = Dotnet(["build", project, "-c", Configuration, "-t:Build", "-p:BuildProjectReferences=false", "--disable-build-servers", "-getProperty:TargetPath"]);
        var assembly = build.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (build.ExitCode != 0 || assembly is null || !File.Exists(assembly))
            throw new InvalidOperationException($"building {project} failed ({build.ExitCode}):\n{build.StandardOutput}\n{build.StandardError}");
        return new ExampleProgram(name, assembly);
    }

    /// <summary>Runs the program with <paramref name="args"/>.</summary>
    public CliProcess.Result Run(params string[] args) => Dotnet(["exec", Assembly, .. args]);

    private static CliProcess.Result Dotnet(IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(HangGuard))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new CliProcess.Result(-1, output.Result, error.Result, TimedOut: true);
        }
        process.WaitForExit();
        return new CliProcess.Result(process.ExitCode, output.Result, error.Result);
    }
}
