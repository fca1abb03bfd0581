namespace TopoPool.Training.Data;

/// <summary>The test metric BENCHMARK.md reports for a dataset.</summary>
public enum EvaluationMetric
{
    /// <summary>Fraction of graphs whose predicted class is the true class; higher is better (TU sets, synthetic).</summary>
    Accuracy,

    /// <summary>Mean absolute difference between prediction and target; lower is better (TDC sets).</summary>
    MeanAbsoluteError,
}
