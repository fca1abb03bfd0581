using TopoPool.Core.Pipelines;
using System.Collections.Immutable;
using System.Globalization;
using TopoPool.Core;

namespace TopoPool.Training.Data;

/// <summary>
/// Reads a dataset of the TU Dortmund graph collection (https://chrsmrrs.github.io/datasets/) from its text files:
/// <c>DS_A.txt</c> (one directed edge <c>row, col</c> per line), <c>DS_graph_indicator.txt</c> (the graph of each
/// node), <c>DS_graph_labels.txt</c> (one label per graph), and optionally <c>DS_node_labels.txt</c>,
/// <c>DS_node_attributes.txt</c> and <c>DS_edge_labels.txt</c>.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Node ids are 1-based and global; each graph's nodes keep the order of the indicator file.</item>
/// <item>Graph labels are mapped to <c>0 .. C-1</c> in sorted order of the values (MUTAG -1/1, PROTEINS 1/2,
/// ENZYMES 1..6 become 0/1, 0/1, 0..5); <see cref="GraphDataset.ClassNames"/> keeps the values as written.</item>
/// <item>Node features: the node label minus the smallest node label, one-hot, with as many columns as there are
/// values from the smallest to the largest (7, 3 and 3 for MUTAG, PROTEINS, ENZYMES); the shifted labels are also
/// the graph's <c>NodeLabels</c>. With <c>includeNodeAttributes</c> the attribute columns follow (PyTorch
/// Geometric's <c>use_node_attr</c>; off by default, as there). Without node labels or attributes every node gets
/// one constant feature 1.</item>
/// <item>Edges are kept exactly as listed (TU files list every undirected edge in both directions); edge labels,
/// when present, are shifted so the smallest is 0 and kept per edge in <see cref="GraphSample.EdgeLabels"/>.</item>
/// <item>Spaces around values are ignored; isolated nodes are kept; trailing empty lines are ignored.</item>
/// </list>
/// A malformed file throws <see cref="DatasetFormatException"/> naming the file and line.
/// </remarks>
/// <example><code>
/// GraphDataset proteins = TuDatasetReader.Read("/data/tu/PROTEINS");         // name taken from the folder
/// GraphDataset enzymes = TuDatasetReader.Read("/data/tu/ENZYMES", "ENZYMES", includeNodeAttributes: true);
/// </code></example>
public static class TuDatasetReader
{
    /// <summary>True when <paramref name="directory"/> holds <c>name_A.txt</c>.</summary>
    public static bool Exists(string directory, string name) => File.Exists(FilePath(directory, name, "A"));

    /// <summary>The path of one of the dataset's files, e.g. <c>FilePath(dir, "MUTAG", "graph_labels")</c>.</summary>
    public static string FilePath(string directory, string name, string part) => Path.Combine(directory, $"{name}_{part}.txt");

    /// <summary>
    /// Reads the dataset <paramref name="name"/> from <paramref name="directory"/>. Without a name, the prefix of the
    /// folder's only <c>*_A.txt</c> file is used (so PyTorch Geometric's <c>MUTAG/raw/</c> works), else the folder's name.
    /// </summary>
    public static GraphDataset Read(string directory, string? name = null, bool includeNodeAttributes = false)
    {
        ArgumentNullException.ThrowIfNull(directory);
        name ??= InferName(directory);
        string edgesPath = FilePath(directory, name, "A");
        string indicatorPath = FilePath(directory, name, "graph_indicator");
        string graphLabelsPath = FilePath(directory, name, "graph_labels");
        string nodeLabelsPath = FilePath(directory, name, "node_labels");
        string attributesPath = FilePath(directory, name, "node_attributes");
        string edgeLabelsPath = FilePath(directory, name, "edge_labels");
        RequireFile(edgesPath, directory);
        RequireFile(indicatorPath, directory);
        RequireFile(graphLabelsPath, directory);

        int[] graphLabelValues = ReadIntegers(graphLabelsPath, "an integer graph label");
        int numGraphs = graphLabelValues.Length;
        if (numGraphs == 0)
        {
            throw new DatasetFormatException(graphLabelsPath, null, "is empty");
        }

        int[] graphOfNode = ReadIntegers(indicatorPath, "an integer graph id");
        int numNodes = graphOfNode.Length;
        for (int i = 0; i < numNodes; i++)
        {
            int g = graphOfNode[i];
            if (g < 1 || g > numGraphs)
            {
                throw new DatasetFormatException(
                    indicatorPath,
                    i + 1,
                    $"graph id {g} is out of range 1..{numGraphs} ({Path.GetFileName(graphLabelsPath)} has {numGraphs} lines)");
            }

            graphOfNode[i] = g - 1;
        }

        int[]? nodeLabels = null;
        if (File.Exists(nodeLabelsPath))
        {
            nodeLabels = ReadIntegers(nodeLabelsPath, "an integer node label");
            RequireSameLineCount(indicatorPath, numNodes, nodeLabelsPath, nodeLabels.Length);
        }

        float[]? attributes = null;
        int attributeWidth = 0;
        if (includeNodeAttributes && File.Exists(attributesPath))
        {
            (attributes, attributeWidth) = ReadAttributes(attributesPath);
            RequireSameLineCount(indicatorPath, numNodes, attributesPath, attributes.Length / Math.Max(attributeWidth, 1));
        }

        (int[] sources, int[] targets) = ReadEdges(edgesPath, numNodes);
        int[]? edgeLabels = null;
        if (File.Exists(edgeLabelsPath))
        {
            edgeLabels = ReadIntegers(edgeLabelsPath, "an integer edge label");
            RequireSameLineCount(edgesPath, sources.Length, edgeLabelsPath, edgeLabels.Length);
        }

        return Assemble(
            name, graphLabelValues, graphOfNode, nodeLabels, attributes, attributeWidth, sources, targets, edgeLabels, edgesPath, indicatorPath);
    }

