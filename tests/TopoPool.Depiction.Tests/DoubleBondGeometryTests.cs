using TopoPool.Chemistry;
using TopoPool.Chemistry.Smiles;
using TopoPool.Depiction;
using Xunit;
using Xunit.Abstractions;

namespace TopoPool.Depiction.Tests;

/// <summary>
/// Double bonds with E/Z marks in the input are drawn with their substituents on the sides the marks say:
/// <c>F/C=C/F</c> across the bond, <c>F/C=C\F</c> on one side.
/// </summary>
public class DoubleBondGeometryTests(ITestOutputHelper output)
{
    /// <summary>
    /// Marked double bonds whose layout puts the marked neighbours on the wrong sides, as text. A neighbour x of
    /// atom a and y of atom b (a=b) are trans when the marks read from x to a and from b to y are the same.
    /// </summary>
    public static List<string> WrongDoubleBonds(Molecule molecule, IReadOnlyList<Point2D> positions)
    {
        var problems = new List<string>();
        foreach (var bond in molecule.Bonds.Where(b => b.Order == BondOrder.Double && !b.IsInRing))
        {
            var x = MarkedNeighbour(molecule, bond.Begin, bond.End, towardAtom: true);
            var y = MarkedNeighbour(molecule, bond.End, bond.Begin, towardAtom: false);
            if (x is null || y is null)
            {
                continue;
            }

            bool trans = x.Value.Mark == y.Value.Mark;
            var axis = positions[bond.End] - positions[bond.Begin];
            double sideX = Point2D.Cross(axis, positions[x.Value.Atom] - positions[bond.Begin]);
            double sideY = Point2D.Cross(axis, positions[y.Value.Atom] - positions[bond.Begin]);
            if (Math.Abs(sideX) < 1e-6 || Math.Abs(sideY) < 1e-6 || (sideX * sideY < 0) != trans)
            {
                problems.Add($"{molecule.Smiles}: bond {bond} should have atoms {x.Value.Atom} and {y.Value.Atom} {(trans ? "trans" : "cis")}");
            }
        }

        return problems;
    }

    /// <summary>A neighbour of <paramref name="atom"/> (not <paramref name="partner"/>) on a marked bond, and the mark read toward (or away from) the atom.</summary>
    private static (int Atom, BondStereo Mark)? MarkedNeighbour(Molecule molecule, int atom, int partner, bool towardAtom)
    {
        foreach (int b in molecule.BondsOf(atom))
        {
            var bond = molecule.Bonds[b];
            int other = bond.OtherAtom(atom);
            if (other == partner || bond.Stereo == BondStereo.None)
            {
                continue;
            }

            // The mark as written runs from Begin to End; read the other way it turns round.
            bool runsToward = bond.End == atom;
            var mark = runsToward == towardAtom ? bond.Stereo : bond.Stereo == BondStereo.Up ? BondStereo.Down : BondStereo.Up;
            return (other, mark);
        }

        return null;
    }

    [Theory]
    [InlineData("F/C=C/F")]
    [InlineData("F/C=C\\F")]
    [InlineData("C/C=C/C(=O)O")]
    [InlineData("CC/C(=C(\\c1ccccc1)/c1ccc(OCCN(C)C)cc1)/c1ccccc1")]
    [InlineData("CC/C(=C(/c1ccccc1)/c1ccc(OCCN(C)C)cc1)/c1ccccc1")]
    public void Marked_double_bonds_are_drawn_as_marked(string smiles)
    {
        var molecule = SmilesReader.Parse(smiles);
        Assert.Empty(WrongDoubleBonds(molecule, MoleculeLayout.Compute(molecule)));
    }

    [Fact]
    public void Every_marked_double_bond_of_the_Caco2_set_is_drawn_as_marked()
    {
        int marked = 0;
        var problems = new List<string>();
        foreach (string smiles in DepictionTestSupport.Caco2Smiles().Where(s => s.Contains('/') || s.Contains('\\')))
        {
            var molecule = SmilesReader.Parse(smiles);
            marked++;
            problems.AddRange(WrongDoubleBonds(molecule, MoleculeLayout.Compute(molecule)));
        }

        output.WriteLine($"{marked} molecules with marks, {problems.Count} wrong double bonds");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }
}
