using TopoPool.Chemistry;
using TopoPool.Chemistry.Proteins;
using TopoPool.Chemistry.Smiles;
using TopoPool.Depiction;
using TopoPool.Testing;

namespace TopoPool.Depiction.Tests;

/// <summary>
/// The molecules and proteins whose pictures a chemist compares with RDKit's drawings of the same structures: a
/// steroid, a macrocycle, charged and stereo-rich drugs, sugars, and proteins of 46, 330 and 500 residues. Each
/// comes with a few clusters, as the pooling layer would find them, so that the highlights can be judged too.
/// </summary>
internal static class ExamplePictures
{
    /// <summary>The folder the example pictures are written to (SVG and PNG side by side).</summary>
    public static string Folder { get; } = Path.Combine(Path.GetTempPath(), "topopool-depiction-examples");

    public static IReadOnlyList<(string Name, string Smiles)> Molecules { get; } =
    [
        ("testosterone", "C[C@]12CC[C@H]3[C@@H](CCC4=CC(=O)CC[C@]34C)[C@@H]1CC[C@@H]2O"),
        ("erythromycin", "CC[C@@H]1[C@@]([C@@H]([C@H](C(=O)[C@@H](C[C@@]([C@@H]([C@H]([C@@H]([C@H](C(=O)O1)C)O[C@H]2C[C@@]([C@H]([C@@H](O2)C)O)(C)OC)C)O[C@H]3[C@@H]([C@H](C[C@H](O3)C)N(C)C)O)(C)O)C)C)O)(C)O"),
        ("penicillin-g-potassium", "[K+].CC1([C@@H](N2[C@H](S1)[C@@H](C2=O)NC(=O)Cc3ccccc3)C(=O)[O-])C"),
        ("sucrose", "OC[C@H]1O[C@@](CO)(O[C@H]2O[C@H](CO)[C@@H](O)[C@H](O)[C@H]2O)[C@@H](O)[C@@H]1O"),
        ("paclitaxel", "CC1=C2[C@@]([C@]([C@H]([C@@H]3[C@]4([C@H](OC4)C[C@@H]([C@]3(C(=O)[C@@H]2OC(=O)C)C)O)OC(=O)C)OC(=O)c5ccccc5)(C[C@@H]1OC(=O)[C@H](O)[C@@H](NC(=O)c6ccccc6)c7ccccc7)O)(C)C"),
        ("metronidazole", "Cc1ncc([N+](=O)[O-])n1CCO"),
        ("aspirin", "CC(=O)Oc1ccccc1C(=O)O"),
        ("caffeine", "Cn1cnc2c1c(=O)n(C)c(=O)n2C"),
        ("nitrobenzene", "c1ccccc1[N+](=O)[O-]"),
        ("phenol", "Oc1ccccc1"),
        ("methane", "C"),
        ("tamoxifen", "CC/C(=C(\\c1ccccc1)/c1ccc(OCCN(C)C)cc1)/c1ccccc1"),
        ("sulfamethoxazole", "Cc1cc(NS(=O)(=O)c2ccc(N)cc2)no1"),
        ("acetylcholine", "CC(=O)OCC[N+](C)(C)C"),
        ("glucose-6-phosphate", "O[C@H]1[C@H](O)[C@@H](COP(=O)([O-])[O-])O[C@H](O)[C@@H]1O"),
        ("ibuprofen", "CC(C)Cc1ccc(cc1)[C@@H](C)C(=O)O"),
        ("morphine", "CN1CC[C@]23c4c5ccc(O)c4O[C@H]2[C@@H](O)C=C[C@H]3[C@H]1C5"),
        ("cyclosporin-fragment", "CC[C@H]1C(=O)N(CC(=O)N([C@H](C(=O)N[C@H](C(=O)N([C@H](C(=O)N1)[C@@H]([C@H](C)C/C=C/C)O)C)C(C)C)CC(C)C)C)C"),
    ];

    /// <summary>A picture of a molecule with three clusters: a ring, a stretch next to it, and the last heavy atoms.</summary>
    public static ClusterPicture ForMolecule(string name, string smiles)
    {
        var molecule = SmilesReader.Parse(smiles);
        return ClusterPicture.ForMolecule(molecule, ClustersOf(molecule), name, "0.87 (permeable)");
    }

    public static IReadOnlyList<DepictionCluster> ClustersOf(Molecule molecule)
    {
        if (molecule.AtomCount < 6)
        {
            return [new DepictionCluster(Enumerable.Range(0, molecule.AtomCount).ToArray(), 0, 0.6)];
        }

        var clusters = new List<DepictionCluster>();
        if (molecule.Rings.Count > 0)
        {
            var ring = molecule.Rings[0];
            clusters.Add(new DepictionCluster(ring.ToArray(), ring[0], 0.9));
        }

        int n = molecule.AtomCount;
        var middle = Enumerable.Range(n / 3, Math.Max(3, n / 6)).ToArray();
        clusters.Add(new DepictionCluster(middle, middle[middle.Length / 2], 0.5));
        var tail = Enumerable.Range(n - Math.Max(3, n / 8), Math.Max(3, n / 8)).ToArray();
        clusters.Add(new DepictionCluster(tail, tail[0], 0.25));
        return clusters;
    }

    public static IReadOnlyList<(string Name, Protein Protein)> Proteins()
    {
        string folder = SharedFolder.Path("data", "pdb");
        return
        [
            ("crambin-1crn", PdbReader.ReadFile(Path.Combine(folder, "1crn.pdb")).Protein),
            ("barnase-1bni-330", PdbReader.ReadFile(Path.Combine(folder, "1bni.pdb")).Protein),
            ("synthetic-500", PdbReader.Parse(SyntheticPdb.Text(SyntheticProtein.Globule(500))).Protein),
        ];
    }

    /// <summary>Clusters of ten consecutive residues every forty, and one that shares residues with the first.</summary>
    public static IReadOnlyList<DepictionCluster> ClustersOf(Protein protein)
    {
        int n = protein.Residues.Count;
        var clusters = new List<DepictionCluster>();
        for (int start = 0, k = 0; start + 10 <= n && k < 8; start += 40, k++)
        {
            clusters.Add(new DepictionCluster(Enumerable.Range(start, 10).ToArray(), start + 5, 1.0 - (k * 0.1)));
        }

        if (n >= 15)
        {
            clusters.Add(new DepictionCluster(Enumerable.Range(7, 8).ToArray(), 11, 0.45));
        }

        return clusters;
    }
}
