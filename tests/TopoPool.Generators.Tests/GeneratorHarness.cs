using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using TopoPool.Chemistry.Featurization;

namespace TopoPool.Generators.Tests;

/// <summary>
/// Drives <see cref="FeaturizerGenerator"/> over in-memory snippets: parses them (stripping one <c>[|...|]</c>
/// marker that names an expected diagnostic span), runs the generator with step tracking, and can emit and
/// load the resulting assembly.
/// </summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LibraryReferences = new(() =>
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(FeatureSlot).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(TopoPool.Core.Graph).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.FSharp.Core.Unit).Assembly.Location),
    ]);

    /// <summary>Reference assemblies only: for snippets that declare look-alike attributes themselves.</summary>
    public static ImmutableArray<MetadataReference> FrameworkOnly { get; } = [.. Basic.Reference.Assemblies.Net100.References.All];

    /// <summary>The framework, TopoPool.Chemistry, TopoPool.Core and FSharp.Core.</summary>
    public static ImmutableArray<MetadataReference> WithLibrary => LibraryReferences.Value;

    public static CSharpCompilation Compilation(IEnumerable<SyntaxTree> trees, IEnumerable<MetadataReference>? references = null) =>
        CSharpCompilation.Create(
            "Snippet" + Guid.NewGuid().ToString("N"),
            trees,
            references ?? WithLibrary,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static SyntaxTree Parse(string source, string path = "Snippet.cs") =>
        CSharpSyntaxTree.ParseText(source, ParseOptions, path);

    /// <summary>Removes the first <c>[|...|]</c> marker and returns the text and the marked span.</summary>
    public static (string Source, TextSpan Span) Unmark(string marked)
    {
        int start = marked.IndexOf("[|", StringComparison.Ordinal);
        int end = marked.IndexOf("|]", start + 2, StringComparison.Ordinal);
        if (start < 0 || end < 0)
        {
            throw new ArgumentException("the snippet has no [|...|] marker", nameof(marked));
        }

        string source = marked.Remove(end, 2).Remove(start, 2);
        return (source, TextSpan.FromBounds(start, end - 2));
    }

    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            [new FeaturizerGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorOutcome Run(params string[] sources) => Run(WithLibrary, sources);

    public static GeneratorOutcome Run(IEnumerable<MetadataReference> references, params string[] sources)
    {
        CSharpCompilation compilation = Compilation(sources.Select((s, i) => Parse(s, $"Snippet{i}.cs")), references);
        GeneratorDriver driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        return new GeneratorOutcome(driver.GetRunResult(), output);
    }

    /// <summary>Emits the compilation (failing with its errors if any) and loads it.</summary>
    public static Assembly EmitAndLoad(Compilation compilation)
    {
        using var stream = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return Assembly.Load(stream.ToArray());
    }
}
