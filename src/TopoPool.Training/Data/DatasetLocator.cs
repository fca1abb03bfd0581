namespace TopoPool.Training.Data;

/// <summary>
/// Finds a dataset by name and loads it for the benchmark protocol. Names (any letter case): <c>synthetic</c>,
/// <c>MUTAG</c>, <c>PROTEINS</c>, <c>ENZYMES</c>, <c>Caco2_Wang</c>, <c>PPBR_AZ</c>; any other name is looked for as a
/// TU dataset folder.
/// </summary>
/// <remarks>
/// <para>A data directory may be the folder that holds the dataset or a root above it. For each root, in order:</para>
/// <list type="bullet">
/// <item>TU: <c>ROOT/NAME_A.txt</c>, <c>ROOT/NAME/</c>, <c>ROOT/NAME/raw/</c> (PyTorch Geometric's layout),
/// <c>ROOT/tu/NAME/</c>, <c>ROOT/tu/NAME/raw/</c>.</item>
/// <item>TDC, first a benchmark-group folder with <c>train_val.csv</c> and <c>test.csv</c> (fixed test split):
/// <c>ROOT</c> itself when it is named after the dataset, <c>ROOT/name/</c>, <c>ROOT/admet_group/name/</c>,
/// <c>ROOT/tdc/admet_group/name/</c> (an official <c>admet_group</c> download), then
/// <c>ROOT/admet_group_reconstructed/name/</c> and <c>ROOT/tdc/admet_group_reconstructed/name/</c> (the reconstruction in
/// the shared data); then a single table <c>ROOT/name.csv|.tsv|.tab</c> or <c>ROOT/tdc/name.csv|.tsv|.tab</c>, whose test
/// set is then derived (<see cref="TdcDatasetReader.ReadWithDerivedTest"/>). The file stems are <c>caco2_wang</c> and
/// <c>ppbr_az</c>.</item>
/// </list>
/// <para>File and folder names are matched ignoring letter case. Without a data directory the roots are the
/// <c>TOPOPOOL_DATA_DIR</c> environment variable when set and <c>./data</c>; nothing else is searched.</para>
/// <para><b>PPBR_AZ</b>: the benchmark uses the 2,790-row table of all species (<c>ppbr_az.csv</c>), which is what
/// TDC's <c>admet_group</c> serves for ppbr_az (2,231 train_val + 559 test rows, TDC issue #377); its reconstructed
/// split is <c>tdc/admet_group_reconstructed/ppbr_az/</c> (see the shared data README). The human-only
/// <c>ppbr_az_human.csv</c> (1,614 rows, today's <c>ADME(name='PPBR_AZ')</c> loader and the count in the paper's
/// dataset table) is never picked up by this name.</para>
/// A dataset that is not found throws <see cref="DatasetNotFoundException"/> listing every place tried and where to
/// download it (TU Dortmund: https://chrsmrrs.github.io/datasets/ ; TDC: https://tdcommons.ai/).
/// </remarks>
/// <example><code>
/// BenchmarkDataset mutag = DatasetLocator.Load("mutag", "datasets");                   // finds datasets/tu/MUTAG
/// BenchmarkDataset ppbr = DatasetLocator.Load("PPBR_AZ", "datasets");                  // datasets/tdc/admet_group_reconstructed/ppbr_az
/// BenchmarkDataset toy = DatasetLocator.Load("synthetic", null);                        // no files
/// DatasetLocation where = DatasetLocator.Locate("Caco2_Wang", "/downloads/admet_group");
/// </code></example>
public static class DatasetLocator
{
    /// <summary>Environment variable naming a data root used when no data directory is given.</summary>
    public const string DataDirectoryVariable = "TOPOPOOL_DATA_DIR";

    public const string TuDownloadHint =
        "Download the TU Dortmund graph collection from https://chrsmrrs.github.io/datasets/ (unzip NAME.zip so that DIR/NAME/NAME_A.txt exists) and pass --data-dir DIR.";

    public const string TdcDownloadHint =
        "Download it from the Therapeutics Data Commons, https://tdcommons.ai/ (ADMET benchmark group: admet_group/NAME/train_val.csv and test.csv; or the ADME table NAME.csv / NAME.tab) and pass --data-dir DIR.";

