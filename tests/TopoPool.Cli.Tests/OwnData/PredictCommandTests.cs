using System.Globalization;
using System.Text.Json;
using Parquet;
using Xunit;

namespace TopoPool.Cli.Tests.OwnData;

/// <summary>The real <c>topopool train --data</c>, <c>predict</c>, <c>embed</c> and <c>explain --model</c> on a model folder
/// trained in another process.</summary>
[Collection(OwnDataCollection.Name)]
public sealed class PredictCommandTests(OwnDataTables tables)
{
    [Fact]
    public void The_model_folder_describes_itself()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(tables.Model, "model.json")));
        var root = json.RootElement;
        Assert.Equal("topopool-model/1", root.GetProperty("format").GetString());
        Assert.Equal("regression", root.GetProperty("task").GetString());
        var featurizer = root.GetProperty("featurizer");
        // The default featurizer of own data is the rich one (48 atom features).
        Assert.Equal("rich", featurizer.GetProperty("name").GetString());
        Assert.Equal(48, featurizer.GetProperty("width").GetInt32());
        Assert.Equal(48, featurizer.GetProperty("feature_names").GetArrayLength());
        Assert.Equal(48, root.GetProperty("pipeline").GetProperty("input_width").GetInt32());
        Assert.Equal(2, root.GetProperty("pipeline").GetProperty("head").GetProperty("output_width").GetInt32());
        var targets = root.GetProperty("targets").EnumerateArray().Select(t => (t.GetProperty("name").GetString(), t.GetProperty("offset").GetInt32())).ToList();
        Assert.Equal([("Y", 0), ("Y2", 1)], targets);
        var seeds = root.GetProperty("seeds").EnumerateArray().ToList();
        Assert.Equal([1, 2], seeds.Select(s => s.GetProperty("seed").GetInt32()));
        foreach (var seed in seeds)
        {
            Assert.True(File.Exists(Path.Combine(tables.Model, seed.GetProperty("weights").GetString()!)));
            // Y2 = 2 Y + 1 on the rows that have it, so its training spread is about twice Y's.
            var stds = seed.GetProperty("stds").EnumerateArray().Select(s => s.GetDouble()).ToList();
            Assert.InRange(stds[1] / stds[0], 1.8, 2.2);
        }
        Assert.Equal(150, root.GetProperty("data").GetProperty("used").GetInt32());
    }

    [Fact]
    public void Predict_writes_one_row_per_record_in_input_order_with_the_error_rows_kept()
    {
        var result = CliProcess.Run(null, "predict", "--model", tables.Model, "--input", tables.Library);

        Assert.Equal(3, result.ExitCode);
        var table = CsvText.Parse(result.StandardOutput);
        Assert.Equal(["row", "name", "smiles", "Y", "Y_std", "Y2", "Y2_std", "error"], table.Header);
        Assert.Equal(Enumerable.Range(1, tables.LibraryRecords).Select(i => i.ToString(CultureInfo.InvariantCulture)), table.Rows.Select(r => r[0]));
        var source = File.ReadAllLines(tables.Library).Skip(1).ToList();
        Assert.Equal(source.Select(l => l.Split(',')[^1]), table.Rows.Select(r => r[2]));
        Assert.Equal("", table.Cell(10, "Y"));
        Assert.StartsWith("line 12: ", table.Cell(10, "error"));
        Assert.Equal("line 22: the molecule has no bond", table.Cell(20, "error"));
        Assert.Contains("lib.csv line 12: ", result.StandardError);
        for (int i = 0; i < table.Rows.Count; i++)
        {
            if (i is 10 or 20) continue;
            Assert.Equal("", table.Cell(i, "error"));
            Assert.True(double.IsFinite(double.Parse(table.Cell(i, "Y"), CultureInfo.InvariantCulture)));
            Assert.True(double.Parse(table.Cell(i, "Y_std"), CultureInfo.InvariantCulture) >= 0);
        }
    }

    [Fact]
    public void Predictions_do_not_depend_on_the_batch_size()
    {
        var one = CsvText.Parse(CliProcess.Run(null, "predict", "--model", tables.Model, "--input", tables.Library, "--batch-size", "1").StandardOutput);
        var many = CsvText.Parse(CliProcess.Run(null, "predict", "--model", tables.Model, "--input", tables.Library, "--batch-size", "7").StandardOutput);
        for (int i = 0; i < one.Rows.Count; i++)
        {
            if (one.Cell(i, "Y") == "") { Assert.Equal("", many.Cell(i, "Y")); continue; }
            Assert.Equal(double.Parse(one.Cell(i, "Y"), CultureInfo.InvariantCulture), double.Parse(many.Cell(i, "Y"), CultureInfo.InvariantCulture), 4);
        }
    }

    [Fact]
    public void Four_shards_together_are_exactly_the_unsharded_output()
    {
        var whole = CliProcess.Run(null, "predict", "--model", tables.Model, "--input", tables.Library, "--batch-size", "8");
        var rows = new List<string>();
        for (int k = 0; k < 4; k++)
        {
            var output = tables.NewFolder($"shard{k}.csv");
            var shard = CliProcess.Run(null, "predict", "--model", tables.Model, "--input", tables.Library, "--batch-size", "8", "--shard", $"{k}/4", "--out", output);
            Assert.True(shard.ExitCode is 0 or 3, shard.StandardError);
            var lines = File.ReadAllLines(output);
            Assert.Equal(whole.StandardOutput.Split('\n')[0].TrimEnd('\r'), lines[0]);
            Assert.All(lines.Skip(1), l => Assert.Equal(k, (int.Parse(l.Split(',')[0], CultureInfo.InvariantCulture) - 1) / 8 % 4));
            rows.AddRange(lines.Skip(1));
        }
        var expected = whole.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.TrimEnd('\r'));
        Assert.Equal(expected, rows.OrderBy(l => int.Parse(l.Split(',')[0], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_refused_input_leaves_no_output_file_and_keeps_the_one_that_was_there()
    {
        var headerOnly = tables.Write("header-only.csv", ["name,smiles"]);
        var folder = tables.NewFolder("refused");
        Directory.CreateDirectory(folder);
        var fresh = Path.Combine(folder, "new.csv");
        var earlier = Path.Combine(folder, "earlier.csv");
        File.WriteAllText(earlier, "an earlier run's table\n");

        var first = CliProcess.Run(null, "predict", "--model", tables.Model, "--input", headerOnly, "--out", fresh);
        var second = CliProcess.Run(null, "predict", "--model", tables.Model, "--input", headerOnly, "--out", earlier);

        Assert.Equal((2, 2), (first.ExitCode, second.ExitCode));
        Assert.False(File.Exists(fresh));
        Assert.Equal("an earlier run's table\n", File.ReadAllText(earlier));
        Assert.Equal(["earlier.csv"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Parquet_output_holds_the_same_rows_as_csv()
    {
        var csv = CsvText.Parse(CliProcess.Run(null, "predict", "--model", tables.Model, "--input", tables.Library).StandardOutput);
        var path = tables.NewFolder("predictions.parquet");
        var result = CliProcess.Run(null, "predict", "--model", tables.Model, "--input", tables.Library, "--out", path);
        Assert.Equal(3, result.ExitCode);

        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.DataFields;
        Assert.Equal(csv.Header, fields.Select(f => f.Name));
        using var group = reader.OpenRowGroupReader(0);
        int count = (int)group.RowCount;
        Assert.Equal(csv.Rows.Count, count);
        var rows = new int[count];
        await group.ReadAsync<int>(fields[0], rows.AsMemory());
        var y = new double?[count];
        await group.ReadAsync<double>(fields[csv.Column("Y")], y.AsMemory());
        for (int i = 0; i < count; i++)
        {
            Assert.Equal(i + 1, rows[i]);
            Assert.Equal(csv.Cell(i, "Y") == "" ? null : double.Parse(csv.Cell(i, "Y"), CultureInfo.InvariantCulture), y[i]);
        }
    }

    [Fact]
    public void Embed_writes_the_readout_vector_of_each_molecule()
    {
        var result = CliProcess.Run(null, "embed", "--model", tables.Model, "--input", tables.Library, "--seed", "2");
        Assert.Equal(3, result.ExitCode);
        var table = CsvText.Parse(result.StandardOutput);
        // The paper's model reads max and mean of three hidden-32 blocks twice (before and after the pool): 2 x 32 ... as its readout width says.
        var embedding = table.Header.Where(h => h.StartsWith('e') && int.TryParse(h[1..], out _)).ToList();
        Assert.Equal(Enumerable.Range(0, embedding.Count).Select(i => $"e{i}"), embedding);
        Assert.True(embedding.Count >= 32);
        Assert.Equal(tables.LibraryRecords, table.Rows.Count);
        Assert.Equal("", table.Cell(0, "error"));
        Assert.Contains(embedding, e => double.Parse(table.Cell(0, e), CultureInfo.InvariantCulture) != 0);

        var missing = CliProcess.Run(null, "embed", "--model", tables.Model, "--input", tables.Library, "--seed", "7");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("has no model of seed 7 (seeds 1,2)", missing.StandardError);
    }

    [Fact]
    public void Explain_with_a_model_folder_prints_the_prediction_beside_the_clusters()
    {
        var predicted = CsvText.Parse(CliProcess.Run(null, "predict", "--model", tables.Model, "--input", tables.Library).StandardOutput);
        var smiles = predicted.Cell(0, "smiles");
        var result = CliProcess.Run(null, "explain", "--model", tables.Model, "--smiles", smiles);
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput.Split('\n')[0]);
        var prediction = json.RootElement.GetProperty("prediction");
        Assert.Equal(double.Parse(predicted.Cell(0, "Y"), CultureInfo.InvariantCulture), prediction.GetProperty("Y").GetDouble(), 4);
        Assert.True(json.RootElement.GetProperty("clusters").GetArrayLength() >= 1);
    }

    [Fact]
    public void The_same_training_command_reuses_its_seeds_and_other_settings_are_refused()
    {
        var again = CliProcess.Run(null, "train", "--data", tables.Regression, "--targets", "Y,Y2", "--epochs", "3", "--seeds", "1-2", "--out", tables.Model);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("seed 1: finished earlier, reused", again.StandardError);

        var other = CliProcess.Run(null, "train", "--data", tables.Regression, "--targets", "Y,Y2", "--epochs", "4", "--seeds", "1-2", "--out", tables.Model);
        Assert.Equal(2, other.ExitCode);
        Assert.Contains("holds runs made with --epochs 3; this run has --epochs 4", other.StandardError);

        var otherTargets = CliProcess.Run(null, "train", "--data", tables.Regression, "--targets", "Y", "--epochs", "3", "--seeds", "1-2", "--out", tables.Model);
        Assert.Equal(2, otherTargets.ExitCode);
        Assert.Contains("--targets", otherTargets.StandardError);
    }
}
