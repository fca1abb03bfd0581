using TopoPool.Core.Pipelines;
using TopoPool.Core;
using TopoPool.Testing;
using TopoPool.Training.Data;
using System.Text.RegularExpressions;
using Xunit;

namespace TopoPool.Training.Tests.Data;

/// <summary>The TU reader against the verified counts of the shared data README, and on corrupted copies.</summary>
public class TuDatasetReaderTests
{
    public static TheoryData<string, int, int, int, int, int, int, int, int> VerifiedCounts => new()
    {
        // name, graphs, nodes, min nodes, max nodes, lines of _A (directed edges), classes, node-label width, isolated nodes
        { "MUTAG", 188, 3371, 10, 28, 7442, 2, 7, 0 },
        { "PROTEINS", 1113, 43471, 4, 620, 162088, 2, 3, 5 },
        { "ENZYMES", 600, 19580, 2, 126, 74564, 6, 3, 106 },
    };

    [Theory]
    [MemberData(nameof(VerifiedCounts))]
    public void Counts_match_the_data_readme(
        string name, int graphs, int nodes, int minNodes, int maxNodes, int directedEdges, int classes, int width, int isolated)
    {
        GraphDataset data = TuDatasetReader.Read(SharedFolder.Path("data", "tu", name));

        Assert.Equal(name, data.Name);
        Assert.Equal(TaskKind.Classification, data.Task);
        Assert.Equal(EvaluationMetric.Accuracy, data.Metric);
        Assert.Equal(graphs, data.Count);
        Assert.Equal(nodes, data.TotalNodes);
        Assert.Equal(minNodes, data.Samples.Min(s => s.Graph.NumNodes));
        Assert.Equal(maxNodes, data.Samples.Max(s => s.Graph.NumNodes));
        Assert.Equal(directedEdges, data.Samples.Sum(s => s.Graph.Edges.Length));
        Assert.Equal(directedEdges / 2, data.Samples.Sum(s => s.Graph.Edges.Select(e => e.Canonical).Distinct().Count()));
        Assert.Equal(classes, data.NumClasses);
        Assert.Equal(width, data.NodeFeatureWidth);
        Assert.Equal(isolated, data.Samples.Sum(s => IsolatedNodes(s.Graph)));
        Assert.Empty(data.Warnings);
    }

    [Fact]
    public void Graph_labels_are_remapped_in_sorted_order()
    {
        GraphDataset mutag = TuDatasetReader.Read(SharedFolder.Path("data", "tu", "MUTAG"));
        GraphDataset proteins = TuDatasetReader.Read(SharedFolder.Path("data", "tu", "PROTEINS"));
        GraphDataset enzymes = TuDatasetReader.Read(SharedFolder.Path("data", "tu", "ENZYMES"));

        Assert.Equal(["-1", "1"], mutag.ClassNames);
        Assert.Equal([63, 125], ClassCounts(mutag));
        Assert.Equal(1, mutag[0].ClassIndex); // line 1 of MUTAG_graph_labels.txt is 1
        Assert.Equal(0, mutag[1].ClassIndex); // line 2 is -1
        Assert.Equal(["1", "2"], proteins.ClassNames);
        Assert.Equal([663, 450], ClassCounts(proteins));
        Assert.Equal(["1", "2", "3", "4", "5", "6"], enzymes.ClassNames);
        Assert.Equal(Enumerable.Repeat(100, 6), ClassCounts(enzymes));
    }

    [Fact]
    public void Node_features_are_one_hot_node_labels_shifted_to_zero()
    {
        GraphDataset enzymes = TuDatasetReader.Read(SharedFolder.Path("data", "tu", "ENZYMES"));
        string[] labelLines = File.ReadAllLines(Path.Combine(SharedFolder.Path("data", "tu", "ENZYMES"), "ENZYMES_node_labels.txt"));

        int node = 0;
        foreach (GraphSample sample in enzymes.Samples)
        {
            Graph graph = sample.Graph;
            for (int v = 0; v < graph.NumNodes; v++, node++)
            {
                int expected = int.Parse(labelLines[node].Trim()) - 1; // ENZYMES node labels are 1, 2, 3
                Assert.Equal(expected, graph.NodeLabels[v]);
                for (int c = 0; c < 3; c++)
                {
                    Assert.Equal(c == expected ? 1f : 0f, graph.Features[v, c]);
                }
            }
        }

        Assert.Equal(19580, node);
    }

