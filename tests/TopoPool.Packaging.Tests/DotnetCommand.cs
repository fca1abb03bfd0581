using System.Diagnostics;

namespace TopoPool.Packaging.Tests;

/// <summary>
/// Runs <c>dotnet</c> (or a program such as the installed tool) as a separate process, as a person would, with the
/// environment of a fresh shell: MSBuild's variables inherited from the test run (it runs inside <c>dotnet test</c>)
/// are dropped so they cannot steer the inner builds, and no build server or MSBuild node outlives the command.
/// </summary>
public static class DotnetCommand
{
    /// <summary>A command that has not ended after this long is a hang: it is killed and reported. A guard against a
    /// stuck build, not a speed requirement.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(15);

    /// <summary>The dotnet executable running this build (DOTNET_HOST_PATH), else the one on PATH.</summary>
    public static string Executable { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    public static CommandResult Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        RunProgram(Executable, workingDirectory, environment, arguments);

    /// <summary>Runs <paramref name="program"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    public static CommandResult RunProgram(string program, string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        foreach (var name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || name.StartsWith("_MSBUILD", StringComparison.OrdinalIgnoreCase))
                start.Environment.Remove(name);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(HangGuard))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new CommandResult(Describe(program, arguments), -1, output.Result, error.Result, clock.Elapsed, TimedOut: true);
        }
        process.WaitForExit();
        return new CommandResult(Describe(program, arguments), process.ExitCode, output.Result, error.Result, clock.Elapsed);
    }

    /// <summary>The arguments that keep an inner build to itself: no node reuse, no build servers, plain output.</summary>
    public static string[] BuildSwitches { get; } = ["-nodeReuse:false", "--disable-build-servers", "-tl:off", "-nologo"];

    private static string Describe(string program, IEnumerable<string> arguments) =>
        string.Join(" ", arguments.Prepend(Path.GetFileName(program)));
}
