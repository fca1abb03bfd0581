using System.Globalization;
using System.Text;
using TopoPool.Chemistry;
using TopoPool.Chemistry.Sdf;
using TopoPool.Depiction;
using Xunit;

namespace TopoPool.Depiction.Tests;

/// <summary>
/// A drawing written as a V2000 molfile — the layout's 2D coordinates, the Kekulé bond orders, the drawn
/// hydrogens and the wedges (1 solid, 6 hashed, first atom at the narrow end) — and read back with the Chemistry
/// SDF reader, which interprets wedges as RDKit does. What it reads is what a chemist (or RDKit) reads in the
/// picture, found by code that shares nothing with the drawing.
/// </summary>
internal static class DrawingMolfile
{
    public static string Write(Molecule molecule, IReadOnlyList<Point2D> positions, IReadOnlyList<DepictionBondOrder> orders,
        IReadOnlyList<(int Centre, Point2D Position)> hydrogens, IReadOnlyList<DepictionWedge> wedges)
    {
        int n = molecule.AtomCount;
        var text = new StringBuilder();
        text.Append("drawing\n  TopoPool\n\n");
        int bondCount = molecule.BondCount + hydrogens.Count;
        text.Append(CultureInfo.InvariantCulture, $"{n + hydrogens.Count,3}{bondCount,3}  0  0  0  0  0  0  0  0999 V2000\n");
        for (int i = 0; i < n + hydrogens.Count; i++)
        {
            var p = i < n ? positions[i] : hydrogens[i - n].Position;
            string symbol = i < n ? molecule.Atoms[i].Symbol : "H";
            text.Append(CultureInfo.InvariantCulture, $"{p.X,10:0.0000}{p.Y,10:0.0000}{0.0,10:0.0000} {symbol,-3} 0  0  0  0  0  0  0  0  0  0  0  0\n");
        }

        var wedgeOf = wedges.ToDictionary(w => (Math.Min(w.Centre, w.Neighbour), Math.Max(w.Centre, w.Neighbour)));
        void Bond(int a, int b, DepictionBondOrder order)
        {
            int type = order switch
            {
                DepictionBondOrder.Double => 2,
                DepictionBondOrder.Triple => 3,
                DepictionBondOrder.Aromatic => 4,
                _ => 1,
            };
            int stereo = 0;
            if (wedgeOf.TryGetValue((Math.Min(a, b), Math.Max(a, b)), out var wedge))
            {
                (a, b) = (wedge.Centre, wedge.Neighbour);
                stereo = wedge.Hashed ? 6 : 1;
            }

            text.Append(CultureInfo.InvariantCulture, $"{a + 1,3}{b + 1,3}{type,3}{stereo,3}\n");
        }

        foreach (var bond in molecule.Bonds)
        {
            Bond(bond.Begin, bond.End, orders[bond.Index]);
        }

        for (int k = 0; k < hydrogens.Count; k++)
        {
            Bond(hydrogens[k].Centre, n + k, DepictionBondOrder.Single);
        }

        foreach (var atom in molecule.Atoms.Where(a => a.FormalCharge != 0))
        {
            text.Append(CultureInfo.InvariantCulture, $"M  CHG  1 {atom.Index + 1,3} {atom.FormalCharge,3}\n");
        }

        foreach (var atom in molecule.Atoms.Where(a => a.Isotope != 0))
        {
            text.Append(CultureInfo.InvariantCulture, $"M  ISO  1 {atom.Index + 1,3} {atom.Isotope,3}\n");
        }

        text.Append("M  END\n$$$$\n");
        return text.ToString();
    }

    /// <summary>The molecule the SDF reader makes of <paramref name="molfile"/>.</summary>
    public static Molecule Read(string molfile)
    {
        using var source = SdfMoleculeSource.FromStream(new MemoryStream(Encoding.ASCII.GetBytes(molfile)), "drawing");
        var record = source.Read().Single();
        Assert.True(record.IsValid, record.Describe("drawing") + "\n" + molfile);
        return record.Molecule!;
    }

    /// <summary>
    /// Whether two molecules with the same atoms give atom <paramref name="atom"/> the same configuration: their
    /// tags agree once the difference between their neighbour orders (each with an implicit hydrogen last) is
    /// accounted for, an odd permutation turning the sense round.
    /// </summary>
    public static bool SameConfiguration(Molecule expected, Molecule actual, int atom)
    {
        int expectedTag = expected.Atoms[atom].ChiralTag, actualTag = actual.Atoms[atom].ChiralTag;
        if (expectedTag is not (1 or 2) || actualTag is not (1 or 2))
        {
            return false;
        }

        var order = expected.NeighboursOf(atom).ToArray().ToList();
        var other = actual.NeighboursOf(atom).ToArray().Where(v => v < expected.AtomCount).ToList();
        if (order.Count != other.Count || order.Except(other).Any())
        {
            return false;
        }

        // Count the swaps that sort one order into the other.
        var position = other.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i);
        var permutation = order.Select(v => position[v]).ToArray();
        int swaps = 0;
        for (int i = 0; i < permutation.Length; i++)
        {
            while (permutation[i] != i)
            {
                (permutation[i], permutation[permutation[i]]) = (permutation[permutation[i]], permutation[i]);
                swaps++;
            }
        }

        return (expectedTag == actualTag) == (swaps % 2 == 0);
    }
}
