namespace TopoPool.Packaging.Tests;

/// <summary>A consumer project built against the packages, and what its program printed.</summary>
public sealed record ConsumerRun(string ProjectDirectory, string OutputDirectory, CommandResult Build, CommandResult Run)
{
    /// <summary>The program's standard output, line by line.</summary>
    public IReadOnlyList<string> Lines => Run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
