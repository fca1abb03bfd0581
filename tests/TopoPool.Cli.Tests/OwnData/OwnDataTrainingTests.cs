using System.Globalization;
using System.Text.Json;
using TopoPool.Testing;
using Xunit;

namespace TopoPool.Cli.Tests.OwnData;

/// <summary>The real <c>topopool train --data</c>: classification, SDF input, a separate test file and a split column.</summary>
[Collection(OwnDataCollection.Name)]
public sealed class OwnDataTrainingTests(OwnDataTables tables)
{
    [Fact]
    public void Text_labels_are_inferred_as_classification_and_predicted_as_class_probabilities()
    {
        var folder = tables.NewFolder("cls-model");
        var train = CliProcess.Run(null, "train", "--data", tables.Classification, "--targets", "label", "--epochs", "2", "--out", folder, "--json");
        Assert.Equal(0, train.ExitCode);
        Assert.Contains("note: task classification (inferred", train.StandardError);
        using var json = JsonDocument.Parse(train.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
        var target = json.RootElement.GetProperty("targets")[0];
        Assert.Equal(["high", "low"], target.GetProperty("classes").EnumerateArray().Select(c => c.GetString()));
        foreach (var metric in new[] { "accuracy", "roc_auc", "pr_auc" })
            Assert.InRange(target.GetProperty("test").GetProperty(metric).GetProperty("mean").GetDouble(), 0, 1);

        var predicted = CliProcess.Run(null, "predict", "--model", folder, "--input", tables.Library);
        var table = CsvText.Parse(predicted.StandardOutput);
        Assert.Equal(["row", "name", "smiles", "label_high", "label_low", "error"], table.Header);
        var p = double.Parse(table.Cell(0, "label_high"), CultureInfo.InvariantCulture) + double.Parse(table.Cell(0, "label_low"), CultureInfo.InvariantCulture);
        Assert.Equal(1, p, 6);
    }

    [Fact]
    public void An_sdf_file_trains_with_its_data_fields_as_columns()
    {
        var lines = File.ReadLines(SharedFolder.Path("golden/caco2_wang.2d.sdf")).ToList();
        int end = lines.Select((l, i) => (l, i)).Where(x => x.l == "$$$$").Skip(59).First().i;
        var sdf = tables.Write("sixty.sdf", lines.Take(end + 1));
        var train = CliProcess.Run(null, "train", "--data", sdf, "--targets", "Y", "--epochs", "1", "--out", tables.NewFolder("sdf-model"), "--json");
        Assert.True(train.ExitCode == 0, train.StandardError);
        using var json = JsonDocument.Parse(train.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
        Assert.Equal(60, json.RootElement.GetProperty("used").GetInt32());
        Assert.Equal("regression", json.RootElement.GetProperty("task").GetString());
    }

    [Fact]
    public void A_separate_test_file_is_every_seeds_test_set_and_a_split_column_decides_the_parts()
    {
        var rows = File.ReadAllLines(tables.Regression).Skip(1).ToList();
        var test = tables.Write("heldout.csv", ["Drug_ID,Drug,Y,Y2", .. rows.Take(30)]);
        var rest = tables.Write("rest.csv", ["Drug_ID,Drug,Y,Y2", .. rows.Skip(30)]);
        var withTest = CliProcess.Run(null, "train", "--data", rest, "--test", test, "--targets", "Y", "--split-sizes", "0.8,0.2", "--epochs", "1", "--seeds", "1-2",
            "--out", tables.NewFolder("test-file-model"), "--json");
        Assert.True(withTest.ExitCode == 0, withTest.StandardError);
        using (var json = JsonDocument.Parse(withTest.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]))
        {
            foreach (var run in json.RootElement.GetProperty("runs").EnumerateArray())
            {
                Assert.Equal(30, run.GetProperty("test").GetInt32());
                Assert.Equal(96, run.GetProperty("train").GetInt32());
                Assert.Equal(24, run.GetProperty("validation").GetInt32());
            }
        }

        var labelled = tables.Write("labelled.csv", ["Drug_ID,Drug,Y,Y2,part", .. rows.Select((r, i) => $"{r},{(i < 100 ? "train" : i < 125 ? "Val" : "test")}")]);
        var byColumn = CliProcess.Run(null, "train", "--data", labelled, "--split-column", "part", "--targets", "Y", "--epochs", "1",
            "--out", tables.NewFolder("column-model"), "--json");
        Assert.True(byColumn.ExitCode == 0, byColumn.StandardError);
        using var split = JsonDocument.Parse(byColumn.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
        var only = split.RootElement.GetProperty("runs")[0];
        Assert.Equal((100, 25, 25), (only.GetProperty("train").GetInt32(), only.GetProperty("validation").GetInt32(), only.GetProperty("test").GetInt32()));
    }
}
