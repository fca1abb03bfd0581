using System.Text.Json.Serialization;

namespace TopoPool.Cli.Output;

/// <summary>Every JSON the command prints: System.Text.Json, source-generated, snake_case, one line.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(TrainJson))]
[JsonSerializable(typeof(BenchmarkJson))]
[JsonSerializable(typeof(OwnDataTrainJson))]
internal sealed partial class CliJson : JsonSerializerContext;
