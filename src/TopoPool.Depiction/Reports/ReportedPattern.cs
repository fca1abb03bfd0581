namespace TopoPool.Depiction.Reports;

/// <summary>One line of the report's summary: a substructure pattern, how many rows have it as their strongest cluster,
/// their share of the rows with a cluster, and one example input.</summary>
public sealed record ReportedPattern(string Pattern, int Count, double Share, string Example);
