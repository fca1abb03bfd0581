using System.Text.Json;
using TopoPool.Core.Pipelines;
using TopoPool.Torch.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace TopoPool.Training.OwnData;

/// <summary>
/// A model folder loaded for use: <c>model.json</c> (<see cref="ModelFile"/>) checked part by part against itself and
/// against the library — the format, the pipeline, the featurizer (built in, of the recorded width and feature names,
/// the width the pipeline reads), the targets (their outputs fill the head's output row exactly) — and every seed's
/// weights loaded into the pipeline's model. Whatever does not fit is named: <c>model.json: featurizer 'rich'
/// (52 features) but the pipeline reads 39</c>, <c>seed2.weights: missing</c>.
/// </summary>
public sealed class TrainedModel : IDisposable
{
    private TrainedModel(string folder, ModelFile file, Pipeline pipeline, MoleculeFeaturizer featurizer, IReadOnlyList<TargetSpec> targets,
                         IReadOnlyList<EnsembleMember> members)
    {
        Folder = folder;
        File = file;
        Pipeline = pipeline;
        Featurizer = featurizer;
        Targets = targets;
        Members = members;
    }

    public string Folder { get; }
    public ModelFile File { get; }
    public Pipeline Pipeline { get; }
    public MoleculeFeaturizer Featurizer { get; }
    public IReadOnlyList<TargetSpec> Targets { get; }
    public IReadOnlyList<EnsembleMember> Members { get; }

    /// <summary>The width of the graph embedding the head reads.</summary>
    public int EmbeddingWidth => Pipeline.ReadoutWidth;

    /// <summary>The ensemble member of <paramref name="seed"/>.</summary>
    public EnsembleMember Member(int seed) => Members.FirstOrDefault(m => m.Seed == seed)
        ?? throw new OwnDataException($"{Folder}: has no model of seed {seed} (seeds {string.Join(",", Members.Select(m => m.Seed))})");

    /// <summary>True when <paramref name="path"/> is a model folder (it holds a <c>model.json</c>) or its <c>model.json</c>,
    /// the two forms <see cref="Load"/> takes.</summary>
    public static bool IsModel(string path) =>
        (Directory.Exists(path) && System.IO.File.Exists(Path.Combine(path, ModelFile.FileName)))
        || (System.IO.File.Exists(path) && Path.GetFileName(path) == ModelFile.FileName);

    public static TrainedModel Load(string folder, Device? device = null)
    {
        var at = device ?? CPU;
        if (System.IO.File.Exists(folder) && Path.GetFileName(folder) == ModelFile.FileName) folder = Path.GetDirectoryName(Path.GetFullPath(folder))!;
        if (!Directory.Exists(folder))
            throw new OwnDataException(System.IO.File.Exists(folder) ? $"{folder}: is a file; --model takes a model folder" : $"{folder}: no such model folder");
        var path = Path.Combine(folder, ModelFile.FileName);
        if (!System.IO.File.Exists(path))
            throw new OwnDataException($"{path}: no such file (a model folder is written by `topopool train --data FILE --targets ... --out {folder}`)");
        var file = Read(path);
        string where = $"{path}:";

        Pipeline pipeline;
        try
        {
            pipeline = file.Pipeline?.ToPipeline() ?? throw new FormatException("no pipeline");
        }
        catch (FormatException e)
        {
            throw new OwnDataException($"{where} pipeline: {e.Message}");
        }

        var recorded = file.Featurizer ?? throw new OwnDataException($"{where} no featurizer");
        var featurizer = MoleculeFeaturizers.Named(recorded.Name)
                         ?? throw new OwnDataException($"{where} featurizer '{recorded.Name}' is not built into this version (built in: {string.Join(", ", MoleculeFeaturizers.Names)})");
        if (recorded.Width != pipeline.InputWidth)
            throw new OwnDataException($"{where} featurizer '{recorded.Name}' ({recorded.Width} features) but the pipeline reads {pipeline.InputWidth}");
        if (featurizer.Width != recorded.Width || !featurizer.FeatureNames.SequenceEqual(recorded.FeatureNames ?? []))
            throw new OwnDataException($"{where} featurizer '{recorded.Name}' recorded with {recorded.Width} features, but this version's has {featurizer.Width}" +
                                       (featurizer.Width == recorded.Width ? " with other feature names" : ""));

        var targets = ReadTargets(file, where, pipeline);
        var members = new List<EnsembleMember>();
        try
        {
            foreach (var seed in file.Seeds ?? throw new OwnDataException($"{where} no seeds"))
                members.Add(LoadMember(folder, where, seed, pipeline, featurizer, targets, at));
            if (members.Count == 0) throw new OwnDataException($"{where} no seeds");
        }
        catch
        {
            foreach (var m in members) m.Model.Dispose();
            throw;
        }
        return new TrainedModel(folder, file, pipeline, featurizer, targets, members);
    }

