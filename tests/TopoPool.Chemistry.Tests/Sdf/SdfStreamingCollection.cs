using Xunit;

namespace TopoPool.Chemistry.Tests.Sdf;

/// <summary>The streaming check runs alone, after the parallel tests: the heap it measures is the whole process's.</summary>
[CollectionDefinition(nameof(SdfStreamingTests), DisableParallelization = true)]
public sealed class SdfStreamingCollection;
