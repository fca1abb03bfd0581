using TopoPool.Core.Pipelines;

namespace TopoPool.Training.OwnData;

/// <summary>
/// One target of a model trained on a user's table: its column name, whether it is a regression or a classification
/// target, its classes (classification, in output order) and where its outputs sit in the model's output row
/// (<see cref="Offset"/>, <see cref="Width"/>: one value for regression, one logit per class for classification).
/// Regression targets are standardised with each seed's <see cref="TargetScaling"/>.
/// </summary>
public sealed record TargetSpec(string Name, TaskKind Kind, IReadOnlyList<string> Classes, int Offset, int Width)
{
    public bool IsClassification => Kind == TaskKind.Classification;

    /// <summary>The output columns of this target in a prediction table: <c>name</c> and <c>name_std</c> (regression),
    /// or <c>name_class</c> per class (the ensemble's mean probability).</summary>
    public IReadOnlyList<string> OutputColumns => IsClassification
        ? Classes.Select(c => $"{Name}_{c}").ToList()
        : [Name, $"{Name}_std"];
}
