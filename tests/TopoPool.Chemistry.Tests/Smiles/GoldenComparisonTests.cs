using TopoPool.Chemistry.Smiles;
using TopoPool.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TopoPool.Chemistry.Tests.Smiles;

/// <summary>
/// Every Caco2 molecule must read exactly as RDKit 2022.09 reads it (golden/README.md), in its aromatic spelling
/// and in Kekulé form: same atom feature multiset, edge multiset and WL hash, with chiral tags 1 and 2 merged.
/// </summary>
public sealed class GoldenComparisonTests
{
    private readonly ITestOutputHelper output;

    public GoldenComparisonTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    [Fact]
    public void Summary_recomputed_from_golden_features_matches_the_stored_summary()
    {
        // Checks this test's WL hash against the golden file's own, before trusting any comparison with it.
        var golden = GoldenMolecule.Load("caco2_wang.rdkit.jsonl");
        Assert.Equal(910, golden.Count);
        foreach (var molecule in golden)
        {
            Assert.Null(molecule.Recompute(mergeChiralTags: false).DifferenceFrom(molecule.Summary));
        }
    }

    [Fact]
    public void Aromatic_spelling_matches_RDKit_for_every_molecule()
    {
        var golden = GoldenMolecule.Load("caco2_wang.rdkit.jsonl");
        var inputs = golden.Select(g => g.InputUsed).ToList();
        AssertAllMatch(golden, inputs, "aromatic");
    }

    [Fact]
    public void Kekule_spelling_matches_RDKit_for_every_molecule()
    {
        var golden = GoldenMolecule.Load("caco2_wang.kekule.rdkit.jsonl");
        var lines = File.ReadAllLines(SharedFolder.Path("golden", "caco2_wang.kekule.smi"));
        Assert.Equal(golden.Count, lines.Length);
        var inputs = new List<string>();
        for (int i = 0; i < lines.Length; i++)
        {
            string used = SmilesFragments.Longest(lines[i].Trim());
            Assert.Equal(golden[i].InputUsed, used);
            inputs.Add(used);
        }

        AssertAllMatch(golden, inputs, "Kekulé");
    }

    [Fact]
    public void Fragment_rule_picks_the_input_used_by_RDKit()
    {
        foreach (var molecule in GoldenMolecule.Load("caco2_wang.rdkit.jsonl"))
        {
            Assert.Equal(molecule.InputUsed, SmilesFragments.Longest(molecule.Smiles));
        }
    }

    private void AssertAllMatch(IReadOnlyList<GoldenMolecule> golden, IReadOnlyList<string> inputs, string spelling)
    {
        Assert.Equal(910, golden.Count);
        var failures = new List<string>();
        for (int i = 0; i < golden.Count; i++)
        {
            if (!SmilesReader.TryParse(inputs[i], out var molecule, out var error))
            {
                failures.Add($"line {golden[i].Line}: {inputs[i]}: {error.Reason}");
                continue;
            }

            string? difference = GraphSummary.Of(molecule, mergeChiralTags: true)
                .DifferenceFrom(golden[i].Recompute(mergeChiralTags: true));
            if (difference is not null)
            {
                failures.Add($"line {golden[i].Line}: {inputs[i]}: {difference}");
            }
        }

        output.WriteLine($"{spelling} spelling: {golden.Count - failures.Count} of {golden.Count} molecules match RDKit");
        foreach (string failure in failures.Take(40))
        {
            output.WriteLine(failure);
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {golden.Count} {spelling} molecules differ from RDKit:\n" + string.Join("\n", failures.Take(40)));
    }
}