    private static ModelFile Read(string path)
    {
        ModelFile? file;
        try
        {
            file = JsonSerializer.Deserialize(System.IO.File.ReadAllText(path), OwnDataJson.Default.ModelFile);
        }
        catch (JsonException e)
        {
            throw new OwnDataException($"{path}: damaged ({e.Message.Split('\n')[0].Trim()})");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OwnDataException($"{path}: cannot be read ({e.Message})");
        }
        if (file is null) throw new OwnDataException($"{path}: empty");
        if (file.Format != ModelFile.FormatName)
            throw new OwnDataException($"{path}: format '{file.Format}' is not {ModelFile.FormatName} (written by another version?)");
        return file;
    }

    private static List<TargetSpec> ReadTargets(ModelFile file, string where, Pipeline pipeline)
    {
        var targets = new List<TargetSpec>();
        int offset = 0;
        foreach (var (t, i) in (file.Targets ?? []).Select((t, i) => (t, i)))
        {
            var kind = t.Kind switch
            {
                "regression" => TaskKind.Regression,
                "classification" => TaskKind.Classification,
                _ => throw new OwnDataException($"{where} targets[{i}] ('{t.Name}'): kind '{t.Kind}' is neither regression nor classification"),
            };
            int width = kind == TaskKind.Regression ? 1 : t.Classes?.Count ?? 0;
            if (kind == TaskKind.Classification && width < 2) throw new OwnDataException($"{where} targets[{i}] ('{t.Name}'): a classification target needs two classes or more");
            if (t.Offset != offset || t.Width != width)
                throw new OwnDataException($"{where} targets[{i}] ('{t.Name}'): outputs {t.Offset}..{t.Offset + t.Width - 1}, expected {offset}..{offset + width - 1}");
            targets.Add(new TargetSpec(t.Name, kind, t.Classes ?? [], offset, width));
            offset += width;
        }
        if (targets.Count == 0) throw new OwnDataException($"{where} no targets");
        if (offset != pipeline.Head.OutputWidth)
            throw new OwnDataException($"{where} the targets have {offset} outputs but the pipeline's head gives {pipeline.Head.OutputWidth}");
        return targets;
    }

    private static EnsembleMember LoadMember(string folder, string where, ModelSeed seed, Pipeline pipeline, MoleculeFeaturizer featurizer,
                                             IReadOnlyList<TargetSpec> targets, Device device)
    {
        if (seed.Means is null || seed.Stds is null || seed.Means.Count != targets.Count || seed.Stds.Count != targets.Count)
            throw new OwnDataException($"{where} seed {seed.Seed}: the standardisation has not one mean and std per target ({targets.Count})");
        if (seed.Stds.Any(s => !(s > 0) || !double.IsFinite(s)) || seed.Means.Any(m => !double.IsFinite(m)))
            throw new OwnDataException($"{where} seed {seed.Seed}: a standardisation value is not a positive finite number");
        if (string.IsNullOrEmpty(seed.Weights) || Path.GetFileName(seed.Weights) != seed.Weights)
            throw new OwnDataException($"{where} seed {seed.Seed}: weights '{seed.Weights}' is not a file name in the folder");
        var weights = Path.Combine(folder, seed.Weights);
        if (!System.IO.File.Exists(weights)) throw new OwnDataException($"{weights}: missing (model.json lists it for seed {seed.Seed})");
        var model = PipelineModel.Create(pipeline, CPU, seed.Seed);
        try
        {
            model.load(weights);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentException or InvalidOperationException or FormatException)
        {
            model.Dispose();
            string reason = e is EndOfStreamException ? "truncated" : e.Message.Split('\n')[0].Trim();
            throw new OwnDataException($"{weights}: does not fit the model in model.json (featurizer '{featurizer.Name}', {featurizer.Width} features; {reason})");
        }
        model.to(device);
        model.eval();
        return new EnsembleMember(seed.Seed, model, new TargetScaling(seed.Means, seed.Stds), device);
    }

    public void Dispose()
    {
        foreach (var m in Members) m.Model.Dispose();
    }
}

/// <summary>One model of an ensemble, with the standardisation its outputs are read back with.</summary>
public sealed record EnsembleMember(int Seed, PipelineModel Model, TargetScaling Scaling, Device Device);