    [Fact]
    public void Edges_are_kept_in_both_directions_in_file_order_with_edge_labels()
    {
        GraphDataset mutag = TuDatasetReader.Read(SharedFolder.Path("data", "tu", "MUTAG"));
        Graph first = mutag[0].Graph;

        // MUTAG_A.txt starts "2, 1", "1, 2", "3, 2": node ids are 1-based, graph 1 starts at node 1.
        Assert.Equal(new Edge(1, 0), first.Edges[0]);
        Assert.Equal(new Edge(0, 1), first.Edges[1]);
        Assert.Equal(new Edge(2, 1), first.Edges[2]);
        Assert.All(mutag.Samples, s => Assert.Equal(s.Graph.Edges.Length, s.EdgeLabels.Length));
        Assert.Equal(4, mutag.Samples.SelectMany(s => s.EdgeLabels).Distinct().Count());
        Assert.All(mutag.Samples, s => Assert.DoesNotContain(s.Graph.Edges, e => e.IsSelfLoop));
    }

    [Theory]
    [InlineData("PROTEINS", 3 + 1, 23f)]
    [InlineData("ENZYMES", 3 + 18, 11f)]
    public void Node_attributes_follow_the_one_hot_columns_when_asked_for(string name, int width, float firstAttribute)
    {
        GraphDataset data = TuDatasetReader.Read(SharedFolder.Path("data", "tu", name), includeNodeAttributes: true);

        Assert.Equal(width, data.NodeFeatureWidth);
        Assert.Equal(firstAttribute, data[0].Graph.Features[0, 3]); // the first value on line 1 of the attribute file
    }

    [Fact]
    public void Reading_is_fast()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        TuDatasetReader.Read(SharedFolder.Path("data", "tu", "PROTEINS"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"PROTEINS took {clock.Elapsed}");
    }

    [Fact]
    public void Stray_spaces_tabs_and_windows_line_ends_are_tolerated()
    {
        using var temp = new TemporaryFolder();
        string folder = temp.CopyFolder(SharedFolder.Path("data", "tu", "MUTAG"), "MUTAG");
        foreach (string file in Directory.EnumerateFiles(folder, "MUTAG_*.txt"))
        {
            string[] lines = File.ReadAllLines(file);
            File.WriteAllText(file, string.Join("\r\n", lines.Select(l => "  " + l.Replace(", ", " ,\t") + " ")) + "\r\n\r\n");
        }

        GraphDataset original = TuDatasetReader.Read(SharedFolder.Path("data", "tu", "MUTAG"));
        GraphDataset spaced = TuDatasetReader.Read(folder);

        Assert.Equal(original.Count, spaced.Count);
        for (int g = 0; g < original.Count; g++)
        {
            Assert.Equal(original[g].Graph, spaced[g].Graph);
            Assert.Equal(original[g].ClassIndex, spaced[g].ClassIndex);
        }
    }

    [Fact]
    public void A_truncated_graph_indicator_costs_the_last_graph_only()
    {
        using var temp = new TemporaryFolder();
        string folder = temp.CopyFolder(SharedFolder.Path("data", "tu", "MUTAG"), "MUTAG");
        DropLastLine(Path.Combine(folder, "MUTAG_graph_indicator.txt"));

        GraphDataset data = TuDatasetReader.Read(folder);

        AssertKeptAsOriginal(data, SharedFolder.Path("data", "tu", "MUTAG"), skipped: [188]);
        Assert.Contains("MUTAG_node_labels.txt: has 3371 lines, MUTAG_graph_indicator.txt has 3370: the lines after line 3370 match no node; graph 188 skipped", data.Warnings);
    }

