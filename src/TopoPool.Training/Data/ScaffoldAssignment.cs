using System.Collections.Immutable;

namespace TopoPool.Training.Data;

/// <summary>
/// The result of <see cref="ScaffoldSplit.Assign"/>: the indices put in each part, in the order their scaffold groups
/// were placed (members of a group ascending), and the size targets that were used, counted in source rows.
/// </summary>
public sealed class ScaffoldAssignment
{
    internal ScaffoldAssignment(
        ImmutableArray<int> train, ImmutableArray<int> validation, ImmutableArray<int> test, int totalRows, int trainSize, int validationSize, int groupCount)
    {
        Train = train;
        Validation = validation;
        Test = test;
        TotalRows = totalRows;
        TrainSize = trainSize;
        ValidationSize = validationSize;
        GroupCount = groupCount;
    }

    public ImmutableArray<int> Train { get; }

    public ImmutableArray<int> Validation { get; }

    public ImmutableArray<int> Test { get; }

    /// <summary>n: the rows split (the sum of the item weights).</summary>
    public int TotalRows { get; }

    /// <summary>floor(trainFraction · n): train is filled while it stays within this many rows.</summary>
    public int TrainSize { get; }

    /// <summary>floor(validationFraction · n).</summary>
    public int ValidationSize { get; }

    /// <summary>The number of distinct scaffolds.</summary>
    public int GroupCount { get; }

    /// <summary>The part of each item, by index.</summary>
    public SplitPart[] PartOfEach()
    {
        var parts = new SplitPart[Train.Length + Validation.Length + Test.Length];
        foreach (int i in Validation)
        {
            parts[i] = SplitPart.Validation;
        }

        foreach (int i in Test)
        {
            parts[i] = SplitPart.Test;
        }

        return parts;
    }
}
