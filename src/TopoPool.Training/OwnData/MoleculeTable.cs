using System.Globalization;
using TopoPool.Chemistry;
using TopoPool.Chemistry.Tables;
using TopoPool.Core.Pipelines;
using TopoPool.Training.Data;

namespace TopoPool.Training.OwnData;

/// <summary>
/// A user's molecule table read for training: every record whose molecule can be read and prepared becomes a
/// <see cref="MoleculeSample"/> with one value per target (NaN where missing), in input order. A record that cannot be
/// used (unreadable molecule, no bond left after preparation, every target missing) is named in
/// <see cref="Warnings"/> with its line and skipped; <see cref="Skipped"/> counts them.
/// </summary>
/// <remarks>
/// <para>Targets: a regression target's values are numbers (an empty field, <c>NA</c>, <c>NaN</c> or <c>None</c> is
/// missing; any other text is reported and treated as missing). A classification target's classes are its distinct
/// observed values, in numeric order when they are all numbers and in ordinal order otherwise.</para>
/// <para>Task inference, when not given: regression when some target's values are mostly numbers and are not all whole
/// numbers with at most <see cref="MaxInferredClasses"/> distinct values; classification otherwise (whole-number codes,
/// or mostly text labels).
/// <see cref="TaskInference"/> says what was inferred and why.</para>
/// <para>Molecules are prepared as the benchmark's: the longest SMILES fragment (SDF: the molecule as recorded), the
/// featurizer's atom features, self-loops and isolated atoms removed, bonds in both directions, a self-loop per node.</para>
/// </remarks>
public sealed class MoleculeTable
{
    public const int MaxInferredClasses = 10;

    private static readonly string[] MissingTexts = ["", "na", "nan", "none", "null", "n/a"];

    private MoleculeTable(string source, IReadOnlyList<MoleculeSample> samples, IReadOnlyList<TargetSpec> targets, TaskKind task,
                          string? taskInference, MoleculeFeaturizer featurizer, IReadOnlyList<string> warnings, int skipped, int records)
    {
        Source = source;
        Samples = samples;
        Targets = targets;
        Task = task;
        TaskInference = taskInference;
        Featurizer = featurizer;
        Warnings = warnings;
        Skipped = skipped;
        Records = records;
    }

    public string Source { get; }
    public IReadOnlyList<MoleculeSample> Samples { get; }

    /// <summary>The targets with their classes and output positions.</summary>
    public IReadOnlyList<TargetSpec> Targets { get; }

    public TaskKind Task { get; }

    /// <summary>What was inferred about the task and why, or null when it was given.</summary>
    public string? TaskInference { get; }

    public MoleculeFeaturizer Featurizer { get; }
    public IReadOnlyList<string> Warnings { get; }
    public int Skipped { get; }

    /// <summary>Records read, used or not.</summary>
    public int Records { get; }

