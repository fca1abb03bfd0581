using TopoPool.Chemistry.Smiles;
using Xunit;

namespace TopoPool.Chemistry.Tests.Smiles;

/// <summary>One case per piece of OpenSMILES syntax the reader accepts.</summary>
public sealed class SmilesReaderSyntaxTests
{
    private static Molecule Read(string smiles) => SmilesReader.Parse(smiles);

    [Fact]
    public void Organic_subset_atoms_get_implicit_hydrogens_from_default_valences()
    {
        string[] symbols = ["B", "C", "N", "O", "P", "S", "F", "Cl", "Br", "I"];
        int[] hydrogens = [3, 4, 3, 2, 3, 2, 1, 1, 1, 1];
        for (int i = 0; i < symbols.Length; i++)
        {
            var atom = Read(symbols[i]).Atoms[0];
            Assert.Equal(symbols[i], atom.Symbol);
            Assert.Equal(hydrogens[i], atom.ImplicitHydrogens);
            Assert.Equal(0, atom.ExplicitHydrogens);
        }

        Assert.Equal([3, 2, 0, 0], Read("CCN=C=O").Atoms.Take(4).Select(a => a.TotalHydrogens));
    }

    [Fact]
    public void Higher_valences_are_used_when_needed()
    {
        var m = Read("CS(=O)(=O)C");
        Assert.Equal(0, m.Atoms[1].TotalHydrogens);
        Assert.Equal(4, m.Atoms[1].Degree);
        Assert.Equal(0, Read("CP(C)(C)=O").Atoms[1].TotalHydrogens);
    }

    [Fact]
    public void Bracket_atoms_carry_isotope_hydrogens_charge_and_class()
    {
        var atom = Read("[13CH3:7]O").Atoms[0];
        Assert.Equal(13, atom.Isotope);
        Assert.Equal(3, atom.ExplicitHydrogens);
        Assert.Equal(0, atom.ImplicitHydrogens);
        Assert.Equal(7, atom.AtomClass);
        Assert.Equal(0, Read("[CH2]C").Atoms[0].ImplicitHydrogens);
        Assert.Equal(0, Read("[C]").Atoms[0].TotalHydrogens);
    }

    [Theory]
    [InlineData("[NH4+]", 1)]
    [InlineData("[O-]C", -1)]
    [InlineData("[Fe++]", 2)]
    [InlineData("[Fe+2]", 2)]
    [InlineData("[Fe+++]", 3)]
    [InlineData("[N--]", -2)]
    [InlineData("[P-3]", -3)]
    [InlineData("[Cu+]", 1)]
    public void Charges_in_every_spelling(string smiles, int charge)
    {
        Assert.Equal(charge, Read(smiles).Atoms[0].FormalCharge);
    }

    [Theory]
    [InlineData("[Se]", "Se", 34)]
    [InlineData("[Sc]", "Sc", 21)]
    [InlineData("[Co]", "Co", 27)]
    [InlineData("[Na+]", "Na", 11)]
    [InlineData("[U]", "U", 92)]
    [InlineData("[*]", "*", 0)]
    [InlineData("*", "*", 0)]
    public void Any_element_symbol_in_brackets(string smiles, string symbol, int atomicNumber)
    {
        var atom = Read(smiles).Atoms[0];
        Assert.Equal(symbol, atom.Symbol);
        Assert.Equal(atomicNumber, atom.AtomicNumber);
    }

    [Theory]
    [InlineData("C-C", BondOrder.Single)]
    [InlineData("C=C", BondOrder.Double)]
    [InlineData("C#C", BondOrder.Triple)]
    [InlineData("[Rh]$[Rh]", BondOrder.Quadruple)]
    [InlineData("c1ccccc1", BondOrder.Aromatic)]
    [InlineData("C1:C:C:C:C:C:1", BondOrder.Aromatic)]
    public void Bond_symbols(string smiles, BondOrder order)
    {
        Assert.Equal(order, Read(smiles).Bonds[0].Order);
    }

