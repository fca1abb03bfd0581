namespace TopoPool.Generators.Model;

/// <summary>The emitted source of one featurizer (HintName null when there is none) and its diagnostics.</summary>
internal sealed record GeneratedFeaturizer(string? HintName, string Source, EquatableArray<DiagnosticInfo> Diagnostics);
