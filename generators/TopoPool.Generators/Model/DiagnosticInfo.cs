namespace TopoPool.Generators.Model;

/// <summary>A diagnostic to report, as values: the descriptor's id, where, and the message arguments.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> MessageArguments);
