namespace TopoPool.Generators.Model;

/// <summary>
/// The molecule (protein) type whose item list the whole-container methods featurize.
/// </summary>
/// <param name="TypeName">Fully qualified container type.</param>
/// <param name="ItemsProperty">The list property ("Atoms", "Residues").</param>
/// <param name="CountMember">"Length" or "Count" on that list.</param>
/// <param name="IsReferenceType">Whether a null check is emitted.</param>
/// <param name="HasToGraph">Whether the container has <c>ToGraph(FeatureMatrix)</c> returning a Core graph.</param>
internal sealed record ContainerModel(string TypeName, string ItemsProperty, string CountMember, bool IsReferenceType, bool HasToGraph);
