using TopoPool.Chemistry.Smiles;
using TopoPool.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TopoPool.Chemistry.Tests.Molecules;

public sealed class MurckoScaffoldTests
{
    private readonly ITestOutputHelper output;

    public MurckoScaffoldTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    private static string KeyOf(string smiles) => MurckoScaffold.Of(SmilesReader.Parse(smiles)).Key;

    [Theory]
    [InlineData("Cc1ccccc1", "c1ccccc1")]
    [InlineData("CCCc1ccccc1CC", "c1ccccc1")]
    [InlineData("O=C1CCCC1CC(=O)c1ccccc1", "O=C(CC1CCCC1=O)c1ccccc1")]
    [InlineData("N=C1CCCC1C", "N=C1CCCC1")]
    [InlineData("CC=C1CCCC1", "C=C1CCCC1")]
    [InlineData("O=C=C1CC1", "C=C1CC1")]
    [InlineData("CP(=O)(C1CC1)C1CC1", "O=P(C1CC1)C1CC1")]
    [InlineData("C[N+]1=CC=CC=C1", "c1cc[nH+]cc1")]
    [InlineData("c1ccccc1[N+](=O)[O-]", "c1ccccc1")]
    [InlineData("N#CC1CC1C#N", "C1CC1")]
    [InlineData("CC(=O)[O-].c1ccccc1CCc1ccccc1", "c1ccc(CCc2ccccc2)cc1")]
    [InlineData("C[C@H]1CC[C@@H](C)CC1", "C1CCCCC1")]
    public void Scaffold_matches_the_one_RDKit_writes(string smiles, string rdkitScaffold)
    {
        Assert.Equal(KeyOf(rdkitScaffold), KeyOf(smiles));
    }

    [Theory]
    [InlineData("CCC")]
    [InlineData("CC(=O)O")]
    [InlineData("C=CC=C")]
    public void Acyclic_molecules_have_the_empty_scaffold(string smiles)
    {
        var scaffold = MurckoScaffold.Of(SmilesReader.Parse(smiles));
        Assert.True(scaffold.IsEmpty);
        Assert.Equal(string.Empty, scaffold.Key);
    }

    [Theory]
    [InlineData("c1ccc(cc1)C(=O)Nc1ccncc1", "O=C(Nc1ccncc1)c1ccccc1")]
    [InlineData("c1ccc(cc1)C(=O)Nc1ccncc1", "n1ccc(NC(=O)c2ccccc2)cc1")]
    [InlineData("c1ccc2ccccc2c1", "C1=CC=C2C=CC=CC2=C1")]
    [InlineData("O=c1cc[nH]cc1", "O=C1C=CNC=C1")]
    [InlineData("C1CC2CCC1C2", "C1CC2CC1CC2")]
    [InlineData("c1ccc(-c2ccncc2)cc1", "C1=CC(=CC=N1)C1=CC=CC=C1")]
    public void Same_scaffold_written_differently_gets_the_same_key(string first, string second)
    {
        Assert.Equal(KeyOf(first), KeyOf(second));
    }

    [Theory]
    [InlineData("c1ccccc1", "c1ccncc1")]
    [InlineData("c1ccccc1", "C1CCCCC1")]
    [InlineData("c1ccc(cc1)Cc1ccccc1", "c1ccc(cc1)CCc1ccccc1")]
    [InlineData("Cc1ccc(C)c(Cc2ccccc2)c1", "c1ccc(cc1)Cc1ccccn1")]
    [InlineData("c1ccc2ccccc2c1", "c1ccc(cc1)-c1ccccc1")]
    [InlineData("O=C1CCCC1", "C1CCCC1")]
    [InlineData("C[n+]1ccccc1", "c1ccncc1")]
    [InlineData("C1CCC2CCCC2C1", "C1CCC(CC1)C1CCCC1")]
    public void Different_scaffolds_get_different_keys(string first, string second)
    {
        Assert.NotEqual(KeyOf(first), KeyOf(second));
    }

    [Fact]
    public void Key_does_not_depend_on_atom_order()
    {
        // The same scaffold written from every atom in turn: ring starts rotate the atom order.
        string[] spellings =
        [
            "O=C(Nc1ccc2[nH]ccc2c1)C1CCN(Cc2ccccc2)CC1",
            "C1CN(CCC1C(=O)Nc1ccc2[nH]ccc2c1)Cc1ccccc1",
            "c1ccc(CN2CCC(CC2)C(=O)Nc2ccc3[nH]ccc3c2)cc1",
            "[nH]1ccc2cc(NC(=O)C3CCN(Cc4ccccc4)CC3)ccc21",
            "N(C(=O)C1CCN(Cc2ccccc2)CC1)c1ccc2[nH]ccc2c1",
        ];
        var keys = spellings.Select(KeyOf).Distinct().ToList();
        Assert.Single(keys);
    }

    [Theory]
    [InlineData("caco2_wang")]
    [InlineData("ppbr_az")]
    public void Keys_agree_with_the_RDKit_scaffold_column(string dataset)
    {
        string path = SharedFolder.Path("data", "tdc", "admet_group_reconstructed", dataset, "rows.csv");
        var rows = CsvRows.Read(path);
        Assert.NotEmpty(rows);
        var mismatches = new List<string>();
        var ourGroups = new Dictionary<string, HashSet<string>>();
        var theirGroups = new Dictionary<string, HashSet<string>>();
        foreach (var row in rows)
        {
            string smiles = row["Drug"];
            string rdkitScaffold = row["scaffold"];
            string ours = KeyOf(smiles);
            string theirs = rdkitScaffold.Length == 0 ? string.Empty : KeyOf(rdkitScaffold);
            if (ours != theirs)
            {
                mismatches.Add($"{smiles}: RDKit scaffold {rdkitScaffold}");
            }

            Group(ourGroups, ours, smiles);
            Group(theirGroups, rdkitScaffold, smiles);
        }

        output.WriteLine($"{dataset}: {rows.Count - mismatches.Count} of {rows.Count} scaffold keys agree with RDKit");
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(20)));

        // The grouping the scaffold split uses is the same as grouping by RDKit's scaffold SMILES.
        var byKey = rows.GroupBy(r => KeyOf(r["Drug"])).Where(g => g.Select(r => r["scaffold"]).Distinct().Count() > 1);
        foreach (var g in byKey)
        {
            output.WriteLine("one key, several RDKit scaffolds: " + string.Join("  ", g.Select(r => r["scaffold"]).Distinct()));
        }

        Assert.Equal(theirGroups.Count, ourGroups.Count);
    }

    private static void Group(Dictionary<string, HashSet<string>> groups, string key, string smiles)
    {
        if (!groups.TryGetValue(key, out var members))
        {
            groups[key] = members = new HashSet<string>();
        }

        members.Add(smiles);
    }
}
