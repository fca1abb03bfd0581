using System.Text.Json.Serialization;

namespace TopoPool.Cli.Output;

/// <summary>One line of <c>featurize</c>: the record's SMILES (null when the record had none), its row and line in a
/// file, then either the error or the atoms' symbols, their features (atoms × width) and the bonds in both
/// directions.</summary>
public sealed record FeaturizeJson(
    string? Smiles,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Row,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Line,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Atoms,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<float[]>? Features,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<int[]>? Edges);
