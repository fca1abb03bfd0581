using TopoPool.Chemistry.Proteins;
using TopoPool.Chemistry.Smiles;
using TopoPool.Depiction;
using TopoPool.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TopoPool.Depiction.Tests;

public class LayoutTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> DrugLikeMolecules => new()
    {
        { "aspirin", "CC(=O)Oc1ccccc1C(=O)O" },
        { "caffeine", "Cn1cnc2c1c(=O)n(C)c(=O)n2C" },
        { "ibuprofen", "CC(C)Cc1ccc(cc1)C(C)C(=O)O" },
        { "naphthalene", "c1ccc2ccccc2c1" },
        { "anthracene", "c1ccc2cc3ccccc3cc2c1" },
        { "phenanthrene", "c1ccc2c(c1)ccc1ccccc12" },
        { "pyrene (perifused)", "c1cc2ccc3cccc4ccc(c1)c2c34" },
        { "azulene", "c1ccc2cccc2cc1" },
        { "cholesterol (steroid)", "CC(C)CCCC(C)C1CCC2C1(CCC3C2CC=C4C3(CCC(C4)O)C)C" },
        { "estradiol", "CC12CCC3c4ccc(O)cc4CCC3C1CCC2O" },
        { "spiro[4.5]decane", "C1CCC2(C1)CCCCC2" },
        { "spironolactone", "CC(=O)SC1CC2=CC(=O)CCC2(C)C2CCC3(C)C(CCC34CCC(=O)O4)C12" },
        { "biphenyl", "c1ccc(cc1)-c1ccccc1" },
        { "diphenhydramine", "CN(C)CCOC(c1ccccc1)c1ccccc1" },
        { "cyclododecane", "C1CCCCCCCCCCC1" },
        { "benzonitrile", "N#Cc1ccccc1" },
        { "hex-2-yne", "CC#CCCC" },
        { "sodium acetate", "CC(=O)[O-].[Na+]" },
        { "imatinib", "Cc1ccc(NC(=O)c2ccc(CN3CCN(C)CC3)cc2)cc1Nc1nccc(-c2cccnc2)n1" },
        { "atorvastatin", "CC(C)c1c(C(=O)Nc2ccccc2)c(-c2ccccc2)c(-c2ccc(F)cc2)n1CCC(O)CC(O)CC(=O)O" },
        { "tert-butylbenzene", "CC(C)(C)c1ccccc1" },
        { "decane", "CCCCCCCCCC" },
    };

    [Theory]
    [MemberData(nameof(DrugLikeMolecules))]
    public void Drug_like_molecules_have_unit_bonds_regular_rings_and_room_between_atoms(string name, string smiles)
    {
        var graph = MoleculeGraph.FromSmiles(smiles);
        var positions = MoleculeLayout.Compute(graph);

        Assert.Equal(graph.AtomCount, positions.Length);
        Assert.All(positions, p => Assert.True(double.IsFinite(p.X) && double.IsFinite(p.Y), $"{name}: a coordinate is not finite"));
        var problems = DepictionTestSupport.GeometryProblems(graph, positions, minimumDistance: 0.6);
        Assert.True(problems.Count == 0, $"{name}: {string.Join("; ", problems)}");
    }

    [Fact]
    public void Caco2_molecules_pass_the_geometry_checks_and_the_simple_ones_always_do()
    {
        var smiles = DepictionTestSupport.Caco2Smiles();
        Assert.True(smiles.Count > 900, $"only {smiles.Count} molecules were read");
        int tested = 0, passed = 0, simple = 0;
        var failures = new List<string>();
        var simpleFailures = new List<string>();
        foreach (string s in smiles)
        {
            if (!SmilesReader.TryParse(s, out var molecule, out _))
            {
                continue;
            }

            tested++;
            var graph = MoleculeGraph.FromMolecule(molecule);
            var problems = DepictionTestSupport.GeometryProblems(graph, MoleculeLayout.Compute(graph));
            bool isSimple = !DepictionTestSupport.BridgedRings(graph).Any(b => b) && !DepictionTestSupport.HasAtomInThreeRings(graph);
            simple += isSimple ? 1 : 0;
            if (problems.Count == 0)
            {
                passed++;
            }
            else
            {
                failures.Add($"{s}: {problems[0]}");
                if (isSimple)
                {
                    simpleFailures.Add($"{s}: {string.Join("; ", problems)}");
                }
            }
        }

        output.WriteLine($"Caco2: {passed} of {tested} molecules pass ({100.0 * passed / tested:0.0}%); {simple} are simple (no bridged ring, no atom in three rings).");
        foreach (string failure in failures)
        {
            output.WriteLine("  " + failure);
        }

        Assert.True(tested > 900, $"only {tested} molecules could be parsed");
        Assert.True(passed >= 0.95 * tested, $"only {passed} of {tested} layouts pass");
        Assert.True(simpleFailures.Count == 0, string.Join("\n", simpleFailures));
    }

    [Fact]
    public void Chains_zig_zag_at_120_degrees_and_triple_bonds_are_straight()
    {
        var decane = MoleculeLayout.Compute(MoleculeGraph.FromSmiles("CCCCCCCCCC"));
        for (int i = 1; i + 1 < decane.Length; i++)
        {
            Assert.Equal(120, Angle(decane[i - 1], decane[i], decane[i + 1]), 1);
        }

        // A zig-zag: every other atom on the same side, so atoms i and i+2 are √3 apart and the chain does not curl.
        for (int i = 0; i + 2 < decane.Length; i++)
        {
            Assert.Equal(Math.Sqrt(3), Point2D.Distance(decane[i], decane[i + 2]), 3);
        }

        Assert.True(Point2D.Distance(decane[0], decane[^1]) > 7.5, "the chain curls back on itself");

        var hexyne = MoleculeLayout.Compute(MoleculeGraph.FromSmiles("CC#CCCC"));
        Assert.Equal(180, Angle(hexyne[0], hexyne[1], hexyne[2]), 1);
        Assert.Equal(180, Angle(hexyne[1], hexyne[2], hexyne[3]), 1);
    }

    [Fact]
    public void Fused_rings_share_an_edge_and_lie_on_opposite_sides_of_it()
    {
        var graph = MoleculeGraph.FromSmiles("c1ccc2ccccc2c1");
        var positions = MoleculeLayout.Compute(graph);
        Assert.Equal(2, graph.Rings.Count);
        var centres = graph.Rings.Select(r => Centre(positions, r)).ToArray();
        Assert.Equal(Math.Sqrt(3), Point2D.Distance(centres[0], centres[1]), 3);

        // Naphthalene is turned to lie flat: its long axis runs across.
        Assert.Equal(0, Math.Abs(centres[0].Y - centres[1].Y), 3);
    }

    [Fact]
    public void Spiro_rings_touch_at_their_one_shared_atom()
    {
        var graph = MoleculeGraph.FromSmiles("C1CCC2(C1)CCCCC2");
        var positions = MoleculeLayout.Compute(graph);
        var (five, six) = graph.Rings[0].Count == 5 ? (graph.Rings[0], graph.Rings[1]) : (graph.Rings[1], graph.Rings[0]);
        int shared = Assert.Single(five.Intersect(six));
        var c5 = Centre(positions, five);
        var c6 = Centre(positions, six);
        double r5 = 0.5 / Math.Sin(Math.PI / 5), r6 = 0.5 / Math.Sin(Math.PI / 6);

        // The spiro atom lies on the line between the two centres: the rings point away from each other.
        Assert.Equal(r5 + r6, Point2D.Distance(c5, c6), 3);
        Assert.Equal(r5, Point2D.Distance(c5, positions[shared]), 3);
    }

    [Fact]
    public void A_substituent_on_a_ring_points_straight_away_from_the_ring_centre()
    {
        var graph = MoleculeGraph.FromSmiles("Cc1ccccc1");
        var positions = MoleculeLayout.Compute(graph);
        var centre = Centre(positions, graph.Rings[0]);
        Assert.Equal(180, Angle(centre, positions[1], positions[0]), 1);
    }

    [Fact]
    public void Ring_systems_joined_by_a_chain_bond_are_placed_whole_with_the_bond_pointing_away_from_both()
    {
        var graph = MoleculeGraph.FromSmiles("c1ccc(cc1)-c1ccccc1");
        var positions = MoleculeLayout.Compute(graph);
        var bridge = graph.Bonds.Single(b => !graph.Rings.Any(r => r.Contains(b.Begin) && r.Contains(b.End)));
        var first = graph.Rings.Single(r => r.Contains(bridge.Begin));
        var second = graph.Rings.Single(r => r.Contains(bridge.End));
        Assert.Equal(180, Angle(Centre(positions, first), positions[bridge.Begin], positions[bridge.End]), 1);
        Assert.Equal(180, Angle(positions[bridge.Begin], positions[bridge.End], Centre(positions, second)), 1);
    }

    [Fact]
    public void Disconnected_fragments_are_set_side_by_side()
    {
        var graph = MoleculeGraph.FromSmiles("CC(=O)[O-].[Na+].c1ccccc1");
        var positions = MoleculeLayout.Compute(graph);
        double acetateRight = Enumerable.Range(0, 4).Max(i => positions[i].X);
        double benzeneLeft = Enumerable.Range(5, 6).Min(i => positions[i].X);
        Assert.True(positions[4].X > acetateRight + 1, "the sodium ion is not to the right of the acetate");
        Assert.True(benzeneLeft > positions[4].X + 1, "the benzene is not to the right of the sodium ion");
    }

    [Fact]
    public void Crowded_substituents_are_swung_apart()
    {
        // Neighbouring tert-butyl groups and a long ortho chain: without clash removal their atoms collide.
        foreach (string smiles in new[] { "CC(C)(C)c1cccc(C(C)(C)C)c1C(C)(C)C", "CCCCCCc1ccccc1CCCCCC", "OC(c1ccccc1)(c1ccccc1)c1ccccc1" })
        {
            var graph = MoleculeGraph.FromSmiles(smiles);
            var problems = DepictionTestSupport.GeometryProblems(graph, MoleculeLayout.Compute(graph), minimumDistance: 0.5);
            Assert.True(problems.Count == 0, $"{smiles}: {string.Join("; ", problems)}");
        }
    }

    [Fact]
    public void The_layout_is_deterministic()
    {
        var smiles = DepictionTestSupport.Caco2Smiles().Take(60).Append("CC12CCC3c4ccc(O)cc4CCC3C1CCC2O").ToArray();
        var first = smiles.Select(s => MoleculeLayout.Compute(MoleculeGraph.FromSmiles(s))).ToArray();
        var second = smiles.Reverse().Select(s => MoleculeLayout.Compute(MoleculeGraph.FromSmiles(s))).Reverse().ToArray();
        for (int i = 0; i < smiles.Length; i++)
        {
            Assert.Equal(first[i].ToArray(), second[i].ToArray());
        }
    }

    [Fact]
    public void Laying_out_the_whole_Caco2_set_takes_seconds_not_minutes()
    {
        var graphs = DepictionTestSupport.Caco2Smiles().Select(s => SmilesReader.TryParse(s, out var m, out _) ? MoleculeGraph.FromMolecule(m) : null).OfType<MoleculeGraph>().ToArray();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        foreach (var graph in graphs)
        {
            MoleculeLayout.Compute(graph);
        }

        output.WriteLine($"{graphs.Length} molecules laid out in {watch.ElapsedMilliseconds} ms");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"{graphs.Length} layouts took {watch.Elapsed}");
    }

    [Fact]
    public void The_layout_input_is_checked()
    {
        Assert.Throws<ArgumentException>(() => new MoleculeGraph(2, [new DepictionBond(0, 2)], [], ["C", "C"]));
        Assert.Throws<ArgumentException>(() => new MoleculeGraph(2, [], [], ["C"]));
        Assert.Throws<ArgumentException>(() => new MoleculeGraph(2, [], [[0, 1, 5]], ["C", "C"]));
        Assert.Empty(MoleculeLayout.Compute(new MoleculeGraph(0, [], [], [])));
        Assert.Equal(Point2D.Origin, Assert.Single(MoleculeLayout.Compute(new MoleculeGraph(1, [], [], ["Na"]))));
    }

    [Fact]
    public void Rings_given_out_of_order_are_walked_into_order()
    {
        // Benzene with its ring listed in a scrambled order still comes out as a regular hexagon.
        var bonds = Enumerable.Range(0, 6).Select(i => new DepictionBond(i, (i + 1) % 6, DepictionBondOrder.Aromatic)).ToArray();
        var graph = new MoleculeGraph(6, bonds, [[0, 2, 4, 1, 3, 5]], Enumerable.Repeat("C", 6).ToArray());
        var ordered = new MoleculeGraph(6, bonds, [[0, 1, 2, 3, 4, 5]], Enumerable.Repeat("C", 6).ToArray());
        Assert.Empty(DepictionTestSupport.GeometryProblems(ordered, MoleculeLayout.Compute(graph)));
    }

    [Fact]
    public void Residues_in_a_straight_3D_line_are_projected_one_unit_apart()
    {
        var residues = Enumerable.Range(0, 10).Select(i => new ResiduePosition('A', 1 + (i * 2.2), 5 - (i * 2.2), 3 + (i * 2.2))).ToArray();
        var positions = ResidueLayout.Compute(residues);
        for (int i = 0; i + 1 < positions.Length; i++)
        {
            Assert.Equal(1, Point2D.Distance(positions[i], positions[i + 1]), 6);
            Assert.Equal(0, positions[i].Y, 6);
        }
    }

    [Fact]
    public void A_flat_protein_is_projected_onto_its_own_plane()
    {
        // Residues on a tilted circle (3.8 Å apart, as along a chain): the projection keeps their shape.
        var normal = new[] { 1.0, 2.0, 2.0 }.Select(v => v / 3).ToArray();
        double[] u = [2.0 / 3, -2.0 / 3, 1.0 / 3], w = [normal[1] * u[2] - normal[2] * u[1], normal[2] * u[0] - normal[0] * u[2], normal[0] * u[1] - normal[1] * u[0]];
        int n = 24;
        double radius = 3.8 / (2 * Math.Sin(Math.PI / n));
        var residues = Enumerable.Range(0, n).Select(i =>
        {
            double a = 2 * Math.PI * i / n, cu = radius * Math.Cos(a), cw = radius * Math.Sin(a);
            return new ResiduePosition('A', 10 + (cu * u[0]) + (cw * w[0]), -4 + (cu * u[1]) + (cw * w[1]), 7 + (cu * u[2]) + (cw * w[2]));
        }).ToArray();
        var positions = ResidueLayout.Compute(residues);
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                double expected = Distance3D(residues[i], residues[j]) / 3.8;
                Assert.Equal(expected, Point2D.Distance(positions[i], positions[j]), 6);
            }
        }
    }

    [Fact]
    public void Crambin_is_laid_out_with_neighbouring_residues_about_one_unit_apart()
    {
        string path = SharedFolder.Path("data", "pdb", "1crn.pdb");
        Assert.True(File.Exists(path), $"missing data file {path}");
        var protein = PdbReader.ReadFile(path).Protein;
        var positions = ResidueLayout.Compute(protein);
        Assert.Equal(protein.Residues.Count, positions.Length);
        var steps = Enumerable.Range(0, positions.Length - 1).Select(i => Point2D.Distance(positions[i], positions[i + 1])).Order().ToArray();
        double median = steps[steps.Length / 2];
        Assert.InRange(median, 0.8, 1.25);
        double closest = Enumerable.Range(0, positions.Length).SelectMany(i => Enumerable.Range(i + 1, positions.Length - i - 1).Select(j => Point2D.Distance(positions[i], positions[j]))).Min();
        Assert.True(closest > 0.3, $"two residues are drawn {closest:0.00} apart");
        Assert.Equal(positions.ToArray(), ResidueLayout.Compute(protein).ToArray());
    }

    private static double Angle(Point2D a, Point2D vertex, Point2D b)
    {
        var u = a - vertex;
        var v = b - vertex;
        return Math.Acos(Math.Clamp(Point2D.Dot(u, v) / (u.Length * v.Length), -1, 1)) * 180 / Math.PI;
    }

    private static Point2D Centre(IReadOnlyList<Point2D> positions, IReadOnlyList<int> ring) =>
        new(ring.Average(a => positions[a].X), ring.Average(a => positions[a].Y));

    private static double Distance3D(ResiduePosition a, ResiduePosition b) =>
        Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)) + ((a.Z - b.Z) * (a.Z - b.Z)));
}