    [Fact]
    public void Directional_bonds_keep_their_marks()
    {
        var m = Read("F/C=C\\F");
        Assert.Equal(BondStereo.Up, m.Bonds[0].Stereo);
        Assert.Equal(BondStereo.None, m.Bonds[1].Stereo);
        Assert.Equal(BondStereo.Down, m.Bonds[2].Stereo);
        Assert.Equal(BondOrder.Single, m.Bonds[0].Order);
    }

    [Fact]
    public void Branches_attach_to_the_atom_before_them()
    {
        var m = Read("CC(C)(O)C(=O)N");
        Assert.Equal(4, m.Atoms[1].Degree);
        Assert.Equal([0, 2, 3, 4], m.NeighboursOf(1).ToArray());
        Assert.Equal(BondOrder.Double, m.BondBetween(4, 5)!.Order);
        Assert.Equal(3, m.Atoms[4].Degree);
    }

    [Theory]
    [InlineData("C1CCCCC1")]
    [InlineData("C%10CCCCC%10")]
    [InlineData("C%(123)CCCCC%(123)")]
    [InlineData("C=1CCCCC1")]
    [InlineData("C1CCCCC=1")]
    [InlineData("C=1CCCCC=1")]
    public void Ring_closures_by_digit_percent_and_bond_on_either_side(string smiles)
    {
        var m = Read(smiles);
        Assert.Equal(6, m.Bonds.Count);
        Assert.All(m.Atoms, a => Assert.True(a.IsInRing));
        Assert.Single(m.Rings);
        Assert.Equal(6, m.Rings[0].Count);
    }

    [Fact]
    public void Ring_bond_order_written_on_one_side_applies_to_the_bond()
    {
        var m = Read("C=1CCCCC1");
        Assert.Equal(BondOrder.Double, m.BondBetween(0, 5)!.Order);
        Assert.Equal(1, m.Atoms[0].TotalHydrogens);
    }

    [Fact]
    public void Ring_numbers_can_be_reused()
    {
        var m = Read("C1CC1C1CC1");
        Assert.Equal(2, m.Rings.Count);
        Assert.False(m.BondBetween(2, 3)!.IsInRing);
    }

    [Fact]
    public void Dots_separate_fragments_and_ring_bonds_may_cross_them()
    {
        var m = Read("CCO.[Na+].Cl");
        Assert.Equal(3, m.Fragments().Count);
        Assert.Equal([0, 1, 2], m.Fragments()[0]);
        var joined = Read("C1.C1");
        Assert.Single(joined.Fragments());
        Assert.Single(joined.Bonds);
    }

    [Fact]
    public void Aromatic_atoms_in_brackets()
    {
        var m = Read("c1cc[se]c1");
        Assert.True(m.Atoms[3].IsAromatic);
        Assert.Equal("Se", m.Atoms[3].Symbol);
        Assert.True(Read("c1cc[te]c1").Atoms[3].IsAromatic);
        Assert.True(Read("c1cc[nH]c1").Atoms[3].IsAromatic);
        Assert.Equal(1, Read("c1cc[nH]c1").Atoms[3].ExplicitHydrogens);
        // Arsenic is read but, as in RDKit, only Se and Te beyond the second row can be aromatic.
        Assert.False(Read("c1cc[as]cc1").Atoms[3].IsAromatic);
    }

    [Fact]
    public void Wildcards_can_sit_in_aromatic_rings()
    {
        var m = Read("c1cc*cc1");
        Assert.All(m.Atoms, a => Assert.True(a.IsAromatic));
        Assert.False(Read("C*C").Atoms[1].IsAromatic);
    }

    [Fact]
    public void Plain_hydrogen_atoms_are_merged_but_isotopes_stay()
    {
        var m = Read("[H]C([H])([H])C");
        Assert.Equal(2, m.Atoms.Count);
        Assert.Equal(1, m.Atoms[0].Degree);
        Assert.Equal(3, m.Atoms[0].TotalHydrogens);

        var deuterated = Read("[2H]C");
        Assert.Equal(2, deuterated.Atoms.Count);
        Assert.Equal("H", deuterated.Atoms[0].Symbol);
        Assert.Equal(1, deuterated.Atoms[1].Degree);

        Assert.Equal(2, Read("[H][H]").Atoms.Count);
        Assert.Single(Read("[H]").Atoms);
    }

