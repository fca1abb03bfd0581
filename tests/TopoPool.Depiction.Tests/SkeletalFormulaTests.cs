using System.Xml.Linq;
using SkiaSharp;
using TopoPool.Chemistry;
using TopoPool.Chemistry.Smiles;
using TopoPool.Depiction;
using Xunit;
using Xunit.Abstractions;

namespace TopoPool.Depiction.Tests;

/// <summary>
/// Molecules are drawn as skeletal formulas, as RDKit draws them: which atoms are written and how (hydrogens on the
/// side away from the bonds, charges raised), Kekulé rings with their second lines inside, bonds stopping short of
/// labels, no label on top of another.
/// </summary>
public class SkeletalFormulaTests(ITestOutputHelper output)
{
    private static readonly XNamespace Svg = SvgPicture.Svg;

    private static SvgPicture Picture(string smiles) => new(ClusterPicture.ForMolecule(SmilesReader.Parse(smiles), []).ToSvg());

    [Fact]
    public void Benzene_is_a_bare_hexagon_with_three_double_bonds_inside_it()
    {
        var molecule = SmilesReader.Parse("c1ccccc1");
        string svg = ClusterPicture.ForMolecule(molecule, []).ToSvg();
        var picture = new SvgPicture(svg);

        Assert.Empty(picture.Labels);
        Assert.DoesNotContain(picture.Root.Descendants(Svg + "text"), t => t.Value.Contains('C', StringComparison.Ordinal));
        Assert.DoesNotContain("stroke-dasharray", svg, StringComparison.Ordinal);

        // One Kekulé structure: every carbon has exactly one of the three double bonds.
        var groups = picture.BondGroups();
        Assert.Equal(6, groups.Count);
        var doubles = groups.Where(g => (string?)g.Value.Attribute("class") == "bond double").Select(g => molecule.Bonds[g.Key]).ToList();
        Assert.Equal(3, doubles.Count);
        Assert.All(Enumerable.Range(0, 6), atom => Assert.Single(doubles, b => b.Begin == atom || b.End == atom));
        Assert.Empty(DoubleBondsNotInside(molecule, picture));

        // No text is rendered: no pixel in the colours of heteroatom labels, yet the bonds are there.
        using var bitmap = DepictionTestSupport.Render(svg);
        int dark = 0, coloured = 0;
        for (int y = 0; y < bitmap.Height; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                var p = bitmap.GetPixel(x, y);
                dark += p.Red < 90 && p.Green < 90 && p.Blue < 90 ? 1 : 0;
                coloured += Math.Max(p.Red, Math.Max(p.Green, p.Blue)) - Math.Min(p.Red, Math.Min(p.Green, p.Blue)) > 60 ? 1 : 0;
            }
        }

