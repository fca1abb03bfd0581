using TopoPool.Chemistry.Proteins;
using TopoPool.Core;
using Xunit;

namespace TopoPool.Chemistry.Tests;

public class ProteinTests
{
    private static Residue At(int index, string name, double x) => new(index, name, 'A', index + 1, ' ', SecondaryStructure.Coil, x, 0, 0);

    [Fact]
    public void ContactsAreStrictlyCloserThanTheCutoff()
    {
        Protein protein = Protein.Create([At(0, "GLY", 0), At(1, "ALA", 6.0), At(2, "SER", 5.999)], 6.0);
        Assert.Equal([(0, 2), (1, 2)], protein.Edges.Select(e => (e.Source, e.Target)));
    }

    [Fact]
    public void ResiduesMustBeIndexedByPosition()
    {
        var error = Assert.Throws<ArgumentException>(() => Protein.Create([At(1, "GLY", 0)]));
        Assert.Contains("residue 0 has index 1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void CutoffMustBeAPositiveNumber(double cutoff) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Protein.Create([At(0, "GLY", 0)], cutoff));

    [Fact]
    public void ToGraphKeepsIndicesAndEachContactOnce()
    {
        Protein protein = Protein.Create([At(0, "GLY", 0), At(1, "ALA", 3.8), At(2, "SER", 7.6)]);
        Graph graph = protein.ToGraph(FeatureMatrix.Create(3, 1, [1f, 2f, 3f]));
        Assert.Equal(3, graph.NumNodes);
        Assert.Equal([new Edge(0, 1), new Edge(1, 2)], graph.Edges.ToArray());
        Assert.Equal(2f, graph.Features[1, 0]);
    }

    [Fact]
    public void ToGraphRejectsFeaturesOfTheWrongRowCount()
    {
        Protein protein = Protein.Create([At(0, "GLY", 0)]);
        Assert.ThrowsAny<Exception>(() => protein.ToGraph(FeatureMatrix.Create(2, 1, [1f, 2f])));
    }
}
