using TopoPool.Core.Pipelines;
using System.Globalization;
using TopoPool.Chemistry;
using TopoPool.Chemistry.Smiles;
using TopoPool.Chemistry.Tables;
using TopoPool.Core;

namespace TopoPool.Training.Data;

/// <summary>
/// Reads a Therapeutics Data Commons (https://tdcommons.ai/) ADME regression table, a CSV or TSV file with the columns
/// <c>Drug_ID</c>, <c>Drug</c> (SMILES) and <c>Y</c>, into molecule graphs prepared as BENCHMARK.md says.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>The file is read by <see cref="DelimitedTable"/>: separator a tab when the header line holds one, else a comma;
/// RFC 4180 quoting (quoted <c>Drug_ID</c>s with commas are common). Column names are matched ignoring case and
/// surrounding spaces; other columns are ignored.
/// Without a <c>Drug_ID</c> column the ids are <c>line N</c> (with a warning); a missing <c>Drug</c> or <c>Y</c> column
/// is a <see cref="DatasetFormatException"/> naming the file and the header line.</item>
/// <item>Rows: <c>Drug</c> and <c>Y</c> are trimmed; the <c>Drug_ID</c> is kept as written. A row with a non-numeric
/// (or non-finite) <c>Y</c>, an empty <c>Drug</c>, a field count unlike the header's or a quote never closed is named
/// (file and line) in <see cref="GraphDataset.Warnings"/>, one warning per row, and skipped; every other row is used
/// (a bad row never costs the rows after it).</item>
/// <item>Duplicates (<see cref="DuplicateRows"/>): by default, as the authors' preprocessing does, every row stays a
/// sample and rows whose longest fragments are the same SMILES string all get the mean of their <c>Y</c>; with
/// <see cref="DuplicateRows.MergeIntoOne"/>, rows with the same <c>Drug</c> string become one sample with the mean
/// <c>Y</c> (the first row's id; <see cref="GraphSample.SourceRowCount"/> says how many rows).</item>
/// <item>Preparation: the longest fragment string (<see cref="SmilesFragments.Longest"/>) is read; a SMILES that cannot be
/// read is named in the warnings (file, line, Drug_ID, position and reason; every line when several rows share it) and
/// skipped. Then
/// <see cref="MoleculeGraphPreparation.Prepare(Molecule)"/>: 39 TDC atom features, self-loops and isolated atoms
/// removed, bonds in both directions, one self-loop per node. A molecule left with a single atom is skipped and named.</item>
/// <item>Scaffold: the Bemis–Murcko scaffold key of the whole <c>Drug</c> SMILES (all fragments, as TDC computes it on the
/// full molecule), for <see cref="ScaffoldSplit"/>.</item>
/// </list>
/// </remarks>
/// <example><code>
/// GraphDataset caco2 = TdcDatasetReader.Read("/data/tdc/caco2_wang.csv", "Caco2_Wang");      // 906 molecules
/// BenchmarkDataset group = TdcDatasetReader.ReadBenchmarkGroup("/data/tdc/admet_group_reconstructed/caco2_wang", "Caco2_Wang");
/// </code></example>
public static class TdcDatasetReader
{
    /// <summary>The benchmark group's file of the molecules split per seed.</summary>
    public const string TrainValidationFileName = "train_val.csv";

    /// <summary>The benchmark group's fixed test file.</summary>
    public const string TestFileName = "test.csv";

    /// <summary>Seed and fractions of the scaffold split that makes a test set for a table without one, as TDC's
    /// <c>admet_group</c> was built (train 0.7, validation 0.1, test 0.2, seed 42).</summary>
    public const int DerivedTestSeed = 42;

    private const string IdColumn = "Drug_ID";
    private const string SmilesColumn = "Drug";
    private const string TargetColumn = "Y";

