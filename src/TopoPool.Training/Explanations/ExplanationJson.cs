using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TopoPool.Training.Explanations;

/// <summary>The JSON line of one <see cref="StructureExplanation"/>: the input, its nodes with their scores and its
/// clusters by falling weight, each with its peak and members.</summary>
internal sealed record ExplanationLine(
    string Input,
    string Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Model,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, double>? Prediction,
    IReadOnlyList<ExplanationNode> Nodes,
    IReadOnlyList<ExplanationCluster> Clusters,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Svg);

/// <summary>A node of <see cref="ExplanationLine"/>; <c>score</c> is absent for nodes the layer did not score.</summary>
internal sealed record ExplanationNode(
    int Index,
    string Label,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] float? Score);

/// <summary>A cluster of <see cref="ExplanationLine"/>; pools without peaks leave <c>peak</c> and <c>peak_label</c> out.</summary>
internal sealed record ExplanationCluster(
    int Cluster,
    float Weight,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Peak,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PeakLabel,
    IReadOnlyList<ExplanationMember> Members);

/// <summary>A member node of <see cref="ExplanationCluster"/>.</summary>
internal sealed record ExplanationMember(int Index, string Label);

/// <summary>System.Text.Json, source-generated, snake_case, one line, SMILES left unescaped (as the CLI prints).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(ExplanationLine))]
internal sealed partial class ExplanationJson : JsonSerializerContext
{
    private static ExplanationJson? readable;

    /// <summary>The generated options with the relaxed encoder (made on first use: the generated <c>Default</c>
    /// lives in another part of this class, whose static initialisers run in no promised order).</summary>
    public static ExplanationJson Readable => readable ??= new(new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
