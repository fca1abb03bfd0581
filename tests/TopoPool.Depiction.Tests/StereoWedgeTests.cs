using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using TopoPool.Chemistry;
using TopoPool.Chemistry.Smiles;
using TopoPool.Depiction;
using Xunit;
using Xunit.Abstractions;

namespace TopoPool.Depiction.Tests;

/// <summary>
/// Wedges say what the input says: the drawing (2D coordinates, drawn hydrogens, solid and hashed wedges) written
/// as a molfile and read back by the Chemistry SDF reader gives every stereocentre the configuration of its chiral
/// tag, for the example drugs, for every stereo molecule of the Caco2 set, and for random inversions of their
/// centres.
/// </summary>
public partial class StereoWedgeTests(ITestOutputHelper output)
{
    private static readonly Lazy<List<string>> StereoDrugs = new(() => DepictionTestSupport.Caco2Smiles().Where(s => s.Contains('@')).ToList());

    [GeneratedRegex(@"\[[^\]]*?(@@?)(?![@TSOA])[^\]]*\]")]
    private static partial Regex ChiralAtom();

    /// <summary>What is wrong with the wedges of one molecule's drawing, as text; empty when every centre reads back right.</summary>
    private static List<string> WedgeProblems(string smiles)
    {
        var molecule = SmilesReader.Parse(smiles);
        var layout = MoleculeLayout.Compute(molecule);
        var (hydrogens, wedges) = StereoWedges.Choose(molecule, layout);
        var molfile = DrawingMolfile.Write(molecule, layout, KekuleForm.Orders(molecule), hydrogens, wedges);
        var read = DrawingMolfile.Read(molfile);
        var problems = new List<string>();
        foreach (var atom in molecule.Atoms.Where(a => a.ChiralTag is 1 or 2))
        {
            if (!wedges.Any(w => w.Centre == atom.Index))
            {
                problems.Add($"{smiles}: stereocentre {atom} has no wedge");
            }
            else if (!DrawingMolfile.SameConfiguration(molecule, read, atom.Index))
            {
                problems.Add($"{smiles}: stereocentre {atom} (tag {atom.ChiralTag}) reads back as tag {read.Atoms[atom.Index].ChiralTag}");
            }
        }

        foreach (var atom in read.Atoms.Where(a => a.ChiralTag is 1 or 2 && molecule.Atoms[a.Index].ChiralTag is not (1 or 2)))
        {
            problems.Add($"{smiles}: atom {atom} reads back as a stereocentre the input does not have");
        }

        return problems;
    }

    [Theory]
    [InlineData("N[C@@H](C)C(=O)O")]
    [InlineData("N[C@H](C)C(=O)O")]
    [InlineData("C[C@]12CC[C@H]3[C@@H](CCC4=CC(=O)CC[C@]34C)[C@@H]1CC[C@@H]2O")]
    [InlineData("OC[C@H]1O[C@@](CO)(O[C@H]2O[C@H](CO)[C@@H](O)[C@H](O)[C@H]2O)[C@@H](O)[C@@H]1O")]
    [InlineData("[K+].CC1([C@@H](N2[C@H](S1)[C@@H](C2=O)NC(=O)Cc3ccccc3)C(=O)[O-])C")]
    [InlineData("CC[C@@H]1[C@@]([C@@H]([C@H](C(=O)[C@@H](C[C@@]([C@@H]([C@H]([C@@H]([C@H](C(=O)O1)C)O[C@H]2C[C@@]([C@H]([C@@H](O2)C)O)(C)OC)C)O[C@H]3[C@@H]([C@H](C[C@H](O3)C)N(C)C)O)(C)O)C)C)O)(C)O")]
    [InlineData("C[C@@H]1CC[C@H]2C[C@@H]1O2")]
    public void The_wedges_of_a_drug_read_back_as_its_stereocentres(string smiles)
    {
        Assert.Empty(WedgeProblems(smiles));
    }

    [Fact]
    public void Every_stereo_drug_of_the_Caco2_set_reads_back_with_its_configurations()
    {
        var drugs = StereoDrugs.Value;
        Assert.True(drugs.Count > 100, $"only {drugs.Count} Caco2 molecules have stereocentres");
        var problems = drugs.SelectMany(WedgeProblems).ToList();
        output.WriteLine($"{drugs.Count} stereo drugs, {problems.Count} problems");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }

    [FsCheck.Xunit.Property(MaxTest = 150)]
    public Property Inverting_any_stereocentres_inverts_their_wedges() =>
        Prop.ForAll(
            Gen.Choose(0, 1_000_000).SelectMany(pick => Gen.ListOf(Gen.Elements(true, false)).Select(flips => (pick, flips))).ToArbitrary(),
            choice =>
            {
                var drugs = StereoDrugs.Value;
                string original = drugs[choice.pick % drugs.Count];
                int k = 0;
                string inverted = ChiralAtom().Replace(original, m =>
                {
                    bool flip = k < choice.flips.Count && choice.flips[k];
                    k++;
                    if (!flip)
                    {
                        return m.Value;
                    }

                    var mark = m.Groups[1];
                    string swapped = mark.Value == "@" ? "@@" : "@";
                    return m.Value[..(mark.Index - m.Index)] + swapped + m.Value[(mark.Index - m.Index + mark.Length)..];
                });
                var problems = WedgeProblems(inverted);
                return (problems.Count == 0).Label(inverted + ": " + string.Join("; ", problems));
            });

    [Fact]
    public void Ring_fusion_stereocentres_get_a_drawn_hydrogen()
    {
        // trans-Decalin: both fusion carbons carry a hydrogen and three ring bonds; each hydrogen is drawn and wedged.
        var molecule = SmilesReader.Parse("[C@@H]12CCCC[C@H]1CCCC2");
        var picture = ClusterPicture.ForMolecule(molecule, []);
        var svg = new SvgPicture(picture.ToSvg());
        var hydrogens = svg.Labels.Where(l => l.Node >= molecule.AtomCount).ToList();
        Assert.Equal(2, hydrogens.Count);
        Assert.All(hydrogens, h => Assert.Equal("H", h.Text));
        Assert.Equal(hydrogens.Select(h => h.Node).Order(), picture.Wedges.Select(w => w.Neighbour).Order());
        Assert.Empty(svg.OverlappingLabels());
    }

    [Fact]
    public void Every_stereocentre_of_a_steroid_is_wedged_and_the_angular_methyls_carry_the_wedges()
    {
        // Testosterone: C8, C9, C10, C13, C14 and C17; atoms 0 and 15 are the angular methyls on C13 and C10.
        var molecule = SmilesReader.Parse("C[C@]12CC[C@H]3[C@@H](CCC4=CC(=O)CC[C@]34C)[C@@H]1CC[C@@H]2O");
        var picture = ClusterPicture.ForMolecule(molecule, []);
        var svg = new SvgPicture(picture.ToSvg());
        Assert.Equal(6, svg.Root.Descendants(SvgPicture.Svg + "g").Count(g => ((string?)g.Attribute("class"))?.StartsWith("wedge ", StringComparison.Ordinal) == true));
        Assert.Equal(molecule.Atoms.Where(a => a.ChiralTag is 1 or 2).Select(a => a.Index), picture.Wedges.Select(w => w.Centre).Order());
        var wedged = picture.Wedges.Select(w => w.Neighbour).ToHashSet();
        Assert.Contains(0, wedged);
        Assert.Contains(15, wedged);
        Assert.Empty(svg.OverlappingLabels());
    }
}
