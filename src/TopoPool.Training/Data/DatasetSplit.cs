namespace TopoPool.Training.Data;

/// <summary>The train, validation and test parts of one run of the protocol (one seed).</summary>
public sealed class DatasetSplit
{
    public DatasetSplit(int seed, GraphDataset train, GraphDataset validation, GraphDataset test)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(test);
        Seed = seed;
        Train = train;
        Validation = validation;
        Test = test;
    }

    /// <summary>The seed the split was made with.</summary>
    public int Seed { get; }

    public GraphDataset Train { get; }

    public GraphDataset Validation { get; }

    public GraphDataset Test { get; }

    public override string ToString() => $"seed {Seed}: {Train.Count} train, {Validation.Count} validation, {Test.Count} test";
}