    private static readonly string[] TableExtensions = [".csv", ".tsv", ".tab"];

    private static readonly KnownDataset[] Known =
    [
        new(SyntheticMotifDataset.Name, DatasetSourceKind.Synthetic, ""),
        new("MUTAG", DatasetSourceKind.TuFolder, "MUTAG"),
        new("PROTEINS", DatasetSourceKind.TuFolder, "PROTEINS"),
        new("ENZYMES", DatasetSourceKind.TuFolder, "ENZYMES"),
        new("Caco2_Wang", DatasetSourceKind.TdcTable, "caco2_wang"),
        new("PPBR_AZ", DatasetSourceKind.TdcTable, "ppbr_az"),
    ];

    /// <summary>The dataset names this locator knows, in the order of BENCHMARK.md.</summary>
    public static IReadOnlyList<string> KnownNames { get; } = Known.Select(k => k.Name).ToArray();

    /// <summary>Finds, reads and prepares a dataset for the protocol (see the remarks for where it looks).</summary>
    /// <param name="name">A dataset name, any letter case.</param>
    /// <param name="dataDirectory">The <c>--data-dir</c> value, or null for the default roots.</param>
    /// <param name="syntheticOptions">Settings for the synthetic set (ignored for the others).</param>
    /// <param name="duplicates">What molecule tables do with repeated molecules (ignored for graph datasets).</param>
    public static BenchmarkDataset Load(string name, string? dataDirectory, SyntheticMotifOptions? syntheticOptions = null,
                                        DuplicateRows duplicates = DuplicateRows.KeepEveryRowWithMeanLabel)
    {
        DatasetLocation location = Locate(name, dataDirectory);
        string where = location.Path is null ? "" : $"{location.Name}: read from {location.Path}";
        return location.Kind switch
        {
            DatasetSourceKind.Synthetic => BenchmarkDataset.WithRandomSplit(location.Name, SyntheticMotifDataset.Generate(syntheticOptions)),
            DatasetSourceKind.TuFolder => BenchmarkDataset.WithRandomSplit(
                location.Name, TuDatasetReader.Read(location.Path!, TuFileStem(location.Path!, location.Name)), [location.Path!]),
            DatasetSourceKind.TdcBenchmarkGroup => TdcDatasetReader.ReadBenchmarkGroup(location.Path!, location.Name, duplicates),
            DatasetSourceKind.TdcTable => TdcDatasetReader.ReadWithDerivedTest(location.Path!, location.Name, duplicates),
            _ => throw new InvalidOperationException($"unexpected source kind {location.Kind} ({where})"),
        };
    }

