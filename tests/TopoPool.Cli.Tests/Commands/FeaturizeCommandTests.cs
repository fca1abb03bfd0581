using System.Text.Json;
using Xunit;

namespace TopoPool.Cli.Tests.Commands;

public class FeaturizeCommandTests
{
    [Fact]
    public void Aspirin_gives_13_atoms_39_features_each_and_both_bond_directions()
    {
        var result = CliProcess.Run(null, "featurize", "--smiles", "CC(=O)Oc1ccccc1C(=O)O");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        Assert.Equal(13, root.GetProperty("atoms").GetArrayLength());
        Assert.All(root.GetProperty("features").EnumerateArray(), row => Assert.Equal(39, row.GetArrayLength()));
        // 13 bonds, each in both directions, no self-loops.
        var edges = root.GetProperty("edges").EnumerateArray().Select(e => (e[0].GetInt32(), e[1].GetInt32())).ToList();
        Assert.Equal(26, edges.Count);
        Assert.All(edges, e => Assert.Contains((e.Item2, e.Item1), edges));
        Assert.DoesNotContain(edges, e => e.Item1 == e.Item2);
        // Six aromatic ring carbons (feature 38 is the aromatic flag).
        Assert.Equal(6, root.GetProperty("features").EnumerateArray().Count(row => row[38].GetSingle() == 1f));
    }

    [Fact]
    public void A_bad_line_is_reported_with_its_line_and_the_rest_goes_on()
    {
        var file = Path.GetTempFileName();
        File.WriteAllLines(file, ["smiles", "CCO", "C1CC", "", "c1ccccc1 benzene", "[Xx]"]);
        var result = CliProcess.Run(null, "featurize", "--input", file);
        Assert.Equal(ExitCodes.SomeInputsSkipped, result.ExitCode);
        Assert.Equal(2, result.StandardError.Split('\n').Count(l => l.StartsWith("warning: ") && l.EndsWith("; skipped")));
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["CCO", "C1CC", "c1ccccc1", "[Xx]"], lines.Select(l => l.GetProperty("smiles").GetString()));
        Assert.Equal([2, 3, 5, 6], lines.Select(l => l.GetProperty("line").GetInt32()));
        Assert.Equal([1, 2, 3, 4], lines.Select(l => l.GetProperty("row").GetInt32()));
        Assert.Contains("ring 1", lines[1].GetProperty("error").GetString());
        Assert.True(lines[2].TryGetProperty("features", out _));
        Assert.True(lines[3].TryGetProperty("error", out _));
    }

    [Fact]
    public void A_multi_fragment_smiles_keeps_its_longest_fragment()
    {
        var result = CliProcess.Run(null, "featurize", "--smiles", "[Na+].CC(=O)[O-]");
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.Equal(["C", "C", "O", "O"], json.RootElement.GetProperty("atoms").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public void A_csv_with_a_Drug_column_is_read_by_column()
    {
        var file = Path.ChangeExtension(Path.GetTempFileName(), ".csv");
        File.WriteAllLines(file, ["Drug_ID,Drug,Y", "\"a, quoted id\",CCN,1.5", "b,C(,2"]);
        var result = CliProcess.Run(null, "featurize", "--input", file);
        Assert.Equal(ExitCodes.SomeInputsSkipped, result.ExitCode);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["CCN", "C("], lines.Select(l => l.GetProperty("smiles").GetString()));
        Assert.True(lines[1].TryGetProperty("error", out _));
    }

    [Fact]
    public void Standard_input_is_read_with_a_dash_and_a_named_column_is_used()
    {
        var result = CliProcess.Run("id,product,smiles\n1,CCN,CCO\n", "featurize", "--input", "-", "--smiles-column", "product");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.Equal("CCN", json.RootElement.GetProperty("smiles").GetString());
    }

    [Fact]
    public void An_invalid_smiles_option_is_an_error_line_and_exit_code_3()
    {
        var result = CliProcess.Run(null, "featurize", "--smiles", "C1CC");

        Assert.Equal(ExitCodes.SomeInputsSkipped, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.Contains("ring 1", json.RootElement.GetProperty("error").GetString());
        Assert.StartsWith("warning: --smiles 'C1CC': unclosed ring 1", result.StandardError);
    }
}
