namespace TopoPool.Generators.Model;

/// <summary>The transform's output for one featurizer type: the model (null when nothing can be emitted) and its diagnostics.</summary>
internal sealed record FeaturizerResult(FeaturizerModel? Model, EquatableArray<DiagnosticInfo> Diagnostics)
{
    public static FeaturizerResult Nothing { get; } = new(null, EquatableArray<DiagnosticInfo>.Empty);
}
