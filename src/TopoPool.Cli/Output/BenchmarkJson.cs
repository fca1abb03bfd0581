namespace TopoPool.Cli.Output;

/// <summary>The last line of <c>benchmark --json</c>: every row that counts for the grid, and how many runs are missing.</summary>
public sealed record BenchmarkJson(int Planned, int Missing, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows);
