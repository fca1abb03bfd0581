using TopoPool.Core.Pipelines;
using System.Collections.Immutable;

namespace TopoPool.Training.Data;

/// <summary>
/// A named, immutable list of labelled graphs that all have the same task and node feature width, with the
/// metric BENCHMARK.md reports for it and the warnings collected while it was read (rows skipped, molecules
/// merged, and why).
/// </summary>
/// <example><code>
/// GraphDataset mutag = TuDatasetReader.Read("/data/tu/MUTAG");
/// // mutag.Task == TaskKind.Classification, mutag.NumClasses == 2, mutag.NodeFeatureWidth == 7
/// GraphDataset firstTen = mutag.Subset(Enumerable.Range(0, 10));
/// </code></example>
public sealed class GraphDataset
{
    private readonly ImmutableArray<GraphSample> samples;

    /// <param name="name">Dataset name, e.g. <c>MUTAG</c> or <c>Caco2_Wang/train_val</c>.</param>
    /// <param name="task">Classification or regression; every sample must have this task.</param>
    /// <param name="numClasses">Number of classes for classification (every class index below it); must be 1 for regression.</param>
    /// <param name="nodeFeatureWidth">Feature columns of every graph.</param>
    /// <param name="samples">The graphs, in order.</param>
    /// <param name="classNames">Optional name of each class (for example the label as written in the source file).</param>
    /// <param name="warnings">Messages about the source, such as skipped rows.</param>
    public GraphDataset(
        string name,
        TaskKind task,
        int numClasses,
        int nodeFeatureWidth,
        IEnumerable<GraphSample> samples,
        IEnumerable<string>? classNames = null,
        IEnumerable<string>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfNegative(nodeFeatureWidth);
        if (task == TaskKind.Regression && numClasses != 1)
        {
            throw new ArgumentOutOfRangeException(nameof(numClasses), numClasses, "a regression dataset has numClasses 1");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(numClasses, 1);
        this.samples = samples.ToImmutableArray();
        for (int i = 0; i < this.samples.Length; i++)
        {
            GraphSample sample = this.samples[i] ?? throw new ArgumentException($"sample {i} is null", nameof(samples));
            if (sample.Task != task)
            {
                throw new ArgumentException($"sample {i} ({sample.Id}) is a {sample.Task} sample in a {task} dataset", nameof(samples));
            }

            if (sample.Graph.Features.Columns != nodeFeatureWidth)
            {
                throw new ArgumentException(
                    $"sample {i} ({sample.Id}) has {sample.Graph.Features.Columns} feature columns, the dataset {nodeFeatureWidth}", nameof(samples));
            }

            if (task == TaskKind.Classification && sample.ClassIndex >= numClasses)
            {
                throw new ArgumentException($"sample {i} ({sample.Id}) has class {sample.ClassIndex}, the dataset {numClasses} classes", nameof(samples));
            }
        }

        Name = name;
        Task = task;
        NumClasses = numClasses;
        NodeFeatureWidth = nodeFeatureWidth;
        ClassNames = classNames?.ToImmutableArray() ?? ImmutableArray<string>.Empty;
        if (ClassNames.Count != 0 && ClassNames.Count != numClasses)
        {
            throw new ArgumentException($"{ClassNames.Count} class names for {numClasses} classes", nameof(classNames));
        }

        Warnings = warnings?.ToImmutableArray() ?? ImmutableArray<string>.Empty;
    }

    public string Name { get; }

    public TaskKind Task { get; }

    /// <summary>The number of classes, or 1 for regression: the width of the model's output.</summary>
    public int NumClasses { get; }

    public int NodeFeatureWidth { get; }

    public IReadOnlyList<GraphSample> Samples => samples;

    public int Count => samples.Length;

    public GraphSample this[int index] => samples[index];

    /// <summary>Names of the classes in class-index order (empty for regression or when unknown).</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>What was skipped or changed while reading, one message each (file and line first).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Accuracy for classification, mean absolute error for regression (BENCHMARK.md).</summary>
    public EvaluationMetric Metric => Task == TaskKind.Classification ? EvaluationMetric.Accuracy : EvaluationMetric.MeanAbsoluteError;

    /// <summary>Total nodes over all graphs.</summary>
    public long TotalNodes => samples.Sum(s => (long)s.Graph.NumNodes);

    /// <summary>The samples at <paramref name="indices"/>, in that order, as a dataset of the same kind (no warnings).</summary>
    public GraphDataset Subset(IEnumerable<int> indices, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(indices);
        return WithSamples(indices.Select(i => samples[i]), name ?? Name);
    }

    /// <summary>A dataset of the same name, task, classes and width holding other samples (no warnings).</summary>
    public GraphDataset WithSamples(IEnumerable<GraphSample> otherSamples, string? name = null) =>
        new(name ?? Name, Task, NumClasses, NodeFeatureWidth, otherSamples, ClassNames);

    public override string ToString() =>
        Task == TaskKind.Classification
            ? $"{Name}: {Count} graphs, {NumClasses} classes, {NodeFeatureWidth} node features"
            : $"{Name}: {Count} graphs, regression, {NodeFeatureWidth} node features";
}
