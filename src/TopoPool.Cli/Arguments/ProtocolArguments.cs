using System.CommandLine;
using TopoPool.Training.Data;
using TopoPool.Training.Experiments;

namespace TopoPool.Cli.Arguments;

/// <summary>
/// The training-protocol options <c>train</c> and <c>benchmark</c> share, checked as they are parsed. Unset knobs take
/// each dataset's protocol values; the defaults are the authors' choices where the paper is silent.
/// </summary>
public sealed class ProtocolArguments
{
    public Option<string?> DataDirectory { get; } = new("--data-dir") { Description = "folder holding the dataset, or a root with tu/ and tdc/ beneath it" };
    public Option<int?> Epochs { get; } = CommandOptions.WholeNumber("--epochs", $"epoch cap (default: the authors' {ProtocolDefaults.AuthorsEpochCap:N0}; synthetic 150)", 1, 1_000_000);
    public Option<int?> Patience { get; } = CommandOptions.WholeNumber("--patience", "epochs without validation improvement before stopping (default: the dataset's protocol)", 1, 1_000_000);
    public Option<int> Hidden { get; } = CommandOptions.WholeNumber("--hidden", "hidden width", 2, 4096, 32);
    public Option<string> SplitRounding { get; } = CommandOptions.Choice("--split-rounding", "TU test/validation size: up = (n+9)//10 (the authors'), down = n//10", ["up", "down"], "up");
    public Option<bool> ShuffleEachEpoch { get; } = new("--shuffle-each-epoch") { Description = "reshuffle the training set every epoch (default: one order per run, as the authors' loaders)" };
    public Option<string> Duplicates { get; } = CommandOptions.Choice("--duplicates", "repeated molecules in TDC tables: mean-label keeps every row with the mean label (the authors'), merge makes one sample", ["mean-label", "merge"], "mean-label");
    public Option<string> Device { get; } = CommandOptions.Choice("--device", "device", ["cpu", "cuda"], "cpu");
    public Option<int> Threads { get; } = CommandOptions.WholeNumber("--threads", "torch threads on the CPU (1 is fastest for molecule-sized graphs; results depend on it)", 1, 1024, 1);
    public Option<bool> Explain { get; } = new("--explain") { Description = "write each seed's test-set explanations (clusters per graph and a summary) next to its results" };

    public IEnumerable<Option> All => [DataDirectory, Epochs, Patience, Hidden, SplitRounding, ShuffleEachEpoch, Duplicates, Device, Threads, Explain];

    /// <summary><c>--data-dir</c>, or the repository's shared data when neither it nor the library's defaults are there.</summary>
    public string? DataDirectoryOf(ParseResult result) => RepositoryDataDirectory.Or(result.GetValue(DataDirectory));

    public SplitRounding RoundingOf(ParseResult result) =>
        ComponentNames.TrySplitRounding(result.GetValue(SplitRounding)!, out var r) ? r : Training.Data.SplitRounding.TenthRoundedUp;

    public DuplicateRows DuplicatesOf(ParseResult result) =>
        ComponentNames.TryDuplicates(result.GetValue(Duplicates)!, out var d) ? d : DuplicateRows.KeepEveryRowWithMeanLabel;
}
