namespace TopoPool.Packaging.Tests;

/// <summary>The packaging tests share one <see cref="PackagingWorkspace"/> (one pack, one tool install) and run one
/// after another.</summary>
[CollectionDefinition(Name)]
public sealed class PackagingCollection : ICollectionFixture<PackagingWorkspace>
{
    public const string Name = "packaging";
}
