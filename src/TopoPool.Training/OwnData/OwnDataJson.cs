using System.Text.Json.Serialization;

namespace TopoPool.Training.OwnData;

/// <summary>The JSON of model folders (<c>model.json</c>): System.Text.Json, source-generated, snake_case names; NaN
/// metrics are written as the literal <c>NaN</c>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(ModelFile))]
internal sealed partial class OwnDataJson : JsonSerializerContext;
