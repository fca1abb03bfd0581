using Xunit;

namespace TopoPool.Cli.Tests.OwnData;

/// <summary>The own-data test classes share one <see cref="OwnDataTables"/> (one trained model) and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class OwnDataCollection : ICollectionFixture<OwnDataTables>
{
    public const string Name = "own data";
}