    /// <summary>Reads <paramref name="path"/> (CSV/TSV, SMILES file or SDF). With <paramref name="knownTargets"/> (a separate test
    /// file read after the training table) the task and classes are those, not inferred again.</summary>
    public static MoleculeTable Read(string path, MoleculeTableOptions options, IReadOnlyList<TargetSpec>? knownTargets = null)
    {
        var featurizer = MoleculeFeaturizers.Named(options.Featurizer)
                         ?? throw new OwnDataException($"--featurizer {options.Featurizer}: unknown featurizer (choose {string.Join(", ", MoleculeFeaturizers.Names)})");
        if (options.Targets.Count == 0) throw new OwnDataException("--targets: name at least one target column");
        using var source = Open(path, options.SmilesColumn);
        var columns = source.Columns;
        int[] targetAt = options.Targets.Select(t => Column(columns, t, "--targets", source.Source)).ToArray();
        int splitAt = options.SplitColumn is { } split ? Column(columns, split, "--split-column", source.Source) : -1;
        int idAt = options.IdColumn is { } id ? Column(columns, id, "--id-column", source.Source) : -1;
        if (options.Targets.Distinct(StringComparer.Ordinal).Count() != options.Targets.Count)
            throw new OwnDataException($"--targets: a column is named twice ({string.Join(",", options.Targets)})");

        var warnings = new List<string>();
        var kept = new List<(MoleculeRecord Record, string[] Texts, string? SplitLabel, Chemistry.Molecule Molecule)>();
        int skipped = 0, records = 0;
        foreach (var record in source.Read())
        {
            records++;
            if (!record.IsValid)
            {
                warnings.Add($"{record.Describe(source.Source)}; skipped");
                skipped++;
                continue;
            }
            var texts = targetAt.Select(i => record.Values[i].Trim()).ToArray();
            if (texts.All(IsMissing))
            {
                warnings.Add($"{source.Source} line {record.Line} (record {record.Row}): no target value; skipped");
                skipped++;
                continue;
            }
            kept.Add((record, texts, splitAt >= 0 ? record.Values[splitAt].Trim() : null, record.Molecule!));
        }
        if (kept.Count == 0)
            throw new OwnDataException($"{source.Source}: no record with a molecule and a target value ({records} records read" +
                                       (warnings.Count > 0 ? $"; the first: {warnings[0]}" : "") + ")");

        string? inference = null;
        var task = knownTargets is { Count: > 0 } ? knownTargets[0].Kind : options.Task ?? Infer(kept.Select(k => k.Texts).ToList(), options.Targets, out inference);
        var targets = new List<TargetSpec>();
        int offset = 0;
        for (int t = 0; t < options.Targets.Count; t++)
        {
            var observed = kept.Select(k => k.Texts[t]).Where(v => !IsMissing(v)).ToList();
            if (task == TaskKind.Regression)
            {
                targets.Add(new TargetSpec(options.Targets[t], task, [], offset, 1));
                offset += 1;
            }
            else
            {
                var classes = knownTargets is not null ? knownTargets[t].Classes : ClassesOf(observed);
                if (classes.Count < 2)
                    throw new OwnDataException($"{source.Source}: classification target '{options.Targets[t]}' has only {classes.Count} class ({string.Join(", ", classes)}); it needs two or more");
                targets.Add(new TargetSpec(options.Targets[t], task, classes, offset, classes.Count));
                offset += classes.Count;
            }
        }

        var samples = new List<MoleculeSample>(kept.Count);
        foreach (var (record, texts, splitLabel, molecule) in kept)
        {
            var values = new float[targets.Count];
            for (int t = 0; t < targets.Count; t++)
            {
                values[t] = float.NaN;
                if (IsMissing(texts[t])) continue;
                if (task == TaskKind.Regression)
                {
                    if (double.TryParse(texts[t], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)) values[t] = (float)v;
                    else warnings.Add($"{source.Source} line {record.Line} (record {record.Row}): {targets[t].Name} '{texts[t]}' is not a number; treated as missing");
                }
                else
                {
                    int index = IndexOf(targets[t].Classes, texts[t]);
                    if (index >= 0) values[t] = index;
                    else warnings.Add($"{source.Source} line {record.Line} (record {record.Row}): {targets[t].Name} '{texts[t]}' is not one of its classes; treated as missing");
                }
            }
            var graph = featurizer.Prepare(molecule);
            if (graph.NumNodes < 2)
            {
                warnings.Add($"{source.Source} line {record.Line} (record {record.Row}): the molecule has no bond; skipped");
                skipped++;
                continue;
            }
            string name = idAt >= 0 && record.Values[idAt].Length > 0 ? record.Values[idAt] : $"record {record.Row}";
            samples.Add(new MoleculeSample(record.Row, name, graph, record.Smiles, MurckoScaffold.Of(molecule).Key, values, splitLabel));
        }
        if (samples.Count == 0) throw new OwnDataException($"{source.Source}: no usable molecule ({records} records read)");
        for (int t = 0; t < targets.Count; t++)
            if (samples.All(s => float.IsNaN(s.Targets[t])))
                throw new OwnDataException($"{source.Source}: target '{targets[t].Name}' has no usable {(task == TaskKind.Regression ? "numeric " : "")}value in any record" +
                                           (task == TaskKind.Regression ? " (a text label? train it in its own run with --task classification)" : ""));
        return new MoleculeTable(source.Source, samples, targets, task, inference, featurizer, warnings, skipped, records);
    }

    private static IMoleculeSource Open(string path, string? smilesColumn)
    {
        try
        {
            return MoleculeSources.Open(path, new MoleculeSourceOptions { SmilesColumn = smilesColumn });
        }
        catch (MoleculeSourceException e)
        {
            throw new OwnDataException(e.Message);
        }
    }

    private static int Column(IReadOnlyList<string> columns, string name, string option, string source)
    {
        for (int i = 0; i < columns.Count; i++) if (columns[i] == name) return i;
        for (int i = 0; i < columns.Count; i++) if (string.Equals(columns[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        throw new OwnDataException($"{option} {name}: {source} has no such column (its columns: {string.Join(", ", columns)})");
    }

    private static bool IsMissing(string text) => MissingTexts.Contains(text.Trim().ToLowerInvariant());

    private static TaskKind Infer(List<string[]> texts, IReadOnlyList<string> targetNames, out string inference)
    {
        for (int t = 0; t < targetNames.Count; t++)
        {
            var values = texts.Select(x => x[t]).Where(v => !IsMissing(v)).ToList();
            var numbers = values.Where(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)).ToList();
            // A mostly numeric column is numeric: its stray texts are reported and missing, they do not make it a label column.
            if (numbers.Count * 2 < values.Count) continue;
            var distinct = numbers.Distinct().ToList();
            bool wholeAndFew = numbers.Count == values.Count && distinct.Count <= MaxInferredClasses
                               && distinct.All(v => double.Parse(v, CultureInfo.InvariantCulture) == Math.Round(double.Parse(v, CultureInfo.InvariantCulture)));
            if (!wholeAndFew)
            {
                inference = $"regression (inferred: target '{targetNames[t]}' has {distinct.Count} distinct numeric values); pass --task to choose";
                return TaskKind.Regression;
            }
        }
        inference = $"classification (inferred: every target has at most {MaxInferredClasses} distinct whole-number or text values); pass --task to choose";
        return TaskKind.Classification;
    }

    private static List<string> ClassesOf(List<string> observed)
    {
        var distinct = observed.Distinct(StringComparer.Ordinal).ToList();
        bool numeric = distinct.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        return numeric
            ? distinct.OrderBy(v => double.Parse(v, CultureInfo.InvariantCulture)).ToList()
            : distinct.Order(StringComparer.Ordinal).ToList();
    }

    private static int IndexOf(IReadOnlyList<string> classes, string value)
    {
        for (int i = 0; i < classes.Count; i++) if (classes[i] == value) return i;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
            for (int i = 0; i < classes.Count; i++)
                if (double.TryParse(classes[i], NumberStyles.Float, CultureInfo.InvariantCulture, out double c) && c == v) return i;
        return -1;
    }
}
