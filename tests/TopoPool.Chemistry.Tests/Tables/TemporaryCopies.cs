using Xunit;

namespace TopoPool.Chemistry.Tests.Tables;

/// <summary>Tests that count this process's temporary copies of standard input run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class TemporaryCopies
{
    public const string Name = "temporary copies of standard input";
}
