using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TopoPool.Generators.Tests;

/// <summary>The pipeline is incremental: edits that do not touch a featurizer leave its steps cached.</summary>
public class IncrementalCachingTests
{
    private const string Featurizer = """
        using TopoPool.Chemistry.Featurization;
        using Snippets;

        namespace Snippets.Features;

        [AtomFeaturizer(typeof(TestAtom))]
        public static partial class CachedFeatures
        {
            [OneHot(nameof(TestAtom.Charge), -1, 0, 1)]
            public static partial FeatureSlot Charge { get; }

            [Flag(nameof(TestAtom.Aromatic))]
            public static partial FeatureSlot Aromatic { get; }
        }

        public static class Neighbour
        {
            public static int Answer() => 41;
        }
        """;

    private static readonly string[] Steps = [TrackingNames.AtomFeaturizers, TrackingNames.AtomSources];

    [Fact]
    public void Adding_an_unrelated_file_leaves_every_step_cached()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = RunOnce();
        CSharpCompilation edited = compilation.AddSyntaxTrees(GeneratorHarness.Parse("namespace Other; public class Unrelated { }", "Unrelated.cs"));

        GeneratorRunResult result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertAllOutputs(result, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Editing_another_type_in_the_same_file_leaves_the_model_unchanged()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = RunOnce();
        SyntaxTree old = compilation.SyntaxTrees.First();
        SyntaxTree changed = old.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(Featurizer.Replace("=> 41", "=> 42", StringComparison.Ordinal)));

        GeneratorRunResult result = driver.RunGenerators(compilation.ReplaceSyntaxTree(old, changed)).GetRunResult().Results.Single();

        // The transform ran again on the edited file and produced an equal model; nothing downstream re-ran.
        Assert.Contains(result.TrackedSteps[TrackingNames.AtomFeaturizers].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Unchanged);
        AssertAllOutputs(result, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void Changing_the_schema_modifies_the_steps()
    {
        // The control that shows the two tests above can fail: a real schema edit is not cached.
        (GeneratorDriver driver, CSharpCompilation compilation) = RunOnce();
        SyntaxTree old = compilation.SyntaxTrees.First();
        SyntaxTree changed = old.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(Featurizer.Replace("-1, 0, 1", "-1, 0, 1, 2", StringComparison.Ordinal)));

        GeneratorRunResult result = driver.RunGenerators(compilation.ReplaceSyntaxTree(old, changed)).GetRunResult().Results.Single();

        foreach (string step in Steps)
        {
            Assert.Contains(result.TrackedSteps[step].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        }

        Assert.Contains("public const int Width = 5;", result.GeneratedSources.Single().SourceText.ToString());
    }

    [Fact]
    public void Changing_the_atom_type_in_another_file_is_seen()
    {
        // Caching must not hide semantic changes: the featurizer's file is untouched, the property it reads is renamed.
        (GeneratorDriver driver, CSharpCompilation compilation) = RunOnce();
        SyntaxTree types = compilation.SyntaxTrees.Single(t => t.FilePath == "Types.cs");
        SyntaxTree renamed = types.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            Snippets.TestTypes.Replace("public bool Aromatic", "public bool IsAromatic", StringComparison.Ordinal)));

        GeneratorRunResult result = driver.RunGenerators(compilation.ReplaceSyntaxTree(types, renamed)).GetRunResult().Results.Single();

        Assert.Equal("TP001", Assert.Single(result.Diagnostics).Id);
        Assert.Contains(result.TrackedSteps[TrackingNames.AtomFeaturizers].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
    }

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) RunOnce()
    {
        CSharpCompilation compilation = GeneratorHarness.Compilation(
            [GeneratorHarness.Parse(Featurizer, "Featurizer.cs"), GeneratorHarness.Parse(Snippets.TestTypes, "Types.cs")]);
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        GeneratorRunResult first = driver.GetRunResult().Results.Single();
        Assert.Empty(first.Diagnostics);
        Assert.Single(first.GeneratedSources);
        return (driver, compilation);
    }

    private static void AssertAllOutputs(GeneratorRunResult result, params IncrementalStepRunReason[] allowed)
    {
        foreach (string step in Steps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"step {step} was not tracked");
            Assert.All(
                result.TrackedSteps[step].SelectMany(s => s.Outputs),
                output => Assert.Contains(output.Reason, allowed));
        }
    }
}