    /// <summary>Finds a dataset without reading it; throws <see cref="DatasetNotFoundException"/> when it is nowhere.</summary>
    public static DatasetLocation Locate(string name, string? dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        name = name.Trim();
        KnownDataset? known = Known.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));
        if (known?.Kind == DatasetSourceKind.Synthetic)
        {
            return new DatasetLocation(known.Name, DatasetSourceKind.Synthetic, null, []);
        }

        IReadOnlyList<string> roots = dataDirectory is null ? DefaultRoots() : [Path.GetFullPath(dataDirectory)];
        var searched = new List<string>();
        if (roots.Count == 0)
        {
            searched.Add($"(no data directory given, {DataDirectoryVariable} is not set, and there is no ./data)");
        }

        bool isTdc = known?.Kind == DatasetSourceKind.TdcTable;
        string canonical = known?.Name ?? name;
        string stem = known?.FileStem ?? name;
        foreach (string root in roots)
        {
            DatasetLocation? found = isTdc ? FindTdc(canonical, stem, root, searched) : FindTu(canonical, stem, root, searched);
            if (found is not null)
            {
                return found;
            }
        }

        string hint = isTdc ? TdcDownloadHint.Replace("NAME", stem, StringComparison.Ordinal) : TuDownloadHint.Replace("NAME", stem, StringComparison.Ordinal);
        if (known is null)
        {
            hint = $"'{name}' is not one of the known datasets ({string.Join(", ", KnownNames)}), so it was looked for as a TU dataset. " + hint;
        }

        throw new DatasetNotFoundException(canonical, searched, hint);
    }

    /// <summary>The data roots searched when no data directory is given (only those that exist).</summary>
    public static IReadOnlyList<string> DefaultRoots()
    {
        var roots = new List<string>();
        string? fromEnvironment = Environment.GetEnvironmentVariable(DataDirectoryVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            roots.Add(Path.GetFullPath(fromEnvironment));
        }

        roots.Add(Path.GetFullPath("data"));
        return roots.Distinct(StringComparer.Ordinal).Where(Directory.Exists).ToArray();
    }

    private static DatasetLocation? FindTu(string canonical, string stem, string root, List<string> searched)
    {
        foreach (string[] parts in new[] { Array.Empty<string>(), [stem], [stem, "raw"], ["tu", stem], ["tu", stem, "raw"] })
        {
            string? folder = ResolveDirectory(root, parts);
            string shown = Path.Combine([root, .. parts, $"{stem}_A.txt"]);
            searched.Add(shown);
            if (folder is null)
            {
                continue;
            }

            string? edges = ResolveEntry(folder, $"{stem}_A.txt", directory: false);
            if (edges is not null)
            {
                return new DatasetLocation(canonical, DatasetSourceKind.TuFolder, folder, searched);
            }
        }

        return null;
    }

    private static DatasetLocation? FindTdc(string canonical, string stem, string root, List<string> searched)
    {
        var groupCandidates = new List<string[]>();
        if (string.Equals(Path.GetFileName(Path.TrimEndingDirectorySeparator(root)), stem, StringComparison.OrdinalIgnoreCase))
        {
            groupCandidates.Add([]);
        }

        groupCandidates.AddRange(
        [
            [stem],
            ["admet_group", stem],
            ["tdc", "admet_group", stem],
            ["admet_group_reconstructed", stem],
            ["tdc", "admet_group_reconstructed", stem],
        ]);
        foreach (string[] parts in groupCandidates)
        {
            searched.Add(Path.Combine([root, .. parts, TdcDatasetReader.TrainValidationFileName]) + " + " + TdcDatasetReader.TestFileName);
            string? folder = ResolveDirectory(root, parts);
            if (folder is not null
                && ResolveEntry(folder, TdcDatasetReader.TrainValidationFileName, directory: false) is not null
                && ResolveEntry(folder, TdcDatasetReader.TestFileName, directory: false) is not null)
            {
                return new DatasetLocation(canonical, DatasetSourceKind.TdcBenchmarkGroup, folder, searched);
            }
        }

        foreach (string[] parts in new[] { Array.Empty<string>(), ["tdc"] })
        {
            string? folder = ResolveDirectory(root, parts);
            foreach (string extension in TableExtensions)
            {
                searched.Add(Path.Combine([root, .. parts, stem + extension]));
                string? file = folder is null ? null : ResolveEntry(folder, stem + extension, directory: false);
                if (file is not null)
                {
                    return new DatasetLocation(canonical, DatasetSourceKind.TdcTable, file, searched);
                }
            }
        }

        return null;
    }

    /// <summary>The TU file prefix inside a found folder: the stem as the files spell it (for example MUTAG for "mutag").</summary>
    private static string TuFileStem(string folder, string name)
    {
        string? edges = ResolveEntry(folder, $"{name}_A.txt", directory: false);
        return edges is null ? name : Path.GetFileName(edges)[..^"_A.txt".Length];
    }

    private static string? ResolveDirectory(string root, string[] parts)
    {
        string? current = Directory.Exists(root) ? root : null;
        foreach (string part in parts)
        {
            if (current is null)
            {
                return null;
            }

            current = ResolveEntry(current, part, directory: true);
        }

        return current;
    }

    /// <summary>The path of <paramref name="name"/> inside <paramref name="folder"/>, matched exactly or else ignoring case.</summary>
    private static string? ResolveEntry(string folder, string name, bool directory)
    {
        string exact = Path.Combine(folder, name);
        if (directory ? Directory.Exists(exact) : File.Exists(exact))
        {
            return exact;
        }

        try
        {
            IEnumerable<string> entries = directory ? Directory.EnumerateDirectories(folder) : Directory.EnumerateFiles(folder);
            return entries.FirstOrDefault(e => string.Equals(Path.GetFileName(e), name, StringComparison.OrdinalIgnoreCase));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private sealed record KnownDataset(string Name, DatasetSourceKind Kind, string FileStem);
}
