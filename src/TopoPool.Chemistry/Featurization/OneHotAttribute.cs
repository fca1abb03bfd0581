namespace TopoPool.Chemistry.Featurization;

/// <summary>
/// A one-hot feature: one column per listed value of a property of the atom (residue), set when the
/// property equals that value. The property may be a string, char, bool, integer or enum; the values must
/// be constants of that type (enum members may also be named by string) and must not repeat.
/// </summary>
/// <example><code>
/// [OneHot(nameof(Atom.Degree), 0, 1, 2, 3, 4, 5, Unknown = UnknownValues.LastSlot)]
/// public static partial FeatureSlot Degree { get; }
/// </code></example>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class OneHotAttribute : Attribute
{
    /// <param name="property">The name of the property read (use <c>nameof</c>).</param>
    /// <param name="values">The values, one column each, in column order.</param>
    public OneHotAttribute(string property, params object[] values)
    {
        Property = property;
        Values = values;
    }

    public string Property { get; }

    public IReadOnlyList<object> Values { get; }

    /// <summary>What happens to a value not listed; <see cref="UnknownValues.NoSlot"/> by default.</summary>
    public UnknownValues Unknown { get; set; }

    /// <summary>The name of the extra column with <see cref="UnknownValues.ExtraSlot"/>; "unknown" by default.</summary>
    public string UnknownName { get; set; } = "unknown";
}
