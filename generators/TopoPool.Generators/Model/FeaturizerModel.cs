namespace TopoPool.Generators.Model;

/// <summary>Everything the emitter needs about one featurizer type, as values only.</summary>
/// <param name="Namespace">The namespace, or "" for the global namespace.</param>
/// <param name="ContainingTypes">Enclosing types, outermost first, then the featurizer type itself.</param>
/// <param name="HintName">Deterministic hint name, <c>Ns.Type.Featurizer.g.cs</c>.</param>
/// <param name="ItemType">Fully qualified atom (residue) type.</param>
/// <param name="Container">The molecule (protein) type, when there is one.</param>
/// <param name="HasCoreTypes">Whether TopoPool.Core (FeatureMatrix, Graph) is referenced.</param>
internal sealed record FeaturizerModel(
    FeaturizerKind Kind,
    string Namespace,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string HintName,
    string ItemType,
    bool ItemIsReferenceType,
    ContainerModel? Container,
    bool HasCoreTypes,
    EquatableArray<FeatureModel> Features,
    int Width);
