namespace TopoPool.Generators;

/// <summary>Names of the tracked pipeline steps (for the caching tests).</summary>
internal static class TrackingNames
{
    public const string AtomFeaturizers = "AtomFeaturizers";
    public const string ResidueFeaturizers = "ResidueFeaturizers";
    public const string AtomSources = "AtomFeaturizerSources";
    public const string ResidueSources = "ResidueFeaturizerSources";
}
