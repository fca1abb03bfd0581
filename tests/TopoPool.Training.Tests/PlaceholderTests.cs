namespace TopoPool.Training.Tests;

public class PlaceholderTests
{
    [Xunit.Fact]
    public void Placeholder() => Xunit.Assert.Equal(2, 1 + 1);
}
