using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TopoPool.Generators;

namespace TopoPool.Readme.Tests;

/// <summary>
/// A C# block compiled as a reader would paste it into <c>dotnet new console</c> with the TopoPool packages: the
/// SDK's implicit usings, nullable on, the featurizer generator as an analyzer. A block with top-level statements is
/// a program; one without (a featurizer declaration) is a library.
/// </summary>
public static class CSharpSnippet
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    // What `dotnet new console` gets from ImplicitUsings.
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var framework = Basic.Reference.Assemblies.Net100.References.All.ToList();
        var frameworkNames = framework.Select(r => Path.GetFileNameWithoutExtension(r.FilePath ?? "")).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // The libraries and everything they bring (TorchSharp, FSharp.Core, Sep, Parquet.Net ...), as a package reference would.
        var packages = Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
            .Where(p => !frameworkNames.Contains(Path.GetFileNameWithoutExtension(p)))
            .Where(p => !Path.GetFileName(p).StartsWith("TopoPool.Readme.Tests", StringComparison.Ordinal))
            .Where(IsManaged)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        return [.. framework, .. packages];
    });

    /// <summary>Compiles the block; the diagnostics are every error and warning, each with its README line.</summary>
    public static (Compilation Compilation, IReadOnlyList<string> Problems) Compile(ReadmeBlock block)
    {
        var code = CSharpSyntaxTree.ParseText(block.Code, ParseOptions, "README.md");
        bool program = code.GetCompilationUnitRoot().Members.OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().Any();
        var compilation = CSharpCompilation.Create(
            "ReadmeSnippet" + block.Line,
            [code, CSharpSyntaxTree.ParseText(ImplicitUsings, ParseOptions, "ImplicitUsings.cs")],
            References.Value,
            new CSharpCompilationOptions(program ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable)
                // The SDK's default NoWarn: references compiled against an older framework (TorchSharp targets net8.0).
                .WithSpecificDiagnosticOptions([new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]));
        CSharpGeneratorDriver.Create([new FeaturizerGenerator().AsSourceGenerator()], parseOptions: ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
        var problems = generatorDiagnostics.Concat(generated.GetDiagnostics())
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => Describe(block, d))
            .ToList();
        return (generated, problems);
    }

    /// <summary>Runs a compiled program and returns what it printed.</summary>
    public static string Run(Compilation compilation)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success) throw new InvalidOperationException(string.Join('\n', emitted.Diagnostics));
        var entry = Assembly.Load(image.ToArray()).EntryPoint ?? throw new InvalidOperationException("the block is not a program");
        var printed = new StringWriter();
        var console = Console.Out;
        Console.SetOut(printed);
        try
        {
            entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
        }
        finally
        {
            Console.SetOut(console);
        }

        return printed.ToString().Replace("\r\n", "\n");
    }

    private static string Describe(ReadmeBlock block, Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        string where = span.Path == "README.md" ? $"README.md line {block.Line + span.StartLinePosition.Line}" : span.Path;
        return $"{where}: {d.Id} {d.GetMessage()}";
    }

    private static bool IsManaged(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
