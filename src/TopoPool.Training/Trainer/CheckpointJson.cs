using System.Text.Json;
using System.Text.Json.Serialization;

namespace TopoPool.Training.Trainer;

/// <summary>The state part of a <see cref="TrainingCheckpoint"/>: System.Text.Json, source-generated, snake_case; NaN
/// allowed (an own-data target without values in a seed's validation part has a NaN metric); a state lacking a member
/// or holding null where none is allowed is refused, so the checkpoint is reported as damaged, not taken for another run's.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(TrainingCheckpoint))]
internal sealed partial class CheckpointJson : JsonSerializerContext
{
    private static CheckpointJson? version1;

    /// <summary>How checkpoint version 1 wrote the state: the members' own (PascalCase) names.</summary>
    public static CheckpointJson Version1 => version1 ??= new(new JsonSerializerOptions(Default.Options) { PropertyNamingPolicy = null });
}
