using FsCheck;
using FsCheck.Fluent;
using TopoPool.Chemistry;
using TopoPool.Chemistry.Smiles;
using TopoPool.Chemistry.Tables;
using TopoPool.Testing;
using TopoPool.Training.Reports;
using Xunit;

namespace TopoPool.Training.Tests.Reports;

/// <summary>The SMILES of a cluster's atoms: worked examples, and round trips through the SMILES reader.</summary>
public class SubstructureSmilesTests
{
    private const string Aspirin = "CC(=O)Oc1ccccc1C(=O)O";

    [Theory]
    [InlineData(Aspirin, new[] { 10, 11, 12 }, "C(=O)O")]
    [InlineData(Aspirin, new[] { 0, 1, 2, 3 }, "CC(=O)O")]
    [InlineData(Aspirin, new[] { 4, 5, 6, 7, 8, 9 }, "c1ccccc1")]
    [InlineData(Aspirin, new[] { 9, 10, 4 }, "ccC")]
    [InlineData(Aspirin, new[] { 0, 12 }, "C.O")]
    [InlineData("c1ccc2ccccc2c1", new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, "c1ccc2ccccc2c1")]
    [InlineData("C1CC1C1CC1", new[] { 0, 1, 2, 3, 4, 5 }, "C1CC1C1CC1")]
    [InlineData("c1ccc[nH]1", new[] { 0, 1, 2, 3, 4 }, "c1ccc[nH]1")]
    [InlineData("C[N+](=O)[O-]", new[] { 1, 2, 3 }, "[N+](=O)[O-]")]
    [InlineData("c1ccccc1-c1ccccc1", new[] { 5, 6 }, "c-c")]
    [InlineData("[13CH3]C#N", new[] { 0, 1, 2 }, "[13CH3]C#N")]
    [InlineData("CCO", new int[0], "")]
    public void A_cluster_is_written_as_its_atoms_and_the_bonds_among_them(string smiles, int[] atoms, string expected) =>
        Assert.Equal(expected, SubstructureSmiles.Write(SmilesReader.Parse(smiles), atoms));

    [Fact]
    public void An_atom_index_outside_the_molecule_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SubstructureSmiles.Write(SmilesReader.Parse("CCO"), [0, 3]));

    /// <summary>Every Caco2 molecule written whole reads back as the same atoms, hydrogens, bonds and rings.</summary>
    [Fact]
    public void Every_caco2_molecule_written_whole_reads_back_the_same()
    {
        var molecules = Caco2.Value;
        Assert.True(molecules.Count > 500, $"only {molecules.Count} Caco2 molecules were read");
        foreach (var molecule in molecules)
        {
            var written = SubstructureSmiles.Write(molecule, Enumerable.Range(0, molecule.AtomCount));
            Assert.True(SmilesReader.TryParse(written, out var back, out var error), $"{molecule.Smiles} was written as {written}, which does not read: {error?.Reason}");
            Assert.Equal(AtomKeys(molecule), AtomKeys(back!));
            Assert.Equal(BondKeys(molecule), BondKeys(back!));
            Assert.Equal(molecule.Rings.Count, back!.Rings.Count);
        }
    }

    /// <summary>
    /// Any connected set of non-aromatic atoms of a Caco2 molecule reads back with its atoms (element and charge), the
    /// bonds among them and as many rings as those bonds close.
    /// </summary>
    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property A_connected_aliphatic_cluster_reads_back_with_its_atoms_bonds_and_rings() =>
        Prop.ForAll(Gen.Choose(0, 100_000).ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), Gen.Choose(1, 12).ToArbitrary(), (pick, start, size) =>
        {
            var molecules = Caco2.Value;
            var molecule = molecules[pick % molecules.Count];
            var aliphatic = Enumerable.Range(0, molecule.AtomCount).Where(a => !molecule.Atoms[a].IsAromatic).ToList();
            if (aliphatic.Count == 0) return true;
            var cluster = GrowCluster(molecule, aliphatic[start % aliphatic.Count], size);
            var written = SubstructureSmiles.Write(molecule, cluster);
            if (!SmilesReader.TryParse(written, out var back, out _)) return false;
            var bonds = molecule.Bonds.Where(b => cluster.Contains(b.Begin) && cluster.Contains(b.End)).ToList();
            return back!.AtomCount == cluster.Count
                && back.Atoms.Select(a => (a.Symbol, a.FormalCharge)).Order().SequenceEqual(cluster.Select(a => (molecule.Atoms[a].Symbol, molecule.Atoms[a].FormalCharge)).Order())
                && back.Bonds.Select(b => b.Order).Order().SequenceEqual(bonds.Select(b => b.Order).Order())
                && back.Rings.Count == bonds.Count - cluster.Count + 1
                && !written.Contains('.');
        });

    /// <summary>Breadth-first from <paramref name="start"/> over non-aromatic atoms, up to <paramref name="size"/> atoms.</summary>
    private static HashSet<int> GrowCluster(Molecule molecule, int start, int size)
    {
        var cluster = new HashSet<int> { start };
        var queue = new Queue<int>([start]);
        while (queue.Count > 0 && cluster.Count < size)
        {
            foreach (int next in molecule.NeighboursOf(queue.Dequeue()).ToArray())
            {
                if (cluster.Count < size && !molecule.Atoms[next].IsAromatic && cluster.Add(next)) queue.Enqueue(next);
            }
        }
        return cluster;
    }

    private static List<(string, bool, int, int, int)> AtomKeys(Molecule m) =>
        m.Atoms.Select(a => (a.Symbol, a.IsAromatic, a.FormalCharge, a.Isotope, a.TotalHydrogens)).Order().ToList();

    private static List<(string, string, BondOrder)> BondKeys(Molecule m) =>
        m.Bonds.Select(b => (m.Atoms[b.Begin].Symbol, m.Atoms[b.End].Symbol) is var (x, y) && string.CompareOrdinal(x, y) <= 0 ? (x, y, b.Order) : (m.Atoms[b.End].Symbol, m.Atoms[b.Begin].Symbol, b.Order))
            .Order().ToList();

    private static readonly Lazy<IReadOnlyList<Molecule>> Caco2 = new(() =>
    {
        using var table = DelimitedTable.Open(SharedFolder.Path("data", "tdc", "caco2_wang.csv"));
        int column = table.ColumnIndex("Drug");
        var molecules = new List<Molecule>();
        foreach (TableRecord record in table.Read())
        {
            if (record.IsValid && SmilesReader.TryParse(SmilesFragments.Longest(record.Values[column]), out var molecule, out _)) molecules.Add(molecule!);
        }
        return molecules;
    });
}
