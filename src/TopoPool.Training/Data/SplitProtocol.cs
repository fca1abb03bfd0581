namespace TopoPool.Training.Data;

/// <summary>How a <see cref="BenchmarkDataset"/> is divided for each seed (BENCHMARK.md, "Training and evaluation").</summary>
public enum SplitProtocol
{
    /// <summary>TU sets and the synthetic set: shuffle with the seed, 10% test, 10% validation, rest train (<see cref="RandomSplit"/>).</summary>
    RandomTestValidationTrain,

    /// <summary>TDC sets: a fixed test set; the rest split by scaffold 7:1 into train and validation for each seed (<see cref="ScaffoldSplit"/>).</summary>
    FixedTestScaffoldValidation,
}
