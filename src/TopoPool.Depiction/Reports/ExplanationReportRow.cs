namespace TopoPool.Depiction.Reports;

/// <summary>
/// One explained molecule or protein on the report page: its record number in the input, its name, its SMILES (none
/// for a protein), the model's prediction as text (none when the command has no prediction to show), its
/// highest-weighted cluster (none when the layer found no cluster) and its picture as SVG text.
/// </summary>
public sealed record ExplanationReportRow(
    int Record,
    string Name,
    string? Smiles,
    string? Prediction,
    ReportedCluster? Strongest,
    string Svg);