    [Fact]
    public void A_line_cut_in_half_costs_its_graph_and_names_the_file_and_line()
    {
        using var temp = new TemporaryFolder();
        string folder = temp.CopyFolder(SharedFolder.Path("data", "tu", "MUTAG"), "MUTAG");
        string path = Path.Combine(folder, "MUTAG_A.txt");
        string text = File.ReadAllText(path).TrimEnd('\n');
        File.WriteAllText(path, text[..^6]); // the last line "3369, 3371" keeps "3369"

        GraphDataset data = TuDatasetReader.Read(folder);

        AssertKeptAsOriginal(data, SharedFolder.Path("data", "tu", "MUTAG"), skipped: [188]);
        Assert.Contains(data.Warnings, w => w.StartsWith("MUTAG_A.txt line 7442: expected two node ids separated by a comma, found '3369'; graph 188 skipped"));
    }

    [Fact]
    public void A_non_numeric_node_id_costs_its_graph()
    {
        using var temp = new TemporaryFolder();
        string folder = temp.CopyFolder(SharedFolder.Path("data", "tu", "PROTEINS"), "PROTEINS");
        ReplaceLine(Path.Combine(folder, "PROTEINS_A.txt"), 17, "x, 3");

        GraphDataset data = TuDatasetReader.Read(folder);

        AssertKeptAsOriginal(data, SharedFolder.Path("data", "tu", "PROTEINS"), skipped: [1]);
        Assert.Equal(["PROTEINS_A.txt line 17: expected two node ids separated by a comma, found 'x, 3'; graph 1 skipped"], data.Warnings);
    }

    [Theory]
    [InlineData(5, "4000, 1", "MUTAG_A.txt line 5: node id 4000 is out of range 1..3371 (the graph indicator file has 3371 lines); graph 1 skipped")]
    [InlineData(1, "0, 1", "MUTAG_A.txt line 1: node id 0 is out of range 1..3371 (the graph indicator file has 3371 lines); graph 1 skipped")]
    [InlineData(3, "3, 3371", "MUTAG_A.txt line 3: the edge 3, 3371 joins graph 1 and graph 188 (see MUTAG_graph_indicator.txt lines 3 and 3371); graph 1 skipped")]
    public void An_impossible_edge_costs_the_graph_its_line_is_in(int line, string text, string warning)
    {
        using var temp = new TemporaryFolder();
        string folder = temp.CopyFolder(SharedFolder.Path("data", "tu", "MUTAG"), "MUTAG");
        ReplaceLine(Path.Combine(folder, "MUTAG_A.txt"), line, text);

        GraphDataset data = TuDatasetReader.Read(folder);

        AssertKeptAsOriginal(data, SharedFolder.Path("data", "tu", "MUTAG"), skipped: [1]);
        Assert.Equal([warning], data.Warnings);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        using var temp = new TemporaryFolder();
        string folder = temp.CopyFolder(SharedFolder.Path("data", "tu", "MUTAG"), "MUTAG");
        File.Delete(Path.Combine(folder, "MUTAG_graph_labels.txt"));

        var error = Assert.Throws<DatasetFormatException>(() => TuDatasetReader.Read(folder));

        Assert.Equal($"MUTAG_graph_labels.txt is missing from {folder}", error.Message);
    }

    [Fact]
    public void A_truncated_graph_label_file_costs_the_unlabelled_graph_and_the_one_before_it()
    {
        using var temp = new TemporaryFolder();
        string folder = temp.CopyFolder(SharedFolder.Path("data", "tu", "MUTAG"), "MUTAG");
        DropLastLine(Path.Combine(folder, "MUTAG_graph_labels.txt"));

        GraphDataset data = TuDatasetReader.Read(folder);

        // Graph 188's nodes name a graph that no longer exists; which of them belonged to graph 187 cannot be told.
        AssertKeptAsOriginal(data, SharedFolder.Path("data", "tu", "MUTAG"), skipped: [187, 188]);
        Assert.Contains(data.Warnings, w => Regex.IsMatch(w, @"^MUTAG_graph_indicator\.txt lines \d+-3371: graph id 188 is out of range 1\.\.187 \(MUTAG_graph_labels\.txt has 187 lines\); graph 187 skipped$"));
    }

