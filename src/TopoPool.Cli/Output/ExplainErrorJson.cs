using System.Text.Json.Serialization;

namespace TopoPool.Cli.Output;

/// <summary>The line <c>explain</c> prints in place of a record it cannot read.</summary>
public sealed record ExplainErrorJson(
    string Input,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Row,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Line,
    string Error);
