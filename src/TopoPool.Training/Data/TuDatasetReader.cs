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
/// <para>A corrupted line costs only the graph(s) it touches: they are skipped, with a warning in
/// <see cref="GraphDataset.Warnings"/> naming the file, the line and the graphs, and every other graph is kept exactly as
/// an undamaged copy would give it, in order (widths, label offsets and classes come from every readable line). Lines
/// are positional (line i is graph, node or edge i), so a corrupted line is one that cannot be read, is empty before the
/// end of the file, or holds an impossible value; the rule per file:</para>
/// <list type="bullet">
/// <item><c>_graph_labels</c>: line g unreadable → graph g. The file's line count is the number of graphs.</item>
/// <item><c>_graph_indicator</c>: line i unreadable or a graph id outside <c>1..graphs</c> → node i has no graph; it may
/// belong to any graph from that of the nearest readable node before it to that of the nearest after it (the TU layout
/// lists nodes graph by graph), narrowed to the graphs of the nodes its edges join when it has edges; those are skipped.</item>
/// <item><c>_node_labels</c>, <c>_node_attributes</c> (when read): line i unreadable (for attributes, also a count of
/// values unlike most lines') → node i's graph. Lines missing at the end → the graphs of the nodes without a line;
/// extra lines at the end → the graph of the last node (one of the two files lost lines there).</item>
/// <item><c>_A</c>: line k unreadable, with a node id outside <c>1..nodes</c>, or joining nodes of two graphs → the edge
/// belongs to the graph its position says: from that of the nearest good edge before it to that of the nearest after
/// it (edges are listed graph by graph), narrowed to the graphs whose remaining edges are not all listed both ways when
/// any is (TU files list every edge in both directions). An edge at a node without a graph skips its other node's graph.</item>
/// <item><c>_edge_labels</c>: line k unreadable → edge k's graph; missing or extra lines at the end as for node files.</item>
/// </list>
/// <para>An added or removed line in the middle of a file shifts every later item and cannot be told from the data; it
/// shows only through the files' line counts. A dataset left with no graph throws <see cref="DatasetFormatException"/>
/// naming its files; a missing or empty required file throws too.</para>
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

        Parsed<int> graphLabels = ReadIntegers(graphLabelsPath, "an integer graph label");
        int numGraphs = graphLabels.Count;
        if (numGraphs == 0)
        {
            throw new DatasetFormatException(graphLabelsPath, null, "is empty");
        }

        var damage = new TuDatasetDamage(numGraphs);
        foreach (int g in graphLabels.BadLines)
        {
            damage.Report(graphLabelsPath, g + 1, graphLabels.Problems[g]!, [g]);
        }

        var nodes = new NodePlacement(ReadIntegers(indicatorPath, "an integer graph id"), numGraphs, Path.GetFileName(graphLabelsPath));
        Parsed<(int Source, int Target)> edges = ReadEdges(edgesPath);
        nodes.PlaceUnreadableNodes(edges, damage, indicatorPath);

        Parsed<int>? nodeLabels = File.Exists(nodeLabelsPath) ? ReadIntegers(nodeLabelsPath, "an integer node label") : null;
        if (nodeLabels is not null)
        {
            ReportPerNodeFile(nodeLabels, nodeLabelsPath, indicatorPath, nodes, damage);
        }

        Parsed<float[]>? attributes = null;
        int attributeWidth = 0;
        if (includeNodeAttributes && File.Exists(attributesPath))
        {
            (attributes, attributeWidth) = ReadAttributes(attributesPath);
            ReportPerNodeFile(attributes, attributesPath, indicatorPath, nodes, damage);
        }

        int[] edgeGraph = PlaceEdges(edges, nodes, damage, edgesPath, indicatorPath);
        Parsed<int>? edgeLabels = File.Exists(edgeLabelsPath) ? ReadIntegers(edgeLabelsPath, "an integer edge label") : null;
        if (edgeLabels is not null)
        {
            ReportPerEdgeFile(edgeLabels, edgeLabelsPath, edgesPath, edgeGraph, damage);
        }

        if (damage.SkippedCount == numGraphs)
        {
            string files = string.Join(", ", new[] { edgesPath, indicatorPath, graphLabelsPath, nodeLabelsPath, edgeLabelsPath, attributesPath }
                .Where(File.Exists).Select(Path.GetFileName));
            throw new DatasetFormatException(
                Path.TrimEndingDirectorySeparator(directory), null,
                $"has no graph left to read: each of its {numGraphs} graphs is touched by a corrupted line of {files} (the first: {damage.Warnings.First()})");
        }

        return Assemble(name, graphLabels, nodes, nodeLabels, attributes, attributeWidth, edges, edgeGraph, edgeLabels, indicatorPath, damage);
    }

    private static GraphDataset Assemble(
        string name,
        Parsed<int> graphLabels,
        NodePlacement nodes,
        Parsed<int>? nodeLabels,
        Parsed<float[]>? attributes,
        int attributeWidth,
        Parsed<(int Source, int Target)> edges,
        int[] edgeGraph,
        Parsed<int>? edgeLabels,
        string indicatorPath,
        TuDatasetDamage damage)
    {
        int numGraphs = graphLabels.Count;
        int numNodes = nodes.Count;
        int[] graphOfNode = nodes.GraphOf;

        // Node i of the dataset becomes node localIndex[i] of graph graphOfNode[i].
        int[] nodeCount = new int[numGraphs];
        int[] localIndex = new int[numNodes];
        for (int i = 0; i < numNodes; i++)
        {
            if (graphOfNode[i] >= 0)
            {
                localIndex[i] = nodeCount[graphOfNode[i]]++;
            }
        }

        int[] edgeCount = new int[numGraphs];
        foreach (int g in edgeGraph)
        {
            if (g >= 0)
            {
                edgeCount[g]++;
            }
        }

        // Widths and offsets come from every readable line, skipped graphs' too, so that a kept graph reads exactly as
        // it would in an undamaged copy of the dataset.
        int labelMin = 0, labelWidth = 0;
        if (nodeLabels is not null && nodeLabels.ReadableValues.Any())
        {
            labelMin = nodeLabels.ReadableValues.Min();
            labelWidth = checked(nodeLabels.ReadableValues.Max() - labelMin + 1);
        }

        bool constantFeature = labelWidth == 0 && attributeWidth == 0;
        int width = constantFeature ? 1 : labelWidth + attributeWidth;
        int edgeLabelMin = edgeLabels is not null && edgeLabels.ReadableValues.Any() ? edgeLabels.ReadableValues.Min() : 0;

        var edgesOf = new Edge[numGraphs][];
        var edgeLabelsOf = edgeLabels is null ? null : new int[numGraphs][];
        var featuresOf = new float[numGraphs][];
        var nodeLabelsOf = nodeLabels is null ? null : new int[numGraphs][];
        for (int g = 0; g < numGraphs; g++)
        {
            if (damage.IsSkipped(g))
            {
                continue;
            }

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

        int[] filled = new int[numGraphs];
        for (int k = 0; k < edgeGraph.Length; k++)
        {
            int g = edgeGraph[k];
            if (g < 0 || damage.IsSkipped(g))
            {
                continue;
            }

            int slot = filled[g]++;
            (int source, int target) = edges.Values[k];
            edgesOf[g][slot] = new Edge(localIndex[source], localIndex[target]);
            if (edgeLabelsOf is not null)
            {
                edgeLabelsOf[g][slot] = edgeLabels!.Values[k] - edgeLabelMin;
            }
        }

        for (int i = 0; i < numNodes; i++)
        {
            int g = graphOfNode[i];
            if (g < 0 || damage.IsSkipped(g))
            {
                continue;
            }

            int row = localIndex[i] * width;
            float[] features = featuresOf[g];
            if (constantFeature)
            {
                features[row] = 1f;
                continue;
            }

            if (nodeLabels is not null)
            {
                int shifted = nodeLabels.Values[i] - labelMin;
                nodeLabelsOf![g][localIndex[i]] = shifted;
                features[row + shifted] = 1f;
            }

            if (attributes is not null)
            {
                Array.Copy(attributes.Values[i], 0, features, row + labelWidth, attributeWidth);
            }
        }

        int[] classValues = graphLabels.ReadableValues.Distinct().Order().ToArray();
        var classOf = new Dictionary<int, int>(classValues.Length);
        for (int c = 0; c < classValues.Length; c++)
        {
            classOf[classValues[c]] = c;
        }

        var samples = new List<GraphSample>(numGraphs - damage.SkippedCount);
        var warnings = damage.Warnings.ToList();
        for (int g = 0; g < numGraphs; g++)
        {
            if (damage.IsSkipped(g))
            {
                continue;
            }

            if (nodeCount[g] == 0)
            {
                warnings.Add($"{name} graph {g + 1} has no nodes (no line of {Path.GetFileName(indicatorPath)} names it); it is kept as an empty graph");
            }

            var graph = Graph.Create(
                nodeCount[g],
                edgesOf[g],
                FeatureMatrix.Create(nodeCount[g], width, featuresOf[g]),
                nodeLabelsOf?[g]);
            samples.Add(GraphSample.ForClass(
                graph,
                $"{name}/{g + 1}",
                classOf[graphLabels.Values[g]],
                edgeLabels: edgeLabelsOf is null ? default : ImmutableArray.Create(edgeLabelsOf[g])));
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

    /// <summary>
    /// A file with one line per node (labels, attributes): a corrupted line skips its node's graph; lines missing at
    /// the end skip the graphs of the nodes without one; extra lines at the end skip the last node's graph.
    /// </summary>
    private static void ReportPerNodeFile<T>(Parsed<T> file, string path, string indicatorPath, NodePlacement nodes, TuDatasetDamage damage)
    {
        foreach (int i in file.BadLines)
        {
            if (i < nodes.Count)
            {
                damage.Report(path, i + 1, file.Problems[i]!, nodes.GraphsOf(i));
            }
        }

        ReportLineCounts(path, file.Count, indicatorPath, nodes.Count, "node", Enumerable.Range(0, nodes.Count).Select(nodes.GraphsOf), damage);
    }

    /// <summary>A file with one line per edge (labels): as <see cref="ReportPerNodeFile"/>, for edges.</summary>
    private static void ReportPerEdgeFile(Parsed<int> file, string path, string edgesPath, int[] edgeGraph, TuDatasetDamage damage)
    {
        foreach (int k in file.BadLines)
        {
            if (k < edgeGraph.Length)
            {
                damage.Report(path, k + 1, file.Problems[k]!, edgeGraph[k] >= 0 ? [edgeGraph[k]] : []);
            }
        }

        ReportLineCounts(path, file.Count, edgesPath, edgeGraph.Length, "edge", edgeGraph.Select(g => g >= 0 ? new[] { g } : []), damage);
    }

    private static void ReportLineCounts(
        string path, int lines, string referencePath, int referenceLines, string item, IEnumerable<int[]> graphsOfItems, TuDatasetDamage damage)
    {
        if (lines == referenceLines)
        {
            return;
        }

        string counts = $"has {lines} lines, {Path.GetFileName(referencePath)} has {referenceLines}";
        List<int[]> graphs = graphsOfItems.ToList();
        if (lines < referenceLines)
        {
            string missing = lines + 1 == referenceLines ? $"{item} {referenceLines} has" : $"{item}s {lines + 1}-{referenceLines} have";
            damage.Report(path, null, $"{counts}: {missing} no line", graphs.Skip(lines).SelectMany(g => g));
        }
        else
        {
            // The files disagree at their ends: one of them lost lines, and the last item is the one in doubt.
            int[] last = graphs.LastOrDefault(g => g.Length > 0) ?? [];
            damage.Report(path, null, $"{counts}: the lines after line {referenceLines} match no {item}", last);
        }
    }

    /// <summary>
    /// The graph of each edge, or -1 for a corrupted line (unreadable, a node id out of range, or an edge joining two
    /// graphs), whose graph is found from its position: the graphs of the nearest good edges before and after it,
    /// narrowed to those whose good edges are not symmetric when any is (TU files list every edge both ways).
    /// </summary>
    private static int[] PlaceEdges(Parsed<(int Source, int Target)> edges, NodePlacement nodes, TuDatasetDamage damage, string edgesPath, string indicatorPath)
    {
        int count = edges.Count;
        int[] edgeGraph = new int[count];
        var bad = new List<(int Edge, string Problem)>();
        for (int k = 0; k < count; k++)
        {
            edgeGraph[k] = -1;
            if (edges.Problems[k] is string unreadable)
            {
                bad.Add((k, unreadable));
                continue;
            }

            (int source, int target) = edges.Values[k];
            int outside = source < 0 || source >= nodes.Count ? source : target < 0 || target >= nodes.Count ? target : int.MinValue;
            if (outside != int.MinValue)
            {
                bad.Add((k, $"node id {outside + 1} is out of range 1..{nodes.Count} (the graph indicator file has {nodes.Count} lines)"));
                continue;
            }

            int a = nodes.GraphOf[source], b = nodes.GraphOf[target];
            if (a >= 0 && b >= 0 && a != b)
            {
                bad.Add((k, $"the edge {source + 1}, {target + 1} joins graph {a + 1} and graph {b + 1} " +
                            $"(see {Path.GetFileName(indicatorPath)} lines {source + 1} and {target + 1})"));
                continue;
            }

            // An edge at a node whose graph is unknown belongs to its other node's graph, which is normally skipped with
            // that node already; if not, the graph cannot be trusted either.
            edgeGraph[k] = a >= 0 ? a : b;
            if (edgeGraph[k] < 0)
            {
                bad.Add((k, $"the edge {source + 1}, {target + 1} joins two nodes whose graph is unknown"));
            }
            else if ((a < 0 || b < 0) && !damage.IsSkipped(edgeGraph[k]))
            {
                damage.Report(edgesPath, k + 1, $"the edge {source + 1}, {target + 1} joins node {(a < 0 ? source : target) + 1}, whose graph is unknown", [edgeGraph[k]]);
            }
        }

        if (bad.Count == 0)
        {
            return edgeGraph;
        }

        var symmetry = new EdgeSymmetry(edges, edgeGraph);
        int[] previousGood = new int[count], nextGood = new int[count];
        for (int k = 0, last = -1; k < count; k++)
        {
            previousGood[k] = last;
            if (edgeGraph[k] >= 0) last = edgeGraph[k];
        }

        for (int k = count - 1, last = -1; k >= 0; k--)
        {
            nextGood[k] = last;
            if (edgeGraph[k] >= 0) last = edgeGraph[k];
        }

        foreach ((int k, string problem) in bad)
        {
            int low = previousGood[k] >= 0 ? previousGood[k] : 0;
            int high = nextGood[k] >= 0 ? nextGood[k] : nodes.NumGraphs - 1;
            (low, high) = (Math.Min(low, high), Math.Max(low, high));
            int[] candidates = Enumerable.Range(low, high - low + 1).ToArray();
            int[] broken = candidates.Where(symmetry.IsAsymmetric).ToArray();
            damage.Report(edgesPath, k + 1, problem, broken.Length > 0 ? broken : candidates);
        }

        return edgeGraph;
    }

    private static Parsed<int> ReadIntegers(string path, string expected)
    {
        var values = new List<int>(1024);
        var problems = new List<string?>(1024);
        foreach ((int _, string line) in PositionalLines.Read(path))
        {
            bool ok = int.TryParse(line.AsSpan(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value);
            values.Add(value);
            problems.Add(ok ? null : line.Length == 0 ? "the line is empty" : $"expected {expected}, found '{Shown(line)}'");
        }

        return new Parsed<int>([.. values], [.. problems]);
    }

    /// <summary>Edges as 0-based node ids as written (not yet checked against the node count).</summary>
    private static Parsed<(int Source, int Target)> ReadEdges(string path)
    {
        var values = new List<(int, int)>(4096);
        var problems = new List<string?>(4096);
        foreach ((int _, string line) in PositionalLines.Read(path))
        {
            ReadOnlySpan<char> text = line.AsSpan();
            int comma = text.IndexOf(',');
            if (comma < 0
                || !int.TryParse(text[..comma], NumberStyles.Integer, CultureInfo.InvariantCulture, out int source)
                || !int.TryParse(text[(comma + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out int target))
            {
                values.Add((-1, -1));
                problems.Add(line.Length == 0 ? "the line is empty" : $"expected two node ids separated by a comma, found '{Shown(line)}'");
                continue;
            }

            values.Add((source - 1, target - 1));
            problems.Add(null);
        }

        return new Parsed<(int, int)>([.. values], [.. problems]);
    }

    /// <summary>Rows of comma-separated numbers; the width is the most common count, and a row of another width is corrupted.</summary>
    private static (Parsed<float[]> Rows, int Width) ReadAttributes(string path)
    {
        var values = new List<float[]>(4096);
        var problems = new List<string?>(4096);
        foreach ((int _, string line) in PositionalLines.Read(path))
        {
            string? problem = line.Length == 0 ? "the line is empty" : null;
            var row = new List<float>();
            foreach (string field in problem is null ? line.Split(',') : [])
            {
                if (!float.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out float value) || !float.IsFinite(value))
                {
                    problem = $"expected comma-separated numbers, found '{Shown(field.Trim())}' in '{Shown(line)}'";
                    break;
                }

                row.Add(value);
            }

            values.Add(problem is null ? [.. row] : []);
            problems.Add(problem);
        }

        int width = values.Where((_, i) => problems[i] is null).GroupBy(r => r.Length).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => g.Key).FirstOrDefault();
        for (int i = 0; i < values.Count; i++)
        {
            if (problems[i] is null && values[i].Length != width)
            {
                problems[i] = $"expected {width} values as on most lines, found {values[i].Length}";
            }
        }

        return (new Parsed<float[]>([.. values], [.. problems]), width);
    }

    /// <summary>A line as it appears in a message: trimmed, control characters shown as <c>?</c>, long lines cut.</summary>
    private static string Shown(string line)
    {
        string text = new(line.Trim().Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return text.Length <= 60 ? text : text[..57] + "...";
    }

    /// <summary>One value per line of a file, with the problem of each line that could not be read (null when it could).</summary>
    private sealed class Parsed<T>(T[] values, string?[] problems)
    {
        public T[] Values { get; } = values;

        public string?[] Problems { get; } = problems;

        public int Count => Values.Length;

        public IEnumerable<int> BadLines => Enumerable.Range(0, Count).Where(i => Problems[i] is not null);

        public IEnumerable<T> ReadableValues => Values.Where((_, i) => Problems[i] is null);
    }

    /// <summary>
    /// The graph of every node, from the indicator file. A corrupted line (unreadable, or a graph id out of range) leaves
    /// its node without a graph; the graphs it may belong to are those of the nearest readable nodes before and after it
    /// (the file lists nodes graph by graph), narrowed to the graphs of the nodes its edges join when it has any.
    /// </summary>
    private sealed class NodePlacement
    {
        private readonly Parsed<int> indicator;
        private readonly string graphLabelsName;
        private readonly Dictionary<int, int[]> candidates = [];

        public NodePlacement(Parsed<int> indicator, int numGraphs, string graphLabelsName)
        {
            this.indicator = indicator;
            this.graphLabelsName = graphLabelsName;
            NumGraphs = numGraphs;
            GraphOf = new int[indicator.Count];
            for (int i = 0; i < GraphOf.Length; i++)
            {
                int g = indicator.Values[i];
                GraphOf[i] = indicator.Problems[i] is null && g >= 1 && g <= numGraphs ? g - 1 : -1;
            }
        }

        public int NumGraphs { get; }

        public int Count => GraphOf.Length;

        /// <summary>The 0-based graph of each node, -1 for a node whose indicator line is corrupted.</summary>
        public int[] GraphOf { get; }

        /// <summary>The graph of node <paramref name="node"/>, or every graph it may belong to.</summary>
        public int[] GraphsOf(int node) => GraphOf[node] >= 0 ? [GraphOf[node]] : candidates.GetValueOrDefault(node, []);

        public void PlaceUnreadableNodes(Parsed<(int Source, int Target)> edges, TuDatasetDamage damage, string indicatorPath)
        {
            var unplaced = Enumerable.Range(0, Count).Where(i => GraphOf[i] < 0).ToList();
            if (unplaced.Count == 0)
            {
                return;
            }

            var joined = unplaced.ToDictionary(i => i, _ => new List<int>());
            for (int k = 0; k < edges.Count; k++)
            {
                (int s, int t) = edges.Values[k];
                if (edges.Problems[k] is null && s >= 0 && s < Count && t >= 0 && t < Count)
                {
                    if (GraphOf[s] < 0 && GraphOf[t] >= 0) joined[s].Add(GraphOf[t]);
                    if (GraphOf[t] < 0 && GraphOf[s] >= 0) joined[t].Add(GraphOf[s]);
                }
            }

            foreach (int i in unplaced)
            {
                int before = i - 1, after = i + 1;
                while (before >= 0 && GraphOf[before] < 0) before--;
                while (after < Count && GraphOf[after] < 0) after++;
                int low = before >= 0 ? GraphOf[before] : 0;
                int high = after < Count ? GraphOf[after] : NumGraphs - 1;
                (low, high) = (Math.Min(low, high), Math.Max(low, high));
                int[] near = joined[i].Where(g => g >= low && g <= high).Distinct().Order().ToArray();
                candidates[i] = near.Length > 0 ? near : Enumerable.Range(low, high - low + 1).ToArray();
                string problem = indicator.Problems[i]
                    ?? $"graph id {indicator.Values[i]} is out of range 1..{NumGraphs} ({graphLabelsName} has {NumGraphs} lines)";
                damage.Report(indicatorPath, i + 1, problem, candidates[i]);
            }
        }
    }

    /// <summary>Whether a graph's good edges are all listed both ways, computed once per graph asked about.</summary>
    private sealed class EdgeSymmetry(Parsed<(int Source, int Target)> edges, int[] edgeGraph)
    {
        private Dictionary<int, List<int>>? edgesByGraph;
        private readonly Dictionary<int, bool> asymmetric = [];

        public bool IsAsymmetric(int graph)
        {
            if (asymmetric.TryGetValue(graph, out bool known))
            {
                return known;
            }

            edgesByGraph ??= Enumerable.Range(0, edgeGraph.Length).Where(k => edgeGraph[k] >= 0).GroupBy(k => edgeGraph[k])
                .ToDictionary(g => g.Key, g => g.ToList());
            var pairs = new HashSet<(int, int)>(edgesByGraph.GetValueOrDefault(graph, []).Select(k => edges.Values[k]));
            bool result = pairs.Any(p => !pairs.Contains((p.Item2, p.Item1)));
            asymmetric[graph] = result;
            return result;
        }
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
}
