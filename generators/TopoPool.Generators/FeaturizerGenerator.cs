using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TopoPool.Generators.Model;

namespace TopoPool.Generators;

/// <summary>
/// Writes the code of every type marked <c>[AtomFeaturizer]</c> or <c>[ResidueFeaturizer]</c>: width, column
/// names, slots, and the methods that featurize one item, a list, and a molecule or protein.
/// </summary>
/// <remarks>
/// Pipeline: <c>ForAttributeWithMetadataName</c> → a value-equatable <see cref="FeaturizerResult"/> (tracked as
/// <see cref="TrackingNames.AtomFeaturizers"/> / <see cref="TrackingNames.ResidueFeaturizers"/>) → the emitted
/// source and diagnostics (<see cref="TrackingNames.AtomSources"/> / <see cref="TrackingNames.ResidueSources"/>) → output.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class FeaturizerGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        Register(context, WellKnownNames.AtomFeaturizerAttribute, FeaturizerKind.Atom, TrackingNames.AtomFeaturizers, TrackingNames.AtomSources);
        Register(context, WellKnownNames.ResidueFeaturizerAttribute, FeaturizerKind.Residue, TrackingNames.ResidueFeaturizers, TrackingNames.ResidueSources);
    }

    private static void Register(
        IncrementalGeneratorInitializationContext context, string attribute, FeaturizerKind kind, string modelStep, string sourceStep)
    {
        IncrementalValuesProvider<GeneratedFeaturizer> sources = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                attribute,
                static (node, _) => node is TypeDeclarationSyntax,
                (syntaxContext, cancellationToken) => FeaturizerModelBuilder.Build(syntaxContext, kind, cancellationToken))
            .WithTrackingName(modelStep)
            .Select(static (result, _) => FeaturizerEmitter.Emit(result))
            .WithTrackingName(sourceStep);

        context.RegisterSourceOutput(sources, static (production, generated) =>
        {
            foreach (DiagnosticInfo diagnostic in generated.Diagnostics)
            {
                production.ReportDiagnostic(FeaturizerDiagnostics.ToDiagnostic(diagnostic));
            }

            if (generated.HintName is not null)
            {
                production.AddSource(generated.HintName, generated.Source);
            }
        });
    }
}
