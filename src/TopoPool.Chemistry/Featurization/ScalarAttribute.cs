namespace TopoPool.Chemistry.Featurization;

/// <summary>
/// A numeric feature: one column holding the value of a number property, optionally rescaled either by
/// <c>(value - Center) * Scale</c> or, when <see cref="Min"/> and <see cref="Max"/> are given, by
/// <c>(value - Min) / (Max - Min)</c> (not clamped). The two scalings cannot be combined.
/// </summary>
/// <example><code>
/// [Scalar(nameof(Residue.Hydrophobicity), Min = -4.5, Max = 4.5)]
/// public static partial FeatureSlot Hydrophobicity { get; }
/// </code></example>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class ScalarAttribute : Attribute
{
    /// <param name="property">The name of the number property read (use <c>nameof</c>).</param>
    public ScalarAttribute(string property)
    {
        Property = property;
    }

    public string Property { get; }

    /// <summary>Subtracted from the value before <see cref="Scale"/> is applied; 0 by default.</summary>
    public double Center { get; set; }

    /// <summary>Multiplies the centred value; 1 by default.</summary>
    public double Scale { get; set; } = 1.0;

    /// <summary>The value mapped to 0 (give <see cref="Max"/> too).</summary>
    public double Min { get; set; } = double.NaN;

    /// <summary>The value mapped to 1 (give <see cref="Min"/> too).</summary>
    public double Max { get; set; } = double.NaN;
}
