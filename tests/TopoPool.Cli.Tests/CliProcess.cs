using System.Diagnostics;

namespace TopoPool.Cli.Tests;

/// <summary>Runs the built <c>topopool</c> command as a separate process, as a person would.</summary>
public static class CliProcess
{
    /// <summary>
    /// A run that has not ended after this long is a hang: it is killed and reported. A guard against runaway input
    /// handling, not a speed requirement (speed is measured in the benchmarks).
    /// </summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(120);

    public sealed record Result(int ExitCode, string StandardOutput, string StandardError, bool TimedOut = false);

    public static Result Run(string? standardInput, params string[] args) => RunIn(null, standardInput, args);

    /// <summary>
    /// Runs the command in <paramref name="workingDirectory"/>. (A separate name: as an overload of <see cref="Run"/>
    /// it captured every <c>Run(stdin, "verb", ...)</c> call and took the verb for the folder.)
    /// </summary>
    public static Result RunIn(string? workingDirectory, string? standardInput, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "topopool.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            if (standardInput is not null) process.StandardInput.Write(standardInput);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The command ended without reading all of its standard input.
        }
        if (!process.WaitForExit(HangGuard))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new Result(-1, output.Result, error.Result, TimedOut: true);
        }
        process.WaitForExit();
        return new Result(process.ExitCode, output.Result, error.Result);
    }
}