    private static GraphDataset Assemble(
        string name,
        int[] graphLabelValues,
        int[] graphOfNode,
        int[]? nodeLabels,
        float[]? attributes,
        int attributeWidth,
        int[] sources,
        int[] targets,
        int[]? edgeLabels,
        string edgesPath,
        string indicatorPath)
    {
        int numGraphs = graphLabelValues.Length;
        int numNodes = graphOfNode.Length;

        // Node i of the dataset becomes node localIndex[i] of graph graphOfNode[i].
        int[] nodeCount = new int[numGraphs];
        int[] localIndex = new int[numNodes];
        for (int i = 0; i < numNodes; i++)
        {
            localIndex[i] = nodeCount[graphOfNode[i]]++;
        }

        int[] edgeCount = new int[numGraphs];
        for (int k = 0; k < sources.Length; k++)
        {
            int a = graphOfNode[sources[k]], b = graphOfNode[targets[k]];
            if (a != b)
            {
                throw new DatasetFormatException(
                    edgesPath,
                    k + 1,
                    $"the edge {sources[k] + 1}, {targets[k] + 1} joins graph {a + 1} and graph {b + 1} " +
                    $"(see {Path.GetFileName(indicatorPath)} lines {sources[k] + 1} and {targets[k] + 1})");
            }

            edgeCount[a]++;
        }

        int labelMin = 0, labelWidth = 0;
        if (nodeLabels is not null && nodeLabels.Length > 0)
        {
            labelMin = nodeLabels.Min();
            labelWidth = checked(nodeLabels.Max() - labelMin + 1);
        }

        bool constantFeature = labelWidth == 0 && attributeWidth == 0;
        int width = constantFeature ? 1 : labelWidth + attributeWidth;

        var edgesOf = new Edge[numGraphs][];
        var edgeLabelsOf = edgeLabels is null ? null : new int[numGraphs][];
        var featuresOf = new float[numGraphs][];
        var nodeLabelsOf = nodeLabels is null ? null : new int[numGraphs][];
        for (int g = 0; g < numGraphs; g++)
        {
            edgesOf[g] = new Edge[edgeCount[g]];
            featuresOf[g] = new float[nodeCount[g] * width];
            if (edgeLabelsOf is not null)
            {
                edgeLabelsOf[g] = new int[edgeCount[g]];
            }

            if (nodeLabelsOf is not null)
            {
                nodeLabelsOf[g] = new int[nodeCount[g]];
            }
        }

        int edgeLabelMin = edgeLabels is { Length: > 0 } ? edgeLabels.Min() : 0;
        int[] filled = new int[numGraphs];
        for (int k = 0; k < sources.Length; k++)
        {
            int g = graphOfNode[sources[k]];
            int slot = filled[g]++;
            edgesOf[g][slot] = new Edge(localIndex[sources[k]], localIndex[targets[k]]);
            if (edgeLabelsOf is not null)
            {
                edgeLabelsOf[g][slot] = edgeLabels![k] - edgeLabelMin;
            }
        }

        for (int i = 0; i < numNodes; i++)
        {
            int g = graphOfNode[i];
            int row = localIndex[i] * width;
            float[] features = featuresOf[g];
            if (constantFeature)
            {
                features[row] = 1f;
                continue;
            }

            if (nodeLabels is not null)
            {
                int shifted = nodeLabels[i] - labelMin;
                nodeLabelsOf![g][localIndex[i]] = shifted;
                features[row + shifted] = 1f;
            }

            if (attributes is not null)
            {
                Array.Copy(attributes, i * attributeWidth, features, row + labelWidth, attributeWidth);
            }
        }

        int[] classValues = graphLabelValues.Distinct().Order().ToArray();
        var classOf = new Dictionary<int, int>(classValues.Length);
        for (int c = 0; c < classValues.Length; c++)
        {
            classOf[classValues[c]] = c;
        }

        var samples = new GraphSample[numGraphs];
        var warnings = new List<string>();
        for (int g = 0; g < numGraphs; g++)
        {
            if (nodeCount[g] == 0)
            {
                warnings.Add($"{name} graph {g + 1} has no nodes (no line of {Path.GetFileName(indicatorPath)} names it); it is kept as an empty graph");
            }

            var graph = Graph.Create(
                nodeCount[g],
                edgesOf[g],
                FeatureMatrix.Create(nodeCount[g], width, featuresOf[g]),
                nodeLabelsOf?[g]);
            samples[g] = GraphSample.ForClass(
                graph,
                $"{name}/{g + 1}",
                classOf[graphLabelValues[g]],
                edgeLabels: edgeLabelsOf is null ? default : ImmutableArray.Create(edgeLabelsOf[g]));
        }

        return new GraphDataset(
            name,
            TaskKind.Classification,
            classValues.Length,
            width,
            samples,
            classValues.Select(v => v.ToString(CultureInfo.InvariantCulture)),
            warnings);
    }

