using System.Collections.Immutable;

namespace TopoPool.Training.Data;

/// <summary>
/// TDC's scaffold split, as BENCHMARK.md describes it: molecules are grouped by their Bemis–Murcko scaffold (without
/// chirality), and whole groups go to train, validation or test, so no scaffold is in two parts.
/// </summary>
/// <remarks>
/// The procedure, for fractions (train, validation, test = 1 − train − validation) over n rows:
/// <list type="number">
/// <item>Group the items by scaffold key, groups in order of first appearance, members ascending. Acyclic molecules
/// (empty key) form one group, as in TDC.</item>
/// <item><c>trainSize = floor(train · n)</c>, <c>validationSize = floor(validation · n)</c>,
/// <c>testSize = n − trainSize − validationSize</c>.</item>
/// <item>A group is "big" when its size exceeds <c>validationSize / 2</c> or <c>testSize / 2</c>, otherwise "small". For
/// the train/validation split (test fraction 0) testSize is 0 or 1, so in practice every group is big.</item>
/// <item>Shuffle the big list, then the small list, with one <see cref="DeterministicRandom"/> seeded by the seed
/// (our own generator: the procedure is TDC's, the random numbers are not Python's).</item>
/// <item>Walk big then small: a group goes to train if train stays within <c>trainSize</c>; otherwise, with a test
/// fraction, to validation if validation stays within <c>validationSize</c>, else to test; without a test fraction, to
/// validation.</item>
/// </list>
/// Sizes are counted in source rows: a molecule that stands for several duplicate rows
/// (<see cref="GraphSample.SourceRowCount"/>) weighs as many rows, as TDC splits the rows before any merging. Rows the
/// reader skipped (unreadable SMILES, single atoms) are not counted, as TDC leaves out molecules RDKit cannot read.
/// On the reconstructed Caco2 train_val (728 rows) every seed gives exactly 637 train and 91 validation rows; on PPBR_AZ
/// (2,231 rows) 1,952 and 279.
/// </remarks>
/// <example><code>
/// DatasetSplit split = ScaffoldSplit.Split(trainValidation, fixedTest, seed: 1);   // about 7:1 train:validation
/// </code></example>
public static class ScaffoldSplit
{
    /// <summary>The train fraction of TDC's <c>get_train_valid_split</c> (7:1 with validation).</summary>
    public const double TrainFraction = 0.875;

    /// <summary>The validation fraction of TDC's <c>get_train_valid_split</c>.</summary>
    public const double ValidationFraction = 0.125;

    /// <summary>Assigns each item to a part. <paramref name="weights"/> (rows per item, at least 1) may be null: one row each.</summary>
    public static ScaffoldAssignment Assign(
        IReadOnlyList<string> scaffoldKeys,
        IReadOnlyList<int>? weights,
        int seed,
        double trainFraction = TrainFraction,
        double validationFraction = ValidationFraction)
    {
        ArgumentNullException.ThrowIfNull(scaffoldKeys);
        if (weights is not null && weights.Count != scaffoldKeys.Count)
        {
            throw new ArgumentException($"{weights.Count} weights for {scaffoldKeys.Count} items", nameof(weights));
        }

        if (!(trainFraction >= 0 && validationFraction >= 0 && trainFraction + validationFraction <= 1 + 1e-12))
        {
            throw new ArgumentOutOfRangeException(nameof(trainFraction), "the fractions must be non-negative and add up to at most 1");
        }

        bool threeWay = trainFraction + validationFraction < 1 - 1e-12;
        var groupOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var groups = new List<List<int>>();
        var groupRows = new List<int>();
        int totalRows = 0;
        for (int i = 0; i < scaffoldKeys.Count; i++)
        {
            string key = scaffoldKeys[i] ?? throw new ArgumentException($"scaffold key {i} is null", nameof(scaffoldKeys));
            int rows = weights is null ? 1 : weights[i];
            if (rows < 1)
            {
                throw new ArgumentException($"weight {i} is {rows}; every item stands for at least one row", nameof(weights));
            }

            if (!groupOf.TryGetValue(key, out int g))
            {
                g = groups.Count;
                groupOf.Add(key, g);
                groups.Add([]);
                groupRows.Add(0);
            }

            groups[g].Add(i);
            groupRows[g] += rows;
            totalRows += rows;
        }

        int trainSize = (int)Math.Floor(totalRows * trainFraction);
        int validationSize = (int)Math.Floor(totalRows * validationFraction);
        int testSize = totalRows - trainSize - validationSize;

        var big = new List<int>();
        var small = new List<int>();
        for (int g = 0; g < groups.Count; g++)
        {
            if (groupRows[g] > validationSize / 2.0 || groupRows[g] > testSize / 2.0)
            {
                big.Add(g);
            }
            else
            {
                small.Add(g);
            }
        }

        var random = new DeterministicRandom(seed);
        random.Shuffle(big);
        random.Shuffle(small);

        var train = ImmutableArray.CreateBuilder<int>();
        var validation = ImmutableArray.CreateBuilder<int>();
        var test = ImmutableArray.CreateBuilder<int>();
        int trainRows = 0, validationRows = 0;
        foreach (int g in big.Concat(small))
        {
            int rows = groupRows[g];
            if (trainRows + rows <= trainSize)
            {
                train.AddRange(groups[g]);
                trainRows += rows;
            }
            else if (!threeWay || validationRows + rows <= validationSize)
            {
                validation.AddRange(groups[g]);
                validationRows += rows;
            }
            else
            {
                test.AddRange(groups[g]);
            }
        }

        return new ScaffoldAssignment(
            train.ToImmutable(), validation.ToImmutable(), test.ToImmutable(), totalRows, trainSize, validationSize, groups.Count);
    }

    /// <summary>
    /// The TDC protocol for one seed: <paramref name="trainValidation"/> split by scaffold 7:1 into train and validation,
    /// <paramref name="test"/> unchanged. Every sample must have a <see cref="GraphSample.ScaffoldKey"/>.
    /// </summary>
    public static DatasetSplit Split(GraphDataset trainValidation, GraphDataset test, int seed)
    {
        ArgumentNullException.ThrowIfNull(trainValidation);
        ArgumentNullException.ThrowIfNull(test);
        ScaffoldAssignment assignment = Assign(KeysOf(trainValidation), RowsOf(trainValidation), seed);
        string name = trainValidation.Name;
        return new DatasetSplit(
            seed,
            trainValidation.Subset(assignment.Train, $"{name} train (scaffold seed {seed})"),
            trainValidation.Subset(assignment.Validation, $"{name} validation (scaffold seed {seed})"),
            test);
    }

    /// <summary>The scaffold key of every sample; throws when one has none.</summary>
    public static string[] KeysOf(GraphDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var keys = new string[dataset.Count];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = dataset[i].ScaffoldKey
                ?? throw new ArgumentException($"sample {dataset[i].Id} has no scaffold key; a scaffold split needs molecules", nameof(dataset));
        }

        return keys;
    }

    private static int[] RowsOf(GraphDataset dataset) => dataset.Samples.Select(s => s.SourceRowCount).ToArray();
}