    [Fact]
    public void A_non_numeric_graph_label_costs_that_graph()
    {
        using var temp = new TemporaryFolder();
        string folder = temp.CopyFolder(SharedFolder.Path("data", "tu", "ENZYMES"), "ENZYMES");
        ReplaceLine(Path.Combine(folder, "ENZYMES_graph_labels.txt"), 42, "six");

        GraphDataset data = TuDatasetReader.Read(folder);

        AssertKeptAsOriginal(data, SharedFolder.Path("data", "tu", "ENZYMES"), skipped: [42]);
        Assert.Equal(["ENZYMES_graph_labels.txt line 42: expected an integer graph label, found 'six'; graph 42 skipped"], data.Warnings);
    }

    [Fact]
    public void An_empty_line_inside_a_file_costs_its_graph()
    {
        using var temp = new TemporaryFolder();
        string folder = temp.CopyFolder(SharedFolder.Path("data", "tu", "MUTAG"), "MUTAG");
        ReplaceLine(Path.Combine(folder, "MUTAG_node_labels.txt"), 10, "");

        GraphDataset data = TuDatasetReader.Read(folder);

        AssertKeptAsOriginal(data, SharedFolder.Path("data", "tu", "MUTAG"), skipped: [1]);
        Assert.Equal(["MUTAG_node_labels.txt line 10: the line is empty; graph 1 skipped"], data.Warnings);
    }

    [Fact]
    public void Edge_labels_short_of_the_edges_cost_the_unlabelled_edges_graph()
    {
        using var temp = new TemporaryFolder();
        string folder = temp.CopyFolder(SharedFolder.Path("data", "tu", "MUTAG"), "MUTAG");
        DropLastLine(Path.Combine(folder, "MUTAG_edge_labels.txt"));

        GraphDataset data = TuDatasetReader.Read(folder);

        AssertKeptAsOriginal(data, SharedFolder.Path("data", "tu", "MUTAG"), skipped: [188]);
        Assert.Equal(["MUTAG_edge_labels.txt: has 7441 lines, MUTAG_A.txt has 7442: edge 7442 has no line; graph 188 skipped"], data.Warnings);
    }

    [Fact]
    public void A_corrupted_graph_indicator_line_at_a_boundary_is_placed_by_its_edges()
    {
        using var temp = new TemporaryFolder();
        string folder = temp.CopyFolder(SharedFolder.Path("data", "tu", "MUTAG"), "MUTAG");
        string[] indicator = File.ReadAllLines(Path.Combine(folder, "MUTAG_graph_indicator.txt"));
        int firstOfGraph2 = Array.IndexOf(indicator, "2") + 1;
        ReplaceLine(Path.Combine(folder, "MUTAG_graph_indicator.txt"), firstOfGraph2, "two");

        GraphDataset data = TuDatasetReader.Read(folder);

        AssertKeptAsOriginal(data, SharedFolder.Path("data", "tu", "MUTAG"), skipped: [2]);
    }

    [Fact]
    public void A_dataset_left_with_no_graph_is_refused_naming_its_files()
    {
        using var temp = new TemporaryFolder();
        temp.Write("TOY/TOY_A.txt", "1, 2\n2, 1\n");
        temp.Write("TOY/TOY_graph_indicator.txt", "1\n1\n");
        temp.Write("TOY/TOY_graph_labels.txt", "one\n");

        var error = Assert.Throws<DatasetFormatException>(() => TuDatasetReader.Read(Path.Combine(temp.Path, "TOY")));

        Assert.Equal(
            "TOY has no graph left to read: each of its 1 graphs is touched by a corrupted line of TOY_A.txt, TOY_graph_indicator.txt, TOY_graph_labels.txt " +
            "(the first: TOY_graph_labels.txt line 1: expected an integer graph label, found 'one'; graph 1 skipped)",
            error.Message);
    }

