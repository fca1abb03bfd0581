namespace TopoPool.Training.Experiments;

/// <summary>A grid after a run (or a summary): its plan, the row counted for each planned run that has one (in plan
/// order), and the problems found in the results files.</summary>
public sealed record BenchmarkOutcome(BenchmarkPlan Plan, IReadOnlyList<BenchmarkRow> Rows, IReadOnlyList<string> Warnings)
{
    public int Missing => Plan.Runs.Count - Rows.Count;
}
