using System.Text.Json.Serialization;

namespace TopoPool.Training.Experiments;

/// <summary>The JSON of run folders (<c>run.json</c>, <c>seedN.result.json</c>): System.Text.Json, source-generated,
/// snake_case names, enums as snake_case strings.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    UseStringEnumConverter = true,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(RunRecord))]
[JsonSerializable(typeof(SeedResult))]
internal sealed partial class TrainingJson : JsonSerializerContext;
