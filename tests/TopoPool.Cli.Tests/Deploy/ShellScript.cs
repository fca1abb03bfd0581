using System.Diagnostics;

namespace TopoPool.Cli.Tests.Deploy;

/// <summary>Runs a shell script of the repository (or a script text) with <c>bash</c> or <c>sh</c>, with extra
/// environment variables, as a job scheduler would.</summary>
public static class ShellScript
{
    public static CliProcess.Result Run(string shell, IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(shell) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        foreach (var (name, value) in environment) start.Environment[name] = value;
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(CliProcess.HangGuard))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new CliProcess.Result(-1, output.Result, error.Result, TimedOut: true);
        }
        process.WaitForExit();
        return new CliProcess.Result(process.ExitCode, output.Result, error.Result);
    }
}