    private static string InferName(string directory)
    {
        string[] edgeFiles = Directory.Exists(directory) ? Directory.GetFiles(directory, "*_A.txt") : [];
        return edgeFiles.Length == 1
            ? Path.GetFileName(edgeFiles[0])[..^"_A.txt".Length]
            : new DirectoryInfo(directory).Name;
    }

    private static void RequireFile(string path, string directory)
    {
        if (!File.Exists(path))
        {
            throw new DatasetFormatException(path, null, $"is missing from {directory}");
        }
    }

    private static void RequireSameLineCount(string referencePath, int referenceLines, string path, int lines)
    {
        if (lines != referenceLines)
        {
            throw new DatasetFormatException(
                referencePath,
                null,
                $"has {referenceLines} lines, {Path.GetFileName(path)} has {lines}");
        }
    }

    private static int[] ReadIntegers(string path, string expected)
    {
        var values = new List<int>(1024);
        using var reader = new NumberedLineReader(path);
        while (reader.TryRead(out string line, out int number))
        {
            if (!int.TryParse(line.AsSpan(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
            {
                throw new DatasetFormatException(path, number, $"expected {expected}, found '{line.Trim()}'");
            }

            values.Add(value);
        }

        return values.ToArray();
    }

    /// <summary>Edges as 0-based node ids, checked to lie in <c>1 .. numNodes</c> as written.</summary>
    private static (int[] Sources, int[] Targets) ReadEdges(string path, int numNodes)
    {
        var sources = new List<int>(4096);
        var targets = new List<int>(4096);
        using var reader = new NumberedLineReader(path);
        while (reader.TryRead(out string line, out int number))
        {
            ReadOnlySpan<char> text = line.AsSpan();
            int comma = text.IndexOf(',');
            if (comma < 0
                || !int.TryParse(text[..comma], NumberStyles.Integer, CultureInfo.InvariantCulture, out int source)
                || !int.TryParse(text[(comma + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out int target))
            {
                throw new DatasetFormatException(path, number, $"expected two node ids separated by a comma, found '{line.Trim()}'");
            }

            foreach (int id in (ReadOnlySpan<int>)[source, target])
            {
                if (id < 1 || id > numNodes)
                {
                    throw new DatasetFormatException(
                        path, number, $"node id {id} is out of range 1..{numNodes} (the graph indicator file has {numNodes} lines)");
                }
            }

            sources.Add(source - 1);
            targets.Add(target - 1);
        }

        return (sources.ToArray(), targets.ToArray());
    }

    /// <summary>Comma-separated float rows, all of the same width, flattened row-major.</summary>
    private static (float[] Values, int Width) ReadAttributes(string path)
    {
        var values = new List<float>(4096);
        int width = -1;
        using var reader = new NumberedLineReader(path);
        while (reader.TryRead(out string line, out int number))
        {
            ReadOnlySpan<char> rest = line.AsSpan();
            int count = 0;
            while (true)
            {
                int comma = rest.IndexOf(',');
                ReadOnlySpan<char> field = comma < 0 ? rest : rest[..comma];
                if (!float.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out float value) || !float.IsFinite(value))
                {
                    throw new DatasetFormatException(path, number, $"expected comma-separated numbers, found '{field.Trim().ToString()}' in '{line.Trim()}'");
                }

                values.Add(value);
                count++;
                if (comma < 0)
                {
                    break;
                }

                rest = rest[(comma + 1)..];
            }

            if (width < 0)
            {
                width = count;
            }
            else if (count != width)
            {
                throw new DatasetFormatException(path, number, $"expected {width} values as on line 1, found {count}");
            }
        }

        return (values.ToArray(), Math.Max(width, 0));
    }
}