    [Fact]
    public void A_small_hand_written_dataset_keeps_isolated_nodes_and_an_empty_graph()
    {
        using var temp = new TemporaryFolder();
        temp.Write("TOY/TOY_A.txt", "1, 2\n2, 1\n");
        temp.Write("TOY/TOY_graph_indicator.txt", "1\n1\n1\n3\n");
        temp.Write("TOY/TOY_graph_labels.txt", "5\n-2\n5\n");
        temp.Write("TOY/TOY_node_labels.txt", "4\n6\n4\n5\n");

        GraphDataset toy = TuDatasetReader.Read(Path.Combine(temp.Path, "TOY"));

        Assert.Equal(3, toy.Count);
        Assert.Equal(3, toy[0].Graph.NumNodes);
        Assert.Equal(1, IsolatedNodes(toy[0].Graph));
        Assert.Equal(0, toy[1].Graph.NumNodes);
        Assert.Equal([1, 0, 1], toy.Samples.Select(s => s.ClassIndex));
        Assert.Equal(3, toy.NodeFeatureWidth);
        Assert.Equal([0, 2, 0], toy[0].Graph.NodeLabels.ToArray());
        Assert.Equal([1], toy[2].Graph.NodeLabels.ToArray());
        Assert.Single(toy.Warnings);
        Assert.Contains("TOY graph 2 has no nodes", toy.Warnings[0]);
    }

    [Fact]
    public void The_name_comes_from_the_edge_file_when_the_folder_is_named_otherwise()
    {
        using var temp = new TemporaryFolder();
        string folder = temp.CopyFolder(SharedFolder.Path("data", "tu", "MUTAG"), "raw");

        GraphDataset mutag = TuDatasetReader.Read(folder);

        Assert.Equal("MUTAG", mutag.Name);
        Assert.Equal(188, mutag.Count);
    }

    /// <summary>The dataset read from <paramref name="originalFolder"/> without the <paramref name="skipped"/> graphs
    /// (1-based), every other graph identical and in order.</summary>
    internal static void AssertKeptAsOriginal(GraphDataset data, string originalFolder, int[] skipped)
    {
        GraphDataset original = TuDatasetReader.Read(originalFolder);
        var expected = original.Samples.Where((_, g) => !skipped.Contains(g + 1)).ToList();
        Assert.Equal(expected.Select(s => s.Id), data.Samples.Select(s => s.Id));
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Graph, data[i].Graph);
            Assert.Equal(expected[i].ClassIndex, data[i].ClassIndex);
            Assert.Equal(expected[i].EdgeLabels.ToArray(), data[i].EdgeLabels.ToArray());
        }

        Assert.Equal(original.NodeFeatureWidth, data.NodeFeatureWidth);
        Assert.Equal(original.ClassNames, data.ClassNames);
    }

    internal static int IsolatedNodes(Graph graph)
    {
        var touched = new bool[graph.NumNodes];
        foreach (Edge e in graph.Edges)
        {
            if (!e.IsSelfLoop)
            {
                touched[e.Source] = true;
                touched[e.Target] = true;
            }
        }

        return touched.Count(t => !t);
    }

    private static int[] ClassCounts(GraphDataset data) =>
        Enumerable.Range(0, data.NumClasses).Select(c => data.Samples.Count(s => s.ClassIndex == c)).ToArray();

    private static void DropLastLine(string path)
    {
        string[] lines = File.ReadAllLines(path);
        File.WriteAllLines(path, lines[..^1]);
    }

    private static void ReplaceLine(string path, int lineNumber, string text)
    {
        string[] lines = File.ReadAllLines(path);
        lines[lineNumber - 1] = text;
        File.WriteAllLines(path, lines);
    }
}
