using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using TopoPool.Cli.Timing;

namespace TopoPool.Cli.Output;

/// <summary>Every JSON the command prints: System.Text.Json, source-generated, snake_case, one line.
/// Print through <see cref="Readable"/>: SMILES and file names keep their <c>+</c>, <c>&amp;</c> and non-ASCII
/// characters instead of <c>\u002B</c> escapes (the output is never embedded in HTML).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(TrainJson))]
[JsonSerializable(typeof(BenchmarkJson))]
[JsonSerializable(typeof(OwnDataTrainJson))]
[JsonSerializable(typeof(ClusterJson))]
[JsonSerializable(typeof(FeaturizeJson))]
[JsonSerializable(typeof(ExplainErrorJson))]
[JsonSerializable(typeof(LayerBenchmarkResult))]
internal sealed partial class CliJson : JsonSerializerContext
{
    private static CliJson? readable;

    /// <summary>The generated options with the relaxed encoder (made on first use: the generated <c>Default</c>
    /// lives in another part of this class, whose static initialisers run in no promised order).</summary>
    public static CliJson Readable => readable ??= new(new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
