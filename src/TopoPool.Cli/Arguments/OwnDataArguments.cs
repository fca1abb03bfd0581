using System.CommandLine;
using System.Globalization;
using TopoPool.Training.OwnData;

namespace TopoPool.Cli.Arguments;

/// <summary>The options of <c>train --data</c> (a user's own table), checked as they are parsed.</summary>
public sealed class OwnDataArguments
{
    public Option<string?> Data { get; } = new("--data") { Description = "train on your own table: CSV/TSV with a header, a SMILES file, or SDF (data fields are columns)" };
    public Option<string?> Targets { get; } = new("--targets") { Description = "with --data: the target column(s), comma-separated (one model, several outputs)" };
    public Option<string?> Task { get; } = new("--task") { Description = "with --data: regression or classification (default: inferred from the values, and said)" };
    public Option<string?> Split { get; } = new("--split") { Description = "with --data: random or scaffold (Bemis-Murcko groups kept whole) (default random)" };
    public Option<IReadOnlyList<double>?> SplitSizes { get; } = new("--split-sizes")
    {
        Description = "with --data: training, validation and test fractions (default 0.8,0.1,0.1; with --test two: training, validation)",
        CustomParser = ParseSizes,
    };
    public Option<string?> Test { get; } = new("--test") { Description = "with --data: a separate test table (same columns); --data is then split into training and validation" };
    public Option<string?> SplitColumn { get; } = new("--split-column") { Description = "with --data: a column saying train, val or test for each record, instead of a split" };
    public Option<string?> Featurizer { get; } = new("--featurizer") { Description = $"with --data: atom features: {string.Join(", ", MoleculeFeaturizers.Names)} (default {MoleculeFeaturizers.Default})" };
    public Option<string?> SmilesColumn { get; } = new("--smiles-column") { Description = "with --data: the SMILES column of a CSV/TSV (default: the first of smiles, Drug, canonical_smiles, ignoring case)" };

    public IEnumerable<Option> All => [Data, Targets, Task, Split, SplitSizes, Test, SplitColumn, Featurizer, SmilesColumn];

    /// <summary>The own-data options given on the command line, by name.</summary>
    public IEnumerable<string> Given(ParseResult result) =>
        All.Where(o => o != Data && result.GetResult(o) is { Implicit: false }).Select(o => o.Name);

    private static IReadOnlyList<double>? ParseSizes(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? "" : result.Tokens[^1].Value;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var sizes = new List<double>();
        foreach (var part in parts)
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v) || v < 0 || v > 1)
            {
                result.AddError($"--split-sizes '{text}': '{part}' is not a fraction between 0 and 1");
                return null;
            }
            sizes.Add(v);
        }
        if (sizes.Count is < 2 or > 3)
        {
            result.AddError($"--split-sizes '{text}': give training,validation,test fractions (or training,validation with --test)");
            return null;
        }
        if (Math.Abs(sizes.Sum() - 1) > 1e-6 && sizes.Count == 3)
        {
            result.AddError($"--split-sizes '{text}': the fractions add up to {sizes.Sum().ToString("R", CultureInfo.InvariantCulture)}, not 1");
            return null;
        }
        if (sizes[0] <= 0 || sizes[1] <= 0)
        {
            result.AddError($"--split-sizes '{text}': the training and validation fractions must be above 0");
            return null;
        }
        return sizes;
    }
}
