namespace TopoPool.Generators.Model;

/// <summary>
/// One declared feature, ready to emit: the property implementing its slot, what it reads and how.
/// </summary>
/// <param name="Name">The feature property's name (also the prefix of its column names).</param>
/// <param name="Accessibility">The property's accessibility keywords, repeated on the implementing part.</param>
/// <param name="SourceProperty">The atom/residue property read (escaped if it is a keyword).</param>
/// <param name="SourcePropertyType">Its fully qualified type.</param>
/// <param name="Cases">One-hot: the listed values and their columns.</param>
/// <param name="FallbackColumn">One-hot: the column set for other values, or -1 for none.</param>
/// <param name="ColumnNames">One name per column.</param>
/// <param name="First">Scalar: the centre or the minimum.</param>
/// <param name="Second">Scalar: the scale or the range.</param>
internal sealed record FeatureModel(
    string Name,
    string Accessibility,
    FeatureKind Kind,
    string SourceProperty,
    string SourcePropertyType,
    int Offset,
    int Width,
    EquatableArray<OneHotCase> Cases,
    int FallbackColumn,
    EquatableArray<string> ColumnNames,
    ScalarScaling Scaling,
    double First,
    double Second);