    [Fact]
    public void Charge_separated_groups_written_neutral_are_normalised_as_RDKit_does()
    {
        var nitro = Read("CN(=O)=O");
        Assert.Equal(1, nitro.Atoms[1].FormalCharge);
        Assert.Equal(-1, nitro.Atoms[2].FormalCharge + nitro.Atoms[3].FormalCharge);
        var azide = Read("CN=N#N");
        Assert.Equal([0, 0, 1, -1], azide.Atoms.Select(a => a.FormalCharge));
    }

    [Fact]
    public void Blanks_end_the_SMILES_and_a_title_may_follow()
    {
        Assert.Equal(3, Read("  CCO ethanol").Atoms.Count);
        Assert.Equal("  CCO ethanol", Read("  CCO ethanol").Smiles);
    }

    [Theory]
    [InlineData("N[C@@H](C)C(=O)O", 1, 1)]
    [InlineData("N[C@H](C)C(=O)O", 1, 2)]
    [InlineData("F[C@](Cl)(Br)I", 1, 2)]
    [InlineData("F[C@@](Cl)(Br)I", 1, 1)]
    [InlineData("F[C@TH1](Cl)(Br)I", 1, 2)]
    [InlineData("F[C@TH2](Cl)(Br)I", 1, 1)]
    [InlineData("F[Pt@SP1](Cl)(Br)I", 1, 3)]
    [InlineData("S[As@TB1](F)(Cl)(Br)N", 1, 3)]
    [InlineData("C[Co@OH1](F)(Cl)(Br)(I)N", 1, 3)]
    public void Chiral_tags_as_written(string smiles, int atom, int tag)
    {
        Assert.Equal(tag, Read(smiles).Atoms[atom].ChiralTag);
    }

    [Fact]
    public void Leading_hydrogen_flips_the_written_tag_as_in_RDKit()
    {
        // The tag is relative to the neighbour order with the hydrogen last (RDKit's convention); written first, the
        // hydrogen of [C@@H] stands before the other three neighbours, which is one odd permutation away.
        Assert.Equal(2, Read("[C@@H](N)(C)C(=O)O").Atoms[0].ChiralTag);
        Assert.Equal(2, Read("[H][C@@](N)(C)C(=O)O").Atoms[0].ChiralTag);
    }

    [Theory]
    [InlineData("C[C@H](C)CC", 1)]
    [InlineData("C[C@@H]1CCCCC1", 1)]
    [InlineData("C[C@@]12CCC(CC1)CC2", 1)]
    [InlineData("C[N@](CC)CCC", 1)]
    [InlineData("C[N@+]1(C)CCCC1", 1)]
    [InlineData("CC=[C@AL1]=CC", 2)]
    public void Tags_on_atoms_that_are_not_stereocentres_are_cleared(string smiles, int atom)
    {
        Assert.Equal(0, Read(smiles).Atoms[atom].ChiralTag);
    }

    [Theory]
    [InlineData("C[C@H]1CC[C@@H](C)CC1", 1, 4)]
    [InlineData("C[N@]1CC1C", 1, 1)]
    [InlineData("CC[S@](C)=O", 2, 2)]
    [InlineData("C[C@H](/C=C/C)/C=C\\C", 1, 1)]
    [InlineData("CN1C[C@H]2CC[C@@H](C1)N2", 3, 6)]
    public void Real_stereocentres_keep_their_tags(string smiles, int first, int second)
    {
        var m = Read(smiles);
        Assert.NotEqual(0, m.Atoms[first].ChiralTag);
        Assert.NotEqual(0, m.Atoms[second].ChiralTag);
    }

    [Fact]
    public void Cleared_bracket_hydrogen_becomes_implicit_as_in_RDKit()
    {
        var atom = Read("C[C@H](C)CC").Atoms[1];
        Assert.Equal(0, atom.ExplicitHydrogens);
        Assert.Equal(1, atom.ImplicitHydrogens);
    }
}
