using System.Diagnostics;

namespace TopoPool.Cli.Tests;

/// <summary>Runs the built <c>topopool</c> command as a separate process, as a person would.</summary>
public static class CliProcess
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    public static Result Run(string? standardInput, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "topopool.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        if (standardInput is not null) process.StandardInput.Write(standardInput);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new Result(process.ExitCode, output.Result, error.Result);
    }
}
