namespace TopoPool.Packaging.Tests;

/// <summary>What a command did: its exit code, both output streams and how long it took.</summary>
public sealed record CommandResult(string Command, int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed, bool TimedOut = false)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    /// <summary>The command and the end of its output, for a failure message.</summary>
    public string Report()
    {
        static string Tail(string text) => string.Join("\n", text.Split('\n').TakeLast(60));
        var outcome = TimedOut ? $"hung for {Elapsed.TotalSeconds:F0} s and was killed" : $"exited with {ExitCode} after {Elapsed.TotalSeconds:F0} s";
        return $"`{Command}` {outcome}\n--- standard output (end) ---\n{Tail(StandardOutput)}\n--- standard error (end) ---\n{Tail(StandardError)}";
    }

    /// <summary>This result, or an exception carrying <see cref="Report"/> when the command failed.</summary>
    public CommandResult EnsureSucceeded()
    {
        if (!Succeeded) throw new InvalidOperationException(Report());
        return this;
    }
}
