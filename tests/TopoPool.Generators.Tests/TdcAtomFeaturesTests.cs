using TopoPool.Chemistry.Featurization;
using TopoPool.Testing;

namespace TopoPool.Generators.Tests;

/// <summary>The built-in TDC schema, as the real build generated it into TopoPool.Chemistry.</summary>
public class TdcAtomFeaturesTests
{
    private static readonly string[] Elements =
        ["C", "N", "O", "S", "F", "Si", "P", "Cl", "Br", "Mg", "Na", "Ca", "Fe", "Al", "I", "B", "K", "Se", "Zn", "H", "Cu", "Mn"];

    [Fact]
    public void Width_is_39()
    {
        const int width = TdcAtomFeatures.Width; // a compile-time constant
        Assert.Equal(39, width);
        Assert.Equal(39, TdcAtomFeatures.FeatureNames.Length);
    }

    [Fact]
    public void Slots_follow_benchmark_order()
    {
        Assert.Equal(
            new[]
            {
                new FeatureSlot("Element", 0, 23),
                new FeatureSlot("Degree", 23, 6),
                new FeatureSlot("FormalCharge", 29, 5),
                new FeatureSlot("ChiralTag", 34, 4),
                new FeatureSlot("Aromatic", 38, 1),
            },
            TdcAtomFeatures.Slots.ToArray());
        Assert.Equal(TdcAtomFeatures.FormalCharge, TdcAtomFeatures.Slots[2]);
    }

    [Fact]
    public void Names_spell_every_column()
    {
        string[] expected =
        [
            .. Elements.Select(e => "Element=" + e), "Element=unknown",
            .. Enumerable.Range(0, 6).Select(d => "Degree=" + d),
            "FormalCharge=-1", "FormalCharge=-2", "FormalCharge=1", "FormalCharge=2", "FormalCharge=0",
            .. Enumerable.Range(0, 4).Select(t => "ChiralTag=" + t),
            "Aromatic",
        ];
        Assert.Equal(expected, TdcAtomFeatures.FeatureNames.ToArray());
    }

    [Fact]
    public void Generated_code_sends_unlisted_values_where_TDC_does()
    {
        // Regenerate the shipped schema from its source file and read the switches: unknown symbols go to the
        // extra "unknown" column 22, degrees above 5 to column 28, charges outside -2..2 to the "0" column 33.
        string source = File.ReadAllText(Path.Combine(SharedFolder.RepositoryRoot, "src", "TopoPool.Chemistry", "Featurization", "TdcAtomFeatures.cs"));
        GeneratorOutcome outcome = GeneratorHarness.Run(source);
        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Equal("TopoPool.Chemistry.Featurization.TdcAtomFeatures.Featurizer.g.cs", Path.GetFileName(Assert.Single(outcome.Sources).HintName));
        string generated = outcome.SingleSource;
        Assert.Contains("\"Mn\" => 21,\n                _ => 22,", generated, StringComparison.Ordinal);
        Assert.Contains("5 => 28,\n                _ => 28,", generated, StringComparison.Ordinal);
        Assert.Contains("-1 => 29,\n                -2 => 30,\n                1 => 31,\n                2 => 32,\n                0 => 33,\n                _ => 33,", generated, StringComparison.Ordinal);
        Assert.Contains("3 => 37,\n                _ => 37,", generated, StringComparison.Ordinal);
        Assert.Contains("if (atom.IsAromatic)\n        {\n            row[38] = 1f;", generated, StringComparison.Ordinal);
        Assert.Contains("public static global::TopoPool.Core.Graph ToGraph(global::TopoPool.Chemistry.Molecule molecule) =>", generated, StringComparison.Ordinal);
    }
}
