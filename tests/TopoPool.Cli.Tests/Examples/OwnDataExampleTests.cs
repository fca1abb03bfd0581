using System.Globalization;
using System.Text.Json;
using TopoPool.Cli.Tests.OwnData;
using TopoPool.Testing;
using Xunit;

namespace TopoPool.Cli.Tests.Examples;

/// <summary>
/// The own-data examples, built and run as a reader would (<see cref="OwnDataExampleRuns"/>): what they print is checked
/// against the table they were told to make (from ../shared/data's Caco-2 file), against the model folder they wrote,
/// and against the real <c>topopool predict</c> and <c>embed</c> on that folder; the C# and F# programs must agree.
/// </summary>
public sealed class OwnDataExampleTests(OwnDataExampleRuns runs) : IClassFixture<OwnDataExampleRuns>
{
    private static readonly CsvText Caco2 = CsvText.Parse(File.ReadAllText(SharedFolder.Path("data/tdc/caco2_wang.csv")));

    public static TheoryData<string> Names => new(OwnDataExampleRuns.Names);

    [Theory]
    [MemberData(nameof(Names))]
    public void The_example_makes_and_reads_a_table_with_a_second_target_missing_on_every_fourth_row(string name)
    {
        var result = runs.Result(name);
        Assert.True(result.ExitCode == 0, $"{name} exited {result.ExitCode}: {result.StandardError}");
        var lines = Lines(result);
        Assert.StartsWith("table: 200 molecules of 200 records, 0 skipped; regression (inferred", lines[0]);
        Assert.Equal("target Y: 200 values, 0 missing", lines[1]);
        Assert.Equal("target Papp: 150 values, 50 missing", lines[2]);

        var train = CsvText.Parse(File.ReadAllText(Path.Combine(runs.Work(name), "train.csv")));
        Assert.Equal(["name", "smiles", "Y", "Papp"], train.Header);
        Assert.Equal(200, train.Rows.Count);
        for (int i = 0; i < 200; i++)
        {
            Assert.Equal(Caco2.Cell(i, "Drug_ID"), train.Cell(i, "name"));
            Assert.Equal(Caco2.Cell(i, "Drug"), train.Cell(i, "smiles"));
            Assert.Equal(Caco2.Cell(i, "Y"), train.Cell(i, "Y"));
            if (i % 4 == 3) Assert.Equal("", train.Cell(i, "Papp"));
            else Assert.Equal(Math.Pow(10, Number(Caco2.Cell(i, "Y"))) * 1e6, Number(train.Cell(i, "Papp")), 1e-9);
        }
        var heldOut = CsvText.Parse(File.ReadAllText(Path.Combine(runs.Work(name), "heldout.csv")));
        Assert.Equal(Enumerable.Range(200, 50).Select(i => Caco2.Cell(i, "Drug")), heldOut.Rows.Select(r => r[1]));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_example_trains_two_seeds_and_prints_the_mean_test_metrics_its_model_folder_records(string name)
    {
        var lines = Lines(runs.Result(name));
        foreach (int seed in new[] { 1, 2 })
            Assert.Matches($@"^seed {seed}: {OwnDataExampleRuns.Epochs} epochs \(best [1-{OwnDataExampleRuns.Epochs}]\); 160 train, 20 validation, 20 test$",
                           Assert.Single(lines, l => l.StartsWith($"seed {seed}:", StringComparison.Ordinal)));
        Assert.Contains("model folder: model.json, run.json, seed1.result.json, seed1.weights, seed2.result.json, seed2.weights", lines);

        using var model = JsonDocument.Parse(File.ReadAllText(Path.Combine(runs.Work(name), "model", "model.json")));
        var seeds = model.RootElement.GetProperty("seeds").EnumerateArray().ToList();
        foreach (var target in new[] { "Y", "Papp" })
        {
            var perSeed = seeds.Select(s => s.GetProperty("test").EnumerateArray().Single(m => m.GetProperty("name").GetString() == target)).ToList();
            string Shown(string metric)
            {
                var values = perSeed.Select(m => m.GetProperty(metric).GetDouble()).ToList();
                double mean = values.Average();
                // Population std over the seeds, as the benchmark reports its seeds' spread.
                double std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
                return string.Create(CultureInfo.InvariantCulture, $"{metric} {mean:F3} ({std:F3})");
            }
            Assert.Contains($"test {target}: {Shown("mae")} · {Shown("rmse")} · {Shown("r2")}", lines);
            Assert.All(perSeed, m => Assert.True(m.GetProperty("mae").GetDouble() <= m.GetProperty("rmse").GetDouble()));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_example_writes_exactly_the_predictions_of_topopool_predict_and_prints_the_first_five(string name)
    {
        var work = runs.Work(name);
        var cli = Path.Combine(work, "cli-predictions.csv");
        var predict = CliProcess.Run(null, "predict", "--model", Path.Combine(work, "model"), "--input", Path.Combine(work, "heldout.csv"), "--out", cli);
        Assert.True(predict.ExitCode == 0, predict.StandardError);
        Assert.Equal(File.ReadAllBytes(cli), File.ReadAllBytes(Path.Combine(work, "predictions.csv")));

        var table = CsvText.Parse(File.ReadAllText(cli));
        Assert.Equal(["row", "name", "smiles", "input_Y", "input_Papp", "Y", "Y_std", "Papp", "Papp_std", "error"], table.Header);
        Assert.Equal(50, table.Rows.Count);
        var lines = Lines(runs.Result(name));
        Assert.Contains("loaded: regression, targets Y, Papp, seeds 1,2; columns Y,Y_std,Papp,Papp_std", lines);
        var printed = lines.Where(l => l.StartsWith("row ", StringComparison.Ordinal)).ToList();
        var expected = Enumerable.Range(0, 5).Select(i =>
            $"row {i + 1}: Y {F4(table.Cell(i, "Y"))} ± {F4(table.Cell(i, "Y_std"))} (measured {F4(Caco2.Cell(200 + i, "Y"))}), " +
            $"Papp {F4(table.Cell(i, "Papp"))} ± {F4(table.Cell(i, "Papp_std"))}");
        Assert.Equal(expected, printed);
        Assert.All(table.Rows, r => Assert.True(Number(r[table.Column("Y_std")]) > 0, "two seeds' predictions should differ"));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_example_prints_the_embedding_topopool_embed_writes_for_seed_1(string name)
    {
        var work = runs.Work(name);
        var embed = CliProcess.Run(null, "embed", "--model", Path.Combine(work, "model"), "--input", Path.Combine(work, "heldout.csv"), "--seed", "1");
        Assert.True(embed.ExitCode == 0, embed.StandardError);
        var table = CsvText.Parse(embed.StandardOutput);
        var columns = table.Header.Where(h => h.Length > 1 && h[0] == 'e' && h[1..].All(char.IsDigit)).ToList();
        var expected = $"embedding of row 1 ({columns.Count} values): {string.Join(" ", columns.Take(4).Select(c => F4(table.Cell(0, c))))} …";
        Assert.Contains(expected, Lines(runs.Result(name)));
    }

    [Fact]
    public void The_csharp_and_fsharp_examples_print_the_same_lines_and_train_the_same_models()
    {
        string Shown(string name) => runs.Result(name).StandardOutput.Replace(runs.Work(name), "WORK", StringComparison.Ordinal);
        Assert.Equal(Shown("own_data_csharp"), Shown("own_data_fsharp"));
        foreach (var file in new[] { "train.csv", "heldout.csv", "predictions.csv", "model/seed1.weights", "model/seed2.weights" })
            Assert.True(File.ReadAllBytes(Path.Combine(runs.Work("own_data_csharp"), file)).SequenceEqual(File.ReadAllBytes(Path.Combine(runs.Work("own_data_fsharp"), file))),
                        $"{file} differs between the C# and the F# example");
    }

    private static List<string> Lines(CliProcess.Result result) =>
        result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static string F4(string text) => Number(text).ToString("F4", CultureInfo.InvariantCulture);
}
