using TopoPool.Chemistry.Smiles;
using TopoPool.Core;
using Xunit;

namespace TopoPool.Chemistry.Tests.Molecules;

public sealed class MoleculeModelTests
{
    [Fact]
    public void ToGraph_has_one_node_per_atom_and_each_bond_once()
    {
        var molecule = SmilesReader.Parse("CC(=O)Nc1ccccc1");
        var features = FeatureMatrix.Create(molecule.AtomCount, 1, new float[molecule.AtomCount]);
        var graph = molecule.ToGraph(features);
        Assert.Equal(molecule.AtomCount, graph.NumNodes);
        Assert.Equal(molecule.Bonds.Count, graph.Edges.Length);
        for (int i = 0; i < molecule.Bonds.Count; i++)
        {
            Assert.Equal(new Edge(molecule.Bonds[i].Begin, molecule.Bonds[i].End), graph.Edges[i]);
        }
    }

    [Fact]
    public void Atoms_and_bonds_are_indexed_in_input_order()
    {
        var molecule = SmilesReader.Parse("OCC#N");
        Assert.Equal([0, 1, 2, 3], molecule.Atoms.Select(a => a.Index));
        Assert.Equal([0, 1, 2], molecule.Bonds.Select(b => b.Index));
        Assert.Equal("OCC#N", molecule.Smiles);
        Assert.Equal(2, molecule.Bonds[2].OtherAtom(3));
        Assert.Null(molecule.BondBetween(0, 3));
        Assert.Equal([1], molecule.NeighboursOf(0).ToArray());
        Assert.Equal([0, 1], molecule.BondsOf(1).ToArray());
    }

    [Fact]
    public void Rings_are_the_smallest_set_of_smallest_rings()
    {
        Assert.Equal([6, 6], SmilesReader.Parse("c1ccc2ccccc2c1").Rings.Select(r => r.Count));
        Assert.Equal([6, 6, 6], SmilesReader.Parse("C1CC2CCC3CCCC4CCC1C2C34").Rings.Select(r => r.Count).Where(c => c == 6).Take(3));
        Assert.Equal(5, SmilesReader.Parse("C12C3C4C1C5C2C3C45").Rings.Count);
        Assert.Equal([5, 6, 6, 6], SmilesReader.Parse("C[C@]12CC[C@H]3[C@@H](CC=C4C[C@@H](O)CC[C@@]43C)[C@@H]1CC[C@@H]2O").Rings.Select(r => r.Count).OrderBy(c => c));
        Assert.Empty(SmilesReader.Parse("CCO").Rings);
        var ring = SmilesReader.Parse("C1CCN1").Rings[0];
        Assert.Equal(4, ring.Count);
        var molecule = SmilesReader.Parse("C1CCN1");
        for (int i = 0; i < ring.Count; i++)
        {
            Assert.NotNull(molecule.BondBetween(ring[i], ring[(i + 1) % ring.Count]));
        }
    }

    [Fact]
    public void Ring_membership_of_atoms_and_bonds()
    {
        var molecule = SmilesReader.Parse("CC1CC1C");
        Assert.Equal([false, true, true, true, false], molecule.Atoms.Select(a => a.IsInRing));
        Assert.Equal([false, true, true, true, false], molecule.Bonds.Select(b => b.IsInRing));
    }

    [Theory]
    [InlineData("c1ccc2ccccc2c1", "C1=CC=C2C=CC=CC2=C1")]
    [InlineData("O=c1cc[nH]cc1", "O=C1C=CNC=C1")]
    [InlineData("C[n+]1ccccc1", "C[N+]1=CC=CC=C1")]
    [InlineData("c1cc[o+]cc1", "C1=CC=[O+]C=C1")]
    [InlineData("[cH-]1cccc1", "[CH-]1C=CC=C1")]
    [InlineData("Cn1cnc2c1c(=O)n(C)c(=O)n2C", "CN1C=NC2=C1C(=O)N(C)C(=O)N2C")]
    [InlineData("O=c1ccc2ccccc2o1", "O=C1C=CC2=CC=CC=C2O1")]
    [InlineData("c1ccc2c(c1)[nH]c1ccccc12", "C1=CC=C2C(=C1)NC1=CC=CC=C12")]
    public void Kekule_and_aromatic_spellings_give_the_same_atoms(string aromatic, string kekule)
    {
        var a = SmilesReader.Parse(aromatic);
        var k = SmilesReader.Parse(kekule);
        Assert.Equal(Describe(a), Describe(k));
    }

    [Fact]
    public void Fused_ring_bonds_between_aromatic_rings_follow_RDKit()
    {
        // Azulene: aromatic as a whole, but the fusion bond is in two rings and stays a Kekulé bond.
        var azulene = SmilesReader.Parse("C1=CC=C2C=CC=C2C=C1");
        Assert.All(azulene.Atoms, atom => Assert.True(atom.IsAromatic));
        Assert.False(azulene.BondBetween(3, 7)!.IsAromatic);
        Assert.False(SmilesReader.Parse("C1=CC=CC=CC=C1").Atoms[0].IsAromatic);
    }

    [Fact]
    public void Fragments_list_connected_atoms()
    {
        var fragments = SmilesReader.Parse("CC.O.c1ccccc1").Fragments();
        Assert.Equal(3, fragments.Count);
        Assert.Equal([3, 4, 5, 6, 7, 8], fragments[2]);
    }

    [Theory]
    [InlineData("CCO", "CCO")]
    [InlineData("CCO.Cl", "CCO")]
    [InlineData("Cl.CCO", "CCO")]
    [InlineData("CC.OO", "CC")]
    [InlineData("[Na+].CC(=O)[O-]", "CC(=O)[O-]")]
    [InlineData("", "")]
    public void Longest_fragment_string_first_of_equals(string smiles, string expected)
    {
        Assert.Equal(expected, SmilesFragments.Longest(smiles));
    }

    private static string Describe(Molecule m) => string.Join(" ", m.Atoms.Select(a => $"{a.Symbol}{a.TotalHydrogens}{a.FormalCharge}{(a.IsAromatic ? "a" : "")}{a.Degree}"));
}
