namespace TopoPool.Chemistry.Featurization;

/// <summary>A boolean feature: one column, 1 when the bool property is true, 0 otherwise.</summary>
/// <example><code>
/// [Flag(nameof(Atom.IsAromatic))]
/// public static partial FeatureSlot Aromatic { get; }
/// </code></example>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class FlagAttribute : Attribute
{
    /// <param name="property">The name of the bool property read (use <c>nameof</c>).</param>
    public FlagAttribute(string property)
    {
        Property = property;
    }

    public string Property { get; }
}
