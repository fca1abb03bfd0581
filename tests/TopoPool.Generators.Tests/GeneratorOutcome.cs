using Microsoft.CodeAnalysis;

namespace TopoPool.Generators.Tests;

/// <summary>What one generator run produced: the run result and the compilation with the generated sources.</summary>
internal sealed record GeneratorOutcome(GeneratorDriverRunResult RunResult, Compilation Output)
{
    public IReadOnlyList<Diagnostic> GeneratorDiagnostics => RunResult.Diagnostics;

    public IReadOnlyList<GeneratedSourceResult> Sources => RunResult.Results.SelectMany(r => r.GeneratedSources).ToList();

    /// <summary>The one generated source (fails when there is not exactly one).</summary>
    public string SingleSource => Assert.Single(Sources).SourceText.ToString();

    /// <summary>Errors and warnings of the compilation with the generated code, generator diagnostics excluded.</summary>
    public IReadOnlyList<Diagnostic> CompilerProblems =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
}