    /// <summary>True when <paramref name="folder"/> holds both files of a benchmark group (<c>train_val.csv</c>, <c>test.csv</c>).</summary>
    public static bool IsBenchmarkGroup(string folder) =>
        File.Exists(Path.Combine(folder, TrainValidationFileName)) && File.Exists(Path.Combine(folder, TestFileName));

    /// <summary>Reads one table; <paramref name="name"/> defaults to the file name without extension.</summary>
    public static GraphDataset Read(string path, string? name = null, DuplicateRows duplicates = DuplicateRows.KeepEveryRowWithMeanLabel)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new DatasetFormatException(path, null, $"does not exist (looked for {Path.GetFullPath(path)})");
        }

        name ??= Path.GetFileNameWithoutExtension(path);
        var warnings = new List<string>();
        List<MoleculeRows> molecules = ReadRows(path, warnings, duplicates);
        // Molecules are prepared in parallel (the SMILES reader is thread-safe); results and warnings keep file order.
        var prepared = new GraphSample?[molecules.Count];
        var problems = new string?[molecules.Count];
        try
        {
            Parallel.For(0, molecules.Count, i => prepared[i] = Prepare(path, molecules[i], out problems[i]));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        var samples = new List<GraphSample>(molecules.Count);
        int duplicateRows = 0, mergedMolecules = 0;
        for (int i = 0; i < molecules.Count; i++)
        {
            if (molecules[i].RowCount > 1)
            {
                duplicateRows += molecules[i].RowCount - 1;
                mergedMolecules++;
            }

            if (problems[i] is string problem)
            {
                warnings.Add(problem);
            }

            if (prepared[i] is GraphSample sample)
            {
                samples.Add(sample);
            }
        }

        if (duplicates == DuplicateRows.KeepEveryRowWithMeanLabel)
        {
            int shared = molecules.Count(m => m.SharesItsLabel);
            if (shared > 0)
                warnings.Add($"{Shown(path)}: {shared} rows repeat a molecule (same longest-fragment SMILES) of another row; each was kept with the mean Y of its molecule's rows");
        }
        else if (duplicateRows > 0)
        {
            warnings.Add(
                $"{Shown(path)}: {duplicateRows} rows repeat the SMILES of an earlier row; the {mergedMolecules} repeated " +
                "molecules each became one sample with the mean Y of their rows");
        }

        return new GraphDataset(name, TaskKind.Regression, 1, TdcAtomFeatureWidth, samples, warnings: warnings);
    }

    /// <summary>
    /// Reads a benchmark group folder (<c>train_val.csv</c> and <c>test.csv</c>, as TDC's <c>admet_group</c> writes them):
    /// the test file is the fixed test set, train_val is split by scaffold for each seed. Duplicates are averaged within
    /// each file.
    /// </summary>
    public static BenchmarkDataset ReadBenchmarkGroup(string folder, string? name = null, DuplicateRows duplicates = DuplicateRows.KeepEveryRowWithMeanLabel)
    {
        ArgumentNullException.ThrowIfNull(folder);
        name ??= new DirectoryInfo(folder).Name;
        string trainValidationPath = Path.Combine(folder, TrainValidationFileName);
        string testPath = Path.Combine(folder, TestFileName);
        GraphDataset trainValidation = Read(trainValidationPath, $"{name}/train_val", duplicates);
        GraphDataset test = Read(testPath, $"{name}/test", duplicates);
        return BenchmarkDataset.WithFixedTest(name, trainValidation, test, [trainValidationPath, testPath]);
    }

    /// <summary>
    /// Reads a whole table that has no official test split and makes one the way TDC's <c>admet_group</c> was made: a
    /// scaffold split with fractions 0.7/0.1/0.2 and seed <see cref="DerivedTestSeed"/>; its train and validation parts
    /// are the molecules split per seed, its test part the fixed test set. Our random numbers are not Python's, so this
    /// test set is not the official one; a note in <see cref="BenchmarkDataset.Warnings"/> says so.
    /// </summary>
    public static BenchmarkDataset ReadWithDerivedTest(string path, string? name = null, DuplicateRows duplicates = DuplicateRows.KeepEveryRowWithMeanLabel)
    {
        GraphDataset all = Read(path, name, duplicates);
        name ??= all.Name;
        ScaffoldAssignment parts = ScaffoldSplit.Assign(ScaffoldSplit.KeysOf(all), all.Samples.Select(s => s.SourceRowCount).ToArray(), DerivedTestSeed, 0.7, 0.1);
        GraphDataset trainValidation = all.Subset(parts.Train.Concat(parts.Validation), $"{name}/train_val");
        GraphDataset test = all.Subset(parts.Test, $"{name}/test");
        string note =
            $"{Path.GetFileName(path)}: no benchmark-group test split ({TrainValidationFileName}, {TestFileName}) was found, so the test set " +
            $"is a scaffold split of the whole table (0.7/0.1/0.2, seed {DerivedTestSeed}, our random numbers): {test.Count} test and " +
            $"{trainValidation.Count} train/validation molecules; results are not comparable with the official benchmark";
        return BenchmarkDataset.WithFixedTest(name, trainValidation, test, [path], [note, .. all.Warnings]);
    }

    /// <summary>A table as a message names it: its folder (the dataset) and file, since every dataset has a <c>test.csv</c>.</summary>
    private static string Shown(string path) =>
        Path.Combine(Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path))) ?? "", Path.GetFileName(path));

    private static int TdcAtomFeatureWidth => TopoPool.Chemistry.Featurization.TdcAtomFeatures.Width;

    private static List<MoleculeRows> ReadRows(string path, List<string> warnings, DuplicateRows duplicates)
    {
        DelimitedTable table;
        try
        {
            table = DelimitedTable.Open(path);
        }
        catch (TableHeaderException e)
        {
            throw new DatasetFormatException(path, e.Line, $"the header cannot be read: {e.Problem}");
        }

        using (table)
        {
            return ReadRows(path, table, warnings, duplicates);
        }
    }

    private static List<MoleculeRows> ReadRows(string path, DelimitedTable table, List<string> warnings, DuplicateRows duplicates)
    {
        if (table.IsEmpty)
        {
            throw new DatasetFormatException(path, null, $"is empty (expected a header with the columns {IdColumn}, {SmilesColumn}, {TargetColumn})");
        }

        int smilesAt = table.ColumnIndex(SmilesColumn);
        int targetAt = table.ColumnIndex(TargetColumn);
        int idAt = table.ColumnIndex(IdColumn);
        foreach ((string column, int at) in new[] { (SmilesColumn, smilesAt), (TargetColumn, targetAt) })
        {
            if (at < 0)
            {
                throw new DatasetFormatException(
                    path, table.HeaderLine, $"missing column '{column}' (the header has {string.Join(", ", table.Columns.Select(h => $"'{h}'"))}; expected {IdColumn}, {SmilesColumn}, {TargetColumn})");
            }
        }

        if (idAt < 0)
        {
            warnings.Add($"{DatasetFormatException.Where(path, table.HeaderLine)}: no '{IdColumn}' column; molecules are named by their line");
        }

        var bySmiles = new Dictionary<string, MoleculeRows>(StringComparer.Ordinal);
        var inOrder = new List<MoleculeRows>();
        foreach (TableRecord record in table.Read())
        {
            int line = record.Line;
            if (!record.IsValid)
            {
                warnings.Add($"{DatasetFormatException.Where(path, line)}: {record.Error}; row skipped");
                continue;
            }

            string id = idAt >= 0 ? record.Values[idAt] : $"line {line}";
            string smiles = record.Values[smilesAt].Trim();
            string targetText = record.Values[targetAt].Trim();
            if (smiles.Length == 0)
            {
                warnings.Add($"{DatasetFormatException.Where(path, line)} ({IdColumn} '{id}'): the {SmilesColumn} field is empty; row skipped");
                continue;
            }

            if (!double.TryParse(targetText, NumberStyles.Float, CultureInfo.InvariantCulture, out double target) || !double.IsFinite(target))
            {
                warnings.Add($"{DatasetFormatException.Where(path, line)} ({IdColumn} '{id}'): {TargetColumn} is not a number: '{targetText}'; row skipped");
                continue;
            }

            if (duplicates == DuplicateRows.KeepEveryRowWithMeanLabel)
            {
                inOrder.Add(new MoleculeRows(id, smiles, line, target));
            }
            else if (bySmiles.TryGetValue(smiles, out MoleculeRows? rows))
            {
                rows.Add(target, line);
            }
            else
            {
                rows = new MoleculeRows(id, smiles, line, target);
                bySmiles.Add(smiles, rows);
                inOrder.Add(rows);
            }
        }

        if (duplicates == DuplicateRows.KeepEveryRowWithMeanLabel)
        {
            foreach (var molecule in inOrder.GroupBy(m => SmilesFragments.Longest(m.Smiles), StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                double mean = molecule.Average(m => m.Mean);
                foreach (var row in molecule) row.ShareLabel(mean);
            }
        }

        return inOrder;
    }

    /// <summary>The sample of one distinct SMILES, or null with the reason it was skipped.</summary>
    private static GraphSample? Prepare(string path, MoleculeRows rows, out string? problem)
    {
        problem = null;
        string where = $"{DatasetFormatException.Where(path, rows.FirstLine)} ({IdColumn} '{rows.Id}')";
        string skipped = rows.RowCount == 1 ? "skipped" : $"skipped ({rows.RowCount} rows: lines {string.Join(", ", rows.Lines)})";
        string fragment = SmilesFragments.Longest(rows.Smiles);
        if (!SmilesReader.TryParse(fragment, out Molecule? molecule, out SmilesError? error))
        {
            string what = ReferenceEquals(fragment, rows.Smiles) || fragment == rows.Smiles
                ? $"invalid SMILES '{rows.Smiles}'"
                : $"invalid SMILES '{rows.Smiles}' (its longest fragment '{fragment}')";
            problem = $"{where}: {what} at position {error.Position}: {error.Reason}; {skipped}";
            return null;
        }

        Graph graph = MoleculeGraphPreparation.Prepare(molecule);
        if (graph.NumNodes < 2)
        {
            problem = $"{where}: '{rows.Smiles}' is a single atom after preparation; {skipped}";
            return null;
        }

        Molecule whole = molecule;
        if (fragment != rows.Smiles && SmilesReader.TryParse(rows.Smiles, out Molecule? full, out _))
        {
            whole = full;
        }

        return GraphSample.ForTarget(graph, rows.Id, rows.Mean, rows.Smiles, ScaffoldKeyOf(whole), rows.RowCount);
    }

    private static string ScaffoldKeyOf(Molecule molecule) => MurckoScaffold.Of(molecule).Key;

    /// <summary>The rows of one distinct SMILES: the first row's id, the lines of all of them, and the running sum of Y.</summary>
    private sealed class MoleculeRows(string id, string smiles, int firstLine, double firstTarget)
    {
        private readonly List<int> lines = [firstLine];
        private double sum = firstTarget;

        public string Id { get; } = id;

        public string Smiles { get; } = smiles;

        public int FirstLine { get; } = firstLine;

        public IReadOnlyList<int> Lines => lines;

        public int RowCount => lines.Count;

        private double? sharedLabel;

        /// <summary>The label of the sample: the mean of the rows merged into it, or the label it shares with the
        /// other rows of its molecule.</summary>
        public double Mean => sharedLabel ?? sum / RowCount;

        /// <summary>True when the row keeps its own sample but takes the mean label of its molecule's rows.</summary>
        public bool SharesItsLabel => sharedLabel is not null;

        public void ShareLabel(double mean) => sharedLabel = mean;

        public void Add(double target, int line)
        {
            sum += target;
            lines.Add(line);
        }
    }
}
