namespace TopoPool.Training.Data;

/// <summary>Settings of <see cref="SyntheticMotifDataset.Generate"/>; the defaults are what <c>topopool train</c> uses.</summary>
public sealed record SyntheticMotifOptions
{
    /// <summary>Number of graphs (default 500: 100 per motif class, a GCN+TopoPool run of a few dozen epochs takes about a minute on 2 cores).</summary>
    public int GraphCount { get; init; } = 500;

    /// <summary>Seed of the <see cref="DeterministicRandom"/> that draws every graph (default 1).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Smallest number of base-graph nodes (default 10), before the motif is added.</summary>
    public int MinBaseNodes { get; init; } = 10;

    /// <summary>Largest number of base-graph nodes (default 25), before the motif is added.</summary>
    public int MaxBaseNodes { get; init; } = 25;
}
