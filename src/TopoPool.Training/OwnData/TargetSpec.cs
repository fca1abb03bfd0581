using TopoPool.Core.Pipelines;

namespace TopoPool.Training.OwnData;

/// <summary>
/// One target of a model trained on a user's table: its column name, whether it is a regression or a classification
/// target, its classes (classification, in output order), the training split's mean and standard deviation that
/// regression targets are standardised with, and where its outputs sit in the model's output row
/// (<see cref="Offset"/>, <see cref="Width"/>: one value for regression, one logit per class for classification).
/// </summary>
public sealed record TargetSpec(string Name, TaskKind Kind, IReadOnlyList<string> Classes, double Mean, double Std, int Offset, int Width)
{
    public bool IsClassification => Kind == TaskKind.Classification;
}
