using System.Text.Json.Nodes;
using Xunit;

namespace TopoPool.Cli.Tests.OwnData;

/// <summary>A model folder whose parts do not fit is refused with one line naming the part, by the real <c>predict</c>.</summary>
[Collection(OwnDataCollection.Name)]
public sealed class ModelFolderDamageTests(OwnDataTables tables)
{
    private string Damaged(string name, Action<JsonObject>? editModel = null, Action<string>? editFolder = null)
    {
        var folder = tables.NewFolder(name);
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(tables.Model)) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        if (editModel is not null)
        {
            var path = Path.Combine(folder, "model.json");
            var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            editModel(json);
            File.WriteAllText(path, json.ToJsonString());
        }
        editFolder?.Invoke(folder);
        return folder;
    }

    private CliProcess.Result Predict(string folder) => CliProcess.Run(null, "predict", "--model", folder, "--input", tables.Library);

    [Fact]
    public void A_featurizer_of_another_width_than_the_pipeline_reads_is_named()
    {
        var folder = Damaged("tdc-named", m => { m["featurizer"]!["name"] = "tdc"; m["featurizer"]!["width"] = 39; });
        var result = Predict(folder);
        Assert.Equal(2, result.ExitCode);
        Assert.EndsWith("model.json: featurizer 'tdc' (39 features) but the pipeline reads 48", result.StandardError.Trim());
    }

    [Fact]
    public void Weights_of_another_model_are_named_with_their_file()
    {
        var folder = Damaged("other-weights", m =>
        {
            m["pipeline"]!["input_width"] = 39;
            m["featurizer"] = JsonNode.Parse("""{"name": "rich", "width": 39, "feature_names": []}""");
        });
        var result = Predict(folder);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("featurizer 'rich' recorded with 39 features, but this version's has 48", result.StandardError);

        var names = Predict(Damaged("other-names", m => m["featurizer"]!["feature_names"]![0] = "element=Xx"));
        Assert.Equal(2, names.ExitCode);
        Assert.Contains("featurizer 'rich' recorded with 48 features, but this version's has 48 with other feature names", names.StandardError);

        var tdcWeights = Predict(Damaged("tdc-pipeline", m =>
        {
            m["pipeline"]!["input_width"] = 39;
            m["featurizer"] = new JsonObject
            {
                ["name"] = "tdc",
                ["width"] = 39,
                ["feature_names"] = new JsonArray([.. Chemistry.Featurization.TdcAtomFeatures.FeatureNames.Select(n => JsonValue.Create(n))]),
            };
        }));
        Assert.Equal(2, tdcWeights.ExitCode);
        Assert.Matches(@"seed1\.weights: does not fit the model in model\.json \(featurizer 'tdc', 39 features; ", tdcWeights.StandardError);

        var truncated = Damaged("truncated-weights", editFolder: f => File.WriteAllBytes(Path.Combine(f, "seed2.weights"), File.ReadAllBytes(Path.Combine(f, "seed2.weights"))[..100]));
        var cut = Predict(truncated);
        Assert.Equal(2, cut.ExitCode);
        Assert.Matches(@"^error: .*seed2\.weights: does not fit the model in model\.json \(featurizer 'rich', 48 features; truncated\)$", cut.StandardError.Trim());
    }

    [Fact]
    public void A_missing_weights_file_and_targets_that_do_not_fill_the_head_are_named()
    {
        var missing = Predict(Damaged("missing-weights", editFolder: f => File.Delete(Path.Combine(f, "seed1.weights"))));
        Assert.Equal(2, missing.ExitCode);
        Assert.Matches(@"seed1\.weights: missing \(model\.json lists it for seed 1\)$", missing.StandardError.Trim());

        var targets = Predict(Damaged("one-target", m => m["targets"]!.AsArray().RemoveAt(1)));
        Assert.Equal(2, targets.ExitCode);
        Assert.EndsWith("the targets have 1 outputs but the pipeline's head gives 2", targets.StandardError.Trim());

        var scaling = Predict(Damaged("bad-std", m => m["seeds"]![0]!["stds"]![0] = 0));
        Assert.Equal(2, scaling.ExitCode);
        Assert.Contains("seed 1: a standardisation value is not a positive finite number", scaling.StandardError);

        var stage = Predict(Damaged("bad-stage", m => m["pipeline"]!["stages"]![1]!["kind"] = "transformer"));
        Assert.Equal(2, stage.ExitCode);
        Assert.Contains("pipeline: stages[1]: unknown convolution 'transformer'", stage.StandardError);
    }
}