        Assert.True(dark > 300, $"only {dark} dark pixels");
        Assert.Equal(0, coloured);
    }

    [Theory]
    [InlineData("Oc1ccccc1")]
    [InlineData("c1ccccc1O")]
    [InlineData("CCO")]
    [InlineData("OCC")]
    [InlineData("CC(=O)O")]
    [InlineData("NCCCN")]
    public void Hydrogens_are_written_on_the_side_away_from_a_single_bond(string smiles)
    {
        var molecule = SmilesReader.Parse(smiles);
        var picture = new SvgPicture(ClusterPicture.ForMolecule(molecule, []).ToSvg());
        var groups = picture.BondGroups();
        foreach (var atom in molecule.Atoms.Where(a => a.Symbol != "C"))
        {
            var label = picture.LabelOf(atom.Index) ?? throw new Xunit.Sdk.XunitException($"{smiles}: atom {atom} is not written");
            Assert.StartsWith(atom.Symbol, label.Text.TrimStart('H', '2', '3'), StringComparison.Ordinal);
            if (atom.TotalHydrogens == 0)
            {
                continue;
            }

            // The far end of the atom's one bond tells which way the bond leaves the symbol.
            var symbol = label.Piece("symbol");
            double centre = symbol.X + (SvgPicture.InkBox(symbol.Text, symbol.X, symbol.Y, symbol.Size).Width / 2);
            var bond = molecule.Bonds[molecule.BondsOf(atom.Index)[0]];
            var line = SvgPicture.Segment(groups[bond.Index], "main") ?? SvgPicture.Segment(groups[bond.Index], "side")!.Value;
            double farX = Math.Abs(line.X1 - centre) > Math.Abs(line.X2 - centre) ? line.X1 : line.X2;
            var hydrogen = label.Piece("hydrogens");
            if (farX > centre + 1)
            {
                Assert.True(hydrogen.X < symbol.X, $"{smiles}: the bond of {atom} leaves to the right, but its H is not on the left ('{label.Text}')");
                Assert.StartsWith("H", label.Text, StringComparison.Ordinal);
            }
            else if (farX < centre - 1)
            {
                Assert.True(hydrogen.X > symbol.X, $"{smiles}: the bond of {atom} leaves to the left, but its H is not on the right ('{label.Text}')");
                Assert.StartsWith(atom.Symbol, label.Text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Phenol_writes_its_hydroxyl_and_nothing_else()
    {
        var picture = Picture("Oc1ccccc1");
        var label = Assert.Single(picture.Labels);
        Assert.Equal(0, label.Node);
        Assert.Contains(label.Text, new[] { "OH", "HO" });
    }

    [Fact]
    public void A_nitro_group_writes_N_plus_and_O_minus_with_raised_charges()
    {
        var molecule = SmilesReader.Parse("c1ccccc1[N+](=O)[O-]");
        var picture = new SvgPicture(ClusterPicture.ForMolecule(molecule, []).ToSvg());
        Assert.Equal([6, 7, 8], picture.Labels.Select(l => l.Node).Order());
        Assert.Equal("N+", picture.LabelOf(6)!.Text);
        Assert.Equal("O", picture.LabelOf(7)!.Text);
        Assert.Equal("O\u2212", picture.LabelOf(8)!.Text);
        foreach (int atom in new[] { 6, 8 })
        {
            var label = picture.LabelOf(atom)!;
            Assert.True(label.Piece("charge").Y < label.Piece("symbol").Y - 3, $"the charge of atom {atom} is not raised");
        }

        // N=O is drawn as two lines (the oxygen is terminal), both stopping short of both labels.
        var group = picture.BondGroups()[molecule.BondBetween(6, 7)!.Index];
        Assert.Equal("bond double", (string?)group.Attribute("class"));
        Assert.Empty(LinesIntoLabels(picture));
    }

    [Theory]
    [InlineData("C", "CH4")]
    [InlineData("[CH3+]", "CH3+")]
    [InlineData("[13CH4]", "13CH4")]
    [InlineData("O", "H2O")]
    [InlineData("Cl", "HCl")]
    [InlineData("[NH4+]", "NH4+")]
    public void An_isolated_atom_is_written_whole(string smiles, string expected)
    {
        var label = Assert.Single(Picture(smiles).Labels);
        Assert.Equal(expected, label.Text);
    }

    [Theory]
    [InlineData("CC")]
    [InlineData("CC(C)(C)C")]
    [InlineData("C=C")]
    [InlineData("C#C")]
    [InlineData("C1CC1")]
    public void Carbons_with_bonds_are_bare_vertices_even_when_terminal(string smiles)
    {
        Assert.Empty(Picture(smiles).Labels);
    }

    [Fact]
    public void A_charged_amine_writes_its_hydrogens_and_charge()
    {
        var label = Assert.Single(Picture("CC[NH3+]").Labels);
        Assert.Contains(label.Text, new[] { "NH3+", "H3N+" });
    }

    [Fact]
    public void Double_bonds_in_rings_have_their_second_line_inside_the_ring()
    {
        foreach (var (name, smiles) in ExamplePictures.Molecules)
        {
            var molecule = SmilesReader.Parse(smiles);
            var picture = new SvgPicture(ClusterPicture.ForMolecule(molecule, []).ToSvg());
            Assert.True(DoubleBondsNotInside(molecule, picture).Count == 0, $"{name}: {string.Join("; ", DoubleBondsNotInside(molecule, picture))}");
        }
    }

    [Fact]
    public void No_label_overlaps_another_and_no_bond_runs_into_a_label()
    {
        foreach (var (name, smiles) in ExamplePictures.Molecules)
        {
            var picture = new SvgPicture(ExamplePictures.ForMolecule(name, smiles).ToSvg());
            var overlaps = picture.OverlappingLabels();
            Assert.True(overlaps.Count == 0, $"{name}: {string.Join("; ", overlaps)}");
            var intrusions = LinesIntoLabels(picture);
            Assert.True(intrusions.Count == 0, $"{name}: {string.Join("; ", intrusions)}");
        }
    }

    [Fact]
    public void Every_aromatic_system_of_the_Caco2_set_is_drawn_as_a_Kekule_structure_the_reader_accepts()
    {
        // Written as a molfile with the drawn orders and read again, each molecule has the same aromatic atoms and hydrogens.
        int checkedMolecules = 0;
        foreach (string smiles in DepictionTestSupport.Caco2Smiles())
        {
            var molecule = SmilesReader.Parse(smiles);
            if (!molecule.Bonds.Any(b => b.IsAromatic))
            {
                continue;
            }

            var orders = KekuleForm.Orders(molecule);
            Assert.DoesNotContain(DepictionBondOrder.Aromatic, orders);
            var layout = MoleculeLayout.Compute(molecule);
            var read = DrawingMolfile.Read(DrawingMolfile.Write(molecule, layout, orders, [], []));
            for (int a = 0; a < molecule.AtomCount; a++)
            {
                Assert.True(molecule.Atoms[a].IsAromatic == read.Atoms[a].IsAromatic && molecule.Atoms[a].TotalHydrogens == read.Atoms[a].TotalHydrogens,
                    $"{smiles}: atom {molecule.Atoms[a]} is {(molecule.Atoms[a].IsAromatic ? "" : "not ")}aromatic with {molecule.Atoms[a].TotalHydrogens} H, drawn as {(read.Atoms[a].IsAromatic ? "" : "not ")}aromatic with {read.Atoms[a].TotalHydrogens} H");
            }

            checkedMolecules++;
        }

        output.WriteLine($"{checkedMolecules} aromatic molecules kekulized and read back");
        Assert.True(checkedMolecules > 500);
    }

    [Fact]
    public void Fused_five_membered_rings_without_a_donor_are_kekulized_too()
    {
        // Azulene's five- and seven-membered rings are odd cycles of atoms that all need a double bond; indole, purine, pyridine and phenanthrene for company.
        foreach (string smiles in new[] { "c1cc2cccccc2c1", "c1ccc2cc[nH]c2c1", "c1ncc2nc[nH]c2n1", "n1ccccc1", "c1ccc2c(c1)ccc1ccccc12" })
        {
            var molecule = SmilesReader.Parse(smiles);
            var orders = KekuleForm.Orders(molecule);
            Assert.DoesNotContain(DepictionBondOrder.Aromatic, orders);
            var read = DrawingMolfile.Read(DrawingMolfile.Write(molecule, MoleculeLayout.Compute(molecule), orders, [], []));
            Assert.Equal(molecule.Atoms.Select(a => (a.IsAromatic, a.TotalHydrogens)), read.Atoms.Select(a => (a.IsAromatic, a.TotalHydrogens)));
        }
    }

    /// <summary>
    /// Ring double bonds whose second line is not inside a ring: for each double bond of a ring, its inner line's
    /// midpoint must lie closer than its main line's to the centre of a ring holding it (the centre estimated from
    /// the midpoints of all the ring's drawn bonds), and no ring double bond may be drawn as a symmetric pair.
    /// </summary>
    private static List<string> DoubleBondsNotInside(Molecule molecule, SvgPicture picture)
    {
        var groups = picture.BondGroups();
        var problems = new List<string>();
        var ringCentres = molecule.Rings.Select(ring =>
        {
            var mids = Enumerable.Range(0, ring.Count).Select(k => molecule.BondBetween(ring[k], ring[(k + 1) % ring.Count])!.Index)
                .Select(b => Midpoint(groups[b])).ToList();
            return new SKPoint(mids.Average(m => m.X), mids.Average(m => m.Y));
        }).ToList();

        foreach (var bond in molecule.Bonds.Where(b => b.IsInRing))
        {
            var group = groups[bond.Index];
            if ((string?)group.Attribute("class") != "bond double")
            {
                continue;
            }

            var inner = SvgPicture.Segment(group, "inner");
            var main = SvgPicture.Segment(group, "main");
            if (inner is null || main is null)
            {
                problems.Add($"ring bond {bond} is not drawn as a main line and an inner line");
                continue;
            }

            var innerMid = new SKPoint((float)((inner.Value.X1 + inner.Value.X2) / 2), (float)((inner.Value.Y1 + inner.Value.Y2) / 2));
            var mainMid = new SKPoint((float)((main.Value.X1 + main.Value.X2) / 2), (float)((main.Value.Y1 + main.Value.Y2) / 2));
            bool inside = Enumerable.Range(0, molecule.Rings.Count)
                .Where(r => molecule.Rings[r].Contains(bond.Begin) && molecule.Rings[r].Contains(bond.End))
                .Any(r => SKPoint.Distance(innerMid, ringCentres[r]) < SKPoint.Distance(mainMid, ringCentres[r]));
            double innerLength = Math.Sqrt(Math.Pow(inner.Value.X2 - inner.Value.X1, 2) + Math.Pow(inner.Value.Y2 - inner.Value.Y1, 2));
            double mainLength = Math.Sqrt(Math.Pow(main.Value.X2 - main.Value.X1, 2) + Math.Pow(main.Value.Y2 - main.Value.Y1, 2));
            if (!inside)
            {
                problems.Add($"the second line of ring bond {bond} is outside its rings");
            }

            if (innerLength >= mainLength)
            {
                problems.Add($"the second line of ring bond {bond} is not the shorter");
            }
        }

        return problems;
    }

    private static SKPoint Midpoint(XElement group)
    {
        var points = group.Elements(Svg + "line")
            .Where(l => (string?)l.Attribute("class") is "main" or "side" or null)
            .SelectMany(l => new[] { new SKPoint((float)SvgPicture.Number(l, "x1"), (float)SvgPicture.Number(l, "y1")), new SKPoint((float)SvgPicture.Number(l, "x2"), (float)SvgPicture.Number(l, "y2")) })
            .Concat(group.Elements(Svg + "polygon").SelectMany(p => p.Attribute("points")!.Value.Split(' ').Select(xy => xy.Split(','))
                .Select(xy => new SKPoint(float.Parse(xy[0], System.Globalization.CultureInfo.InvariantCulture), float.Parse(xy[1], System.Globalization.CultureInfo.InvariantCulture)))))
            .ToList();
        return new SKPoint(points.Average(p => p.X), points.Average(p => p.Y));
    }

    /// <summary>Bond lines that pass through the glyphs of a label (its ink box shrunk by a pixel).</summary>
    private static List<string> LinesIntoLabels(SvgPicture picture)
    {
        var problems = new List<string>();
        foreach (var (x1, y1, x2, y2) in picture.BondLines())
        {
            foreach (var label in picture.Labels)
            {
                var box = label.Box;
                box.Inflate(-1, -1);
                for (int k = 0; k <= 20; k++)
                {
                    double x = x1 + ((x2 - x1) * k / 20), y = y1 + ((y2 - y1) * k / 20);
                    if (box.Contains((float)x, (float)y))
                    {
                        problems.Add($"the line ({x1:0.#}, {y1:0.#})–({x2:0.#}, {y2:0.#}) runs into '{label.Text}' (node {label.Node})");
                        break;
                    }
                }
            }
        }

        return problems;
    }
}
