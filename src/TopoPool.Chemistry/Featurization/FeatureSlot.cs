namespace TopoPool.Chemistry.Featurization;

/// <summary>
/// Where one declared feature lives in a featurizer's row: its name, its first column and its number of
/// columns. The generator implements every feature property of a featurizer to return its slot.
/// </summary>
/// <param name="Name">The feature's name: the name of the property that declares it.</param>
/// <param name="Offset">The first column of the feature.</param>
/// <param name="Width">The number of columns (one per one-hot value, plus the unknown slot if any; 1 for flags and scalars).</param>
public readonly record struct FeatureSlot(string Name, int Offset, int Width)
{
    /// <summary>One past the last column of the feature.</summary>
    public int End => Offset + Width;

    /// <summary>The columns of this feature in one featurized row.</summary>
    public ReadOnlySpan<float> Of(ReadOnlySpan<float> row) => row.Slice(Offset, Width);

    public override string ToString() => $"{Name} [{Offset}, {End})";
}
