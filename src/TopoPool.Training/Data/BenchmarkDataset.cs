using TopoPool.Core.Pipelines;
using System.Collections.Immutable;

namespace TopoPool.Training.Data;

/// <summary>
/// A dataset ready for the paper's protocol: the graphs that are divided anew for every seed, the fixed test set
/// when the protocol has one, and where they were read from. <see cref="Split"/> gives the parts of one run.
/// </summary>
/// <example><code>
/// BenchmarkDataset caco2 = DatasetLocator.Load("Caco2_Wang", "datasets");
/// foreach (string warning in caco2.Warnings) Console.Error.WriteLine(warning);
/// DatasetSplit run1 = caco2.Split(seed: 1);   // run1.Test is the fixed admet_group test set
/// </code></example>
public sealed class BenchmarkDataset
{
    private BenchmarkDataset(string name, GraphDataset splitGraphs, GraphDataset? fixedTest, SplitProtocol protocol, IEnumerable<string> sources, IEnumerable<string> notes)
    {
        Name = name;
        SplitGraphs = splitGraphs;
        FixedTest = fixedTest;
        Protocol = protocol;
        Sources = sources.ToImmutableArray();
        Warnings = notes.Concat(splitGraphs.Warnings).Concat(fixedTest?.Warnings ?? []).ToImmutableArray();
    }

    /// <summary>The canonical dataset name (<c>MUTAG</c>, <c>Caco2_Wang</c>, <c>synthetic</c>, ...).</summary>
    public string Name { get; }

    /// <summary>The graphs divided for every seed: all of them for <see cref="SplitProtocol.RandomTestValidationTrain"/>,
    /// the train_val part for <see cref="SplitProtocol.FixedTestScaffoldValidation"/>.</summary>
    public GraphDataset SplitGraphs { get; }

    /// <summary>The fixed test set, or null when the test part is drawn for each seed.</summary>
    public GraphDataset? FixedTest { get; }

    public SplitProtocol Protocol { get; }

    /// <summary>The files or folders read (empty for the synthetic set).</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>Everything worth telling the user about the data: notes on how it was found, then the readers' warnings.</summary>
    public IReadOnlyList<string> Warnings { get; }

    public TaskKind Task => SplitGraphs.Task;

    public EvaluationMetric Metric => SplitGraphs.Metric;

    public int NumClasses => SplitGraphs.NumClasses;

    public int NodeFeatureWidth => SplitGraphs.NodeFeatureWidth;

    /// <summary>The parts of the run with this seed (<paramref name="rounding"/>: the TU test/validation sizes).</summary>
    public DatasetSplit Split(int seed, SplitRounding rounding = SplitRounding.TenthRoundedUp) => Protocol == SplitProtocol.RandomTestValidationTrain
        ? RandomSplit.Split(SplitGraphs, seed, rounding)
        : ScaffoldSplit.Split(SplitGraphs, FixedTest!, seed);

    /// <summary>A dataset split at random for each seed (<see cref="RandomSplit"/>).</summary>
    public static BenchmarkDataset WithRandomSplit(string name, GraphDataset graphs, IEnumerable<string>? sources = null, IEnumerable<string>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(graphs);
        return new BenchmarkDataset(name, graphs, null, SplitProtocol.RandomTestValidationTrain, sources ?? [], notes ?? []);
    }

    /// <summary>A dataset with a fixed test set; <paramref name="trainValidation"/> is split by scaffold for each seed.</summary>
    public static BenchmarkDataset WithFixedTest(
        string name, GraphDataset trainValidation, GraphDataset test, IEnumerable<string>? sources = null, IEnumerable<string>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(trainValidation);
        ArgumentNullException.ThrowIfNull(test);
        if (test.Task != trainValidation.Task || test.NodeFeatureWidth != trainValidation.NodeFeatureWidth || test.NumClasses != trainValidation.NumClasses)
        {
            throw new ArgumentException($"the test set ({test}) does not match the train/validation set ({trainValidation})", nameof(test));
        }

        ScaffoldSplit.KeysOf(trainValidation);
        return new BenchmarkDataset(name, trainValidation, test, SplitProtocol.FixedTestScaffoldValidation, sources ?? [], notes ?? []);
    }

    public override string ToString() => FixedTest is null
        ? $"{Name}: {SplitGraphs.Count} graphs, {Protocol}"
        : $"{Name}: {SplitGraphs.Count} train/validation + {FixedTest.Count} test graphs, {Protocol}";
}
