namespace TopoPool.Training.Data;

/// <summary>
/// The TU protocol of BENCHMARK.md: for each seed, shuffle the graphs with <see cref="DeterministicRandom"/> seeded by
/// that seed, take the first 10% as test, the next 10% as validation and the rest as train.
/// </summary>
/// <remarks>
/// Rounding: the test and validation parts each get <c>floor(n / 10)</c> graphs (Python's <c>n // 10</c>), train gets
/// the remaining <c>n - 2 floor(n / 10)</c>. MUTAG (188): 18 test, 18 validation, 152 train; PROTEINS (1,113): 111, 111,
/// 891; ENZYMES (600): 60, 60, 480. Each part keeps the shuffled order.
/// </remarks>
/// <example><code>
/// foreach (int seed in Enumerable.Range(1, 10))
/// {
///     DatasetSplit split = RandomSplit.Split(mutag, seed);   // split.Test.Count == 18
/// }
/// </code></example>
public static class RandomSplit
{
    /// <summary>Graphs in the test part, and in the validation part, for <paramref name="count"/> graphs: floor(count / 10).</summary>
    public static int TenPercent(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return count / 10;
    }

    /// <summary>The part of each of <paramref name="count"/> graphs, by index, for one seed.</summary>
    public static SplitPart[] Assign(int count, int seed)
    {
        int[] order = new DeterministicRandom(seed).Permutation(count);
        int tenth = TenPercent(count);
        var parts = new SplitPart[count];
        for (int position = 0; position < count; position++)
        {
            parts[order[position]] = position < tenth ? SplitPart.Test
                : position < 2 * tenth ? SplitPart.Validation
                : SplitPart.Train;
        }

        return parts;
    }

    /// <summary>The train, validation and test parts of <paramref name="dataset"/> for one seed.</summary>
    public static DatasetSplit Split(GraphDataset dataset, int seed)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        int count = dataset.Count;
        int[] order = new DeterministicRandom(seed).Permutation(count);
        int tenth = TenPercent(count);
        return new DatasetSplit(
            seed,
            dataset.Subset(order.Skip(2 * tenth), $"{dataset.Name} train (seed {seed})"),
            dataset.Subset(order.Skip(tenth).Take(tenth), $"{dataset.Name} validation (seed {seed})"),
            dataset.Subset(order.Take(tenth), $"{dataset.Name} test (seed {seed})"));
    }
}
