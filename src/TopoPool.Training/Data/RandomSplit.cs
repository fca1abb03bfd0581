namespace TopoPool.Training.Data;

/// <summary>
/// The TU protocol of BENCHMARK.md: for each seed, shuffle the graphs with <see cref="DeterministicRandom"/> seeded by
/// that seed, take the first tenth as test, the next tenth as validation and the rest as train.
/// </summary>
/// <remarks>
/// Rounding (<see cref="SplitRounding"/>): by default the authors' <c>(n + 9) // 10</c> graphs each for test and
/// validation (MUTAG 19/19/150, PROTEINS 112/112/889, ENZYMES 60/60/480); <see cref="SplitRounding.TenthRoundedDown"/>
/// gives <c>n // 10</c> (MUTAG 18/18/152). Each part keeps the shuffled order, which is also the order the training
/// part is read in every epoch when the protocol does not reshuffle (the authors' loaders).
/// </remarks>
/// <example><code>
/// foreach (int seed in Enumerable.Range(1, 10))
/// {
///     DatasetSplit split = RandomSplit.Split(mutag, seed);   // split.Test.Count == 19
/// }
/// </code></example>
public static class RandomSplit
{
    /// <summary>Graphs in the test part, and in the validation part, for <paramref name="count"/> graphs.</summary>
    public static int TenPercent(int count, SplitRounding rounding = SplitRounding.TenthRoundedUp)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return rounding switch
        {
            SplitRounding.TenthRoundedUp => (count + 9) / 10,
            SplitRounding.TenthRoundedDown => count / 10,
            _ => throw new ArgumentOutOfRangeException(nameof(rounding), rounding, "unknown rounding"),
        };
    }

    /// <summary>The part of each of <paramref name="count"/> graphs, by index, for one seed.</summary>
    public static SplitPart[] Assign(int count, int seed, SplitRounding rounding = SplitRounding.TenthRoundedUp)
    {
        int[] order = new DeterministicRandom(seed).Permutation(count);
        int tenth = TenPercent(count, rounding);
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
    public static DatasetSplit Split(GraphDataset dataset, int seed, SplitRounding rounding = SplitRounding.TenthRoundedUp)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        int count = dataset.Count;
        int[] order = new DeterministicRandom(seed).Permutation(count);
        int tenth = TenPercent(count, rounding);
        return new DatasetSplit(
            seed,
            dataset.Subset(order.Skip(2 * tenth), $"{dataset.Name} train (seed {seed})"),
            dataset.Subset(order.Skip(tenth).Take(tenth), $"{dataset.Name} validation (seed {seed})"),
            dataset.Subset(order.Take(tenth), $"{dataset.Name} test (seed {seed})"));
    }
}
