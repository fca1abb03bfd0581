using TopoPool.Chemistry.Smiles;
using Xunit;

namespace TopoPool.Chemistry.Tests.Smiles;

/// <summary>Every failure is a <see cref="SmilesError"/> naming the 0-based position and the reason.</summary>
public sealed class SmilesReaderErrorTests
{
    [Theory]
    [InlineData("", 0, "empty input")]
    [InlineData("   ", 0, "empty input")]
    [InlineData("C1CCC", 1, "unclosed ring 1 at position 1")]
    [InlineData("CCCCCCCCCCCCCCCCC3CC", 17, "unclosed ring 3 at position 17")]
    [InlineData("C%12CC", 1, "unclosed ring 12 at position 1")]
    [InlineData("CC(C", 2, "unbalanced parenthesis at position 2")]
    [InlineData("CC)C", 2, "unbalanced parenthesis at position 2")]
    [InlineData("C(C))", 4, "unbalanced parenthesis at position 4")]
    [InlineData("CC[Xx]", 3, "unknown element 'Xx' at position 3")]
    [InlineData("CCX", 2, "unknown element 'X' at position 2")]
    [InlineData("C11", 2, "ring bond to itself at position 2")]
    [InlineData("C=1CCCC#1", 8, "conflicting ring-bond orders for ring 1 at position 8")]
    [InlineData("C12CCCCC12", 9, "ring bond 2 duplicates an existing bond at position 9")]
    [InlineData("C!C", 1, "unexpected character '!' at position 1")]
    [InlineData("C=", 1, "bond symbol without a following atom at position 1")]
    [InlineData("=C", 0, "bond '=' without a preceding atom at position 0")]
    [InlineData("C==C", 2, "two bond symbols in a row at position 2")]
    [InlineData("C(=)C", 3, "empty branch at position 3")]
    [InlineData("C()C", 2, "empty branch at position 2")]
    [InlineData("(C)C", 0, "branch without a preceding atom at position 0")]
    [InlineData("C.", 1, "dot without a following atom at position 1")]
    [InlineData(".C", 0, "dot without a preceding atom at position 0")]
    [InlineData("C..C", 2, "dot without a preceding atom at position 2")]
    [InlineData("[C", 0, "unclosed bracket atom at position 0")]
    [InlineData("[]", 1, "missing element symbol in bracket atom at position 1")]
    [InlineData("C[C@X]", 4, "unexpected character 'X' in bracket atom at position 4")]
    [InlineData("[C+99]", 2, "charge too large at position 2")]
    [InlineData("C%1", 1, "'%' must be followed by two digits at position 1")]
    [InlineData("CH4", 1, "element 'H' must be written in brackets at position 1")]
    [InlineData("Si", 0, "element 'Si' must be written in brackets at position 0")]
    [InlineData("CSi", 1, "element 'Si' must be written in brackets at position 1")]
    [InlineData("C1CCi", 4, "unexpected character 'i' at position 4")]
    [InlineData("c", 0, "aromatic atom 'c' outside a ring at position 0")]
    [InlineData("c1cccc1", 4, "cannot kekulize the aromatic system of atom 'c' at position 4")]
    [InlineData("c1ccnc1", 4, "cannot kekulize the aromatic system of atom 'n' at position 4")]
    [InlineData("C(C)(C)(C)(C)C", 0, "valence 5 of atom 'C' at position 0 is more than allowed")]
    [InlineData("CN(C)(C)C", 1, "valence 4 of atom 'N' at position 1 is more than allowed")]
    public void Broken_input_gives_a_positioned_error(string smiles, int position, string reason)
    {
        Assert.False(SmilesReader.TryParse(smiles, out var molecule, out var error));
        Assert.Null(molecule);
        Assert.Equal(position, error.Position);
        Assert.Equal(reason, error.Reason);
    }

    [Fact]
    public void Parse_throws_a_SmilesException_carrying_the_error()
    {
        var exception = Assert.Throws<SmilesException>(() => SmilesReader.Parse("C1CC"));
        Assert.Equal(new SmilesError(1, "unclosed ring 1 at position 1"), exception.Error);
        Assert.Equal("unclosed ring 1 at position 1", exception.Message);
    }

    [Fact]
    public void Null_input_is_an_error_not_an_exception()
    {
        Assert.False(SmilesReader.TryParse(null!, out _, out var error));
        Assert.Equal("empty input", error.Reason);
    }
}
