using TopoPool.Cli.Commands;
using TopoPool.Cli.Requests;
using TopoPool.Cli.Timing;
using Xunit;

namespace TopoPool.Cli.Tests.Commands;

public class ClusterCommandTests
{
    [Fact]
    public void The_shared_node_example_prints_both_clusters()
    {
        var result = CliProcess.Run("""{"num_nodes": 5, "edges": [[0,1],[1,2],[1,3],[1,4]], "scores": [3,2,3,1,1]}""", "cluster", "--impl", "spec");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("""{"peaks":[0,2],"clusters":[[0,1,3,4],[1,2,3,4]]}""", result.StandardOutput.Trim());
    }

    [Fact]
    public void The_default_implementation_is_the_torch_layer_and_agrees()
    {
        var result = CliProcess.Run("""{"num_nodes": 5, "edges": [[0,1],[1,2],[1,3],[1,4]], "scores": [3,2,3,1,1]}""", "cluster");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("""{"peaks":[0,2],"clusters":[[0,1,3,4],[1,2,3,4]]}""", result.StandardOutput.Trim());
    }

    [Fact]
    public void Bench_layer_json_prints_the_timings_of_the_batch()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, """{"num_nodes": 4, "edges": [[0,1],[2,3],[3,2]], "batch": [0,0,1,1]}""");
        var result = CliProcess.Run(null, "bench", "layer", "--input", file, "--hidden", "4", "--reps", "3", "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(result.StandardOutput);
        Assert.Equal(4, json.RootElement.GetProperty("nodes").GetInt32());
        Assert.Equal(3, json.RootElement.GetProperty("edges").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("graphs").GetInt32());
        Assert.True(json.RootElement.GetProperty("forward_ms").GetDouble() > 0);
        Assert.True(json.RootElement.GetProperty("forward_backward_ms").GetDouble() > 0);
        Assert.True(json.RootElement.GetProperty("forward_backward_ratio_to_readout").GetDouble() > 0);
    }

    [Fact]
    public void Bench_layer_without_json_prints_one_sentence()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, """{"num_nodes": 4, "edges": [[0,1],[2,3],[3,2]], "batch": [0,0,1,1]}""");
        var result = CliProcess.Run(null, "bench", "layer", "--input", file, "--hidden", "4", "--reps", "3");
        Assert.Equal(0, result.ExitCode);
        var line = Assert.Single(result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("TopoPool layer, 4 nodes, 3 edges, 2 graphs,", line);
        Assert.Contains(" ms; global max+mean readout ", line);
    }

    [Fact]
    public void A_file_input_with_a_batch_is_read()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, """{"num_nodes": 4, "edges": [[0,1],[2,3]], "scores": [1,2,2,1], "batch": [0,0,1,1]}""");
        var result = CliProcess.Run(null, "cluster", "--input", file, "--impl", "spec");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("""{"peaks":[1,2],"clusters":[[0,1],[2,3]]}""", result.StandardOutput.Trim());
    }

    [Theory]
    [InlineData("""{"num_nodes": 3, "edges": [[0,1],[1,7]], "scores": [1,2,3]}""", "edge 1 has endpoint 7, out of range for 3 nodes")]
    [InlineData("""{"num_nodes": 3, "edges": [[0,-1]], "scores": [1,2,3]}""", "edge 0 has a negative endpoint -1")]
    [InlineData("""{"num_nodes": 3, "edges": [], "scores": [1,2]}""", "2 scores for 3 nodes")]
    [InlineData("""{"num_nodes": 2, "edges": [[0,1]], "scores": [1,2], "batch": [0,1]}""", "edge 0 joins graph 0 and graph 1")]
    [InlineData("""{"num_nodes": 2, "edges": [[0]], "scores": [1,2]}""", "edges[0] must be a pair [i, j]")]
    [InlineData("""{"num_nodes": 2, "edges": [], "scores": [1, "x"]}""", "scores[1] must be a number")]
    [InlineData("""{"edges": [], "scores": []}""", "missing \"num_nodes\"")]
    [InlineData("""{"num_nodes": 2, "edges": [], "scores": [1, 2}""", "invalid JSON at line 1")]
    [InlineData("""{"num_nodes": 2, "edges": []}""", "missing \"scores\"")]
    public void Bad_input_gives_one_line_naming_the_problem_and_a_non_zero_exit(string input, string expected)
    {
        var result = CliProcess.Run(input, "cluster", "--impl", "spec");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Empty(result.StandardOutput);
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("error: standard input: ", lines[0]);
        Assert.Contains(expected, lines[0]);
    }

    [Fact]
    public void An_unknown_implementation_is_one_line_of_error()
    {
        var result = CliProcess.Run("{}", "cluster", "--impl", "quantum");
        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("quantum", result.StandardError);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var result = CliProcess.Run(null, "cluster", "--input", "/nonexistent/graph.json");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("/nonexistent/graph.json: no such file", result.StandardError);
    }
}
