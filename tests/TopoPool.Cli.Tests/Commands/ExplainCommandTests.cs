using System.Text.Json;
using System.Xml.Linq;
using Xunit;

namespace TopoPool.Cli.Tests.Commands;

public class ExplainCommandTests
{
    [Fact]
    public void Aspirin_is_explained_as_json_and_drawn_as_a_skeletal_formula_with_only_its_oxygens_labelled()
    {
        var svg = Path.Combine(Directory.CreateTempSubdirectory("topopool-explain").FullName, "aspirin.svg");
        var result = CliProcess.Run(null, "explain", "--smiles", "CC(=O)Oc1ccccc1C(=O)O", "--svg", svg);
        Assert.Equal(0, result.ExitCode);

        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        Assert.Equal(13, root.GetProperty("nodes").GetArrayLength());
        var clusters = root.GetProperty("clusters").EnumerateArray().ToList();
        Assert.True(clusters.Count >= 2);
        // Every atom is in some cluster, weights sum to one, every cluster holds its peak.
        Assert.Equal(Enumerable.Range(0, 13), clusters.SelectMany(c => c.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("index").GetInt32())).Distinct().Order());
        Assert.Equal(1.0, clusters.Sum(c => c.GetProperty("weight").GetDouble()), 4);
        Assert.All(clusters, c => Assert.Contains(c.GetProperty("peak").GetInt32(), c.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("index").GetInt32())));

        var document = XDocument.Load(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        var labels = document.Descendants(ns + "text").Where(t => (string?)t.Attribute("class") == "node").ToList();
        // Skeletal formula: the nine carbons are bare vertices, the four oxygens are labelled (the acid's with its H).
        Assert.Equal(4, labels.Count);
        Assert.DoesNotContain(labels, t => t.Value.Contains('C'));
        Assert.All(labels, t => Assert.Contains("O", t.Value));
        Assert.Single(labels, t => t.Value is "OH" or "HO");
    }

    [Fact]
    public void Several_inputs_get_one_svg_each_and_a_bad_smiles_is_an_error_line()
    {
        var folder = Directory.CreateTempSubdirectory("topopool-explain-many").FullName;
        var list = Path.Combine(folder, "molecules.smi");
        File.WriteAllLines(list, ["CCO", "C1CC", "c1ccccc1O"]);
        var result = CliProcess.Run(null, "explain", "--input", list, "--svg", Path.Combine(folder, "m.svg"));
        Assert.Equal(ExitCodes.SomeInputsSkipped, result.ExitCode);
        Assert.Contains("molecules.smi line 2 (record 2): unclosed ring 1", result.StandardError);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Equal(2, lines[1].GetProperty("line").GetInt32());
        Assert.Contains("ring 1", lines[1].GetProperty("error").GetString());
        Assert.True(File.Exists(Path.Combine(folder, "m.1.svg")));
        Assert.False(File.Exists(Path.Combine(folder, "m.2.svg")));
        Assert.True(File.Exists(Path.Combine(folder, "m.3.svg")));
    }

    [Fact]
    public void A_protein_is_explained_by_residue()
    {
        var result = CliProcess.Run(null, "explain", "--pdb", TopoPool.Testing.SharedFolder.Path("data/pdb/1crn.pdb"));
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.Equal("protein", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal(46, json.RootElement.GetProperty("nodes").GetArrayLength());
        Assert.Equal("A:THR1", json.RootElement.GetProperty("nodes")[0].GetProperty("label").GetString());
    }

    [Fact]
    public void A_model_trained_with_train_out_is_loaded()
    {
        var folder = Directory.CreateTempSubdirectory("topopool-explain-model").FullName;
        var train = CliProcess.Run(null, "train", "--dataset", "Caco2_Wang", "--data-dir", TopoPool.Testing.SharedFolder.Path("data"), "--epochs", "1", "--seeds", "1", "--out", folder);
        Assert.True(train.ExitCode == 0, train.StandardError);
        Assert.True(File.Exists(Path.Combine(folder, "seed1.weights")));
        var result = CliProcess.Run(null, "explain", "--model", folder, "--smiles", "c1ccccc1C(=O)O");
        Assert.True(result.ExitCode == 0, result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.EndsWith("seed1.weights", json.RootElement.GetProperty("model").GetString());
    }
}
