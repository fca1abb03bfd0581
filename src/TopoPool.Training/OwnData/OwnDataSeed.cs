using TopoPool.Training.Experiments;

namespace TopoPool.Training.OwnData;

/// <summary>One finished ensemble member of an own-data run: how it trained, its standardisation, its per-target test
/// metrics and the sizes of its split.</summary>
public sealed record OwnDataSeed(SeedRun Run, TargetScaling Scaling, IReadOnlyList<TargetMetrics> Test, int TrainCount, int ValidationCount, int TestCount);
