using TopoPool.Depiction.Reports;
using TopoPool.Training.Explanations;

namespace TopoPool.Training.Reports;

/// <summary>
/// Collects explained inputs for the <see cref="ExplanationReport"/> page of <c>explain --html</c>: each row's record
/// number, SMILES, prediction (when there is one), strongest cluster (members, weight, substructure SMILES and element
/// pattern) and picture, and the <see cref="StrongestClusterSummary"/> of them all.
/// </summary>
public sealed class ExplanationPage
{
    private readonly List<StructureExplanation> explanations = [];
    private readonly List<ExplanationReportRow> rows = [];

    public void Add(StructureExplanation explanation, int record, string? prediction = null)
    {
        explanations.Add(explanation);
        rows.Add(new ExplanationReportRow(record, explanation.Input, explanation.Molecule?.Smiles, prediction,
            Strongest(explanation), explanation.ToSvg()));
    }

    public string Html(string title, string? subtitle) =>
        ExplanationReport.Html(title, subtitle, rows,
            StrongestClusterSummary.Summarize(explanations).Select(p => new ReportedPattern(p.Pattern, p.Count, p.Share, p.Example)).ToList());

    public void Write(string path, string title, string? subtitle) => File.WriteAllText(path, Html(title, subtitle));

    private static ReportedCluster? Strongest(StructureExplanation explanation)
    {
        if (explanation.Clusters.Strongest is not { } cluster) return null;
        var labels = cluster.Members.Select(m => explanation.NodeLabels[m]).ToList();
        var members = explanation.Molecule is null ? labels : cluster.Members.Select(m => $"{explanation.NodeLabels[m]}{m}").ToList();
        string substructure = explanation.Molecule is { } molecule ? SubstructureSmiles.Write(molecule, cluster.Members) : string.Join(" ", labels);
        // The summary's key: element symbols, aromatic atoms in lower case (as StrongestClusterSummary counts them).
        var symbols = cluster.Members.Select(m => explanation.Molecule?.Atoms[m] is { } atom
            ? atom.IsAromatic ? atom.Symbol.ToLowerInvariant() : atom.Symbol
            : explanation.NodeLabels[m]);
        return new ReportedCluster(members, cluster.Weight, substructure, StrongestClusterSummary.Pattern(symbols));
    }
}
