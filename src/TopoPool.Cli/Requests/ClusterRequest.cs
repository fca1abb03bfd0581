using System.Text.Json;
using TopoPool.Core;

namespace TopoPool.Cli.Requests;

/// <summary>
/// The one reader of the JSON batch format that <c>topopool cluster</c> and <c>topopool bench layer</c> take:
/// <c>{"num_nodes": N, "edges": [[i,j],...], "scores": [...], "batch": [...], "features": [[...],...]}</c>.
/// <c>batch</c> may be omitted (one graph); <c>num_graphs</c> may be given (else the largest graph index + 1);
/// <c>edges</c> may be omitted (no edges); <c>scores</c> and <c>features</c> are optional here and required by the
/// verbs that need them. Every problem is a <see cref="FormatException"/> naming the JSON member and index, or the
/// line and column of a syntax error, prefixed with the input's name.
/// </summary>
public sealed record ClusterRequest(
    int NumNodes,
    IReadOnlyList<Edge> Edges,
    float[]? Scores,
    int[] Batch,
    int NumGraphs,
    FeatureMatrix? Features)
{
    /// <summary>Parses and validates the request; errors name the JSON member and index, or the line and column of a syntax error.</summary>
    public static ClusterRequest Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new FormatException($"{source}: invalid JSON at line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new FormatException($"{source}: expected a JSON object with num_nodes, edges and scores");

            int numNodes = ReadInt(Required(root, "num_nodes", source), $"{source}: num_nodes");
            if (numNodes < 0) throw new FormatException($"{source}: num_nodes is {numNodes}, it must not be negative");

            var edges = new List<Edge>();
            if (root.TryGetProperty("edges", out var edgesElement))
            {
                if (edgesElement.ValueKind != JsonValueKind.Array) throw new FormatException($"{source}: edges must be an array of [i, j] pairs");
                int k = 0;
                foreach (var pair in edgesElement.EnumerateArray())
                {
                    if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2)
                        throw new FormatException($"{source}: edges[{k}] must be a pair [i, j]");
                    edges.Add(new Edge(ReadInt(pair[0], $"{source}: edges[{k}][0]"), ReadInt(pair[1], $"{source}: edges[{k}][1]")));
                    k++;
                }
            }

            float[]? scores = null;
            if (root.TryGetProperty("scores", out var scoresElement))
                scores = ReadFloats(scoresElement, $"{source}: scores");

            int[] batch = new int[numNodes];
            if (root.TryGetProperty("batch", out var batchElement))
            {
                if (batchElement.ValueKind != JsonValueKind.Array) throw new FormatException($"{source}: batch must be an array of graph indices");
                batch = batchElement.EnumerateArray().Select((e, i) => ReadInt(e, $"{source}: batch[{i}]")).ToArray();
            }

            int numGraphs = batch.Length == 0 ? (numNodes == 0 ? 0 : 1) : batch.Max() + 1;
            if (root.TryGetProperty("num_graphs", out var graphsElement))
                numGraphs = ReadInt(graphsElement, $"{source}: num_graphs");

            FeatureMatrix? features = null;
            if (root.TryGetProperty("features", out var featuresElement))
            {
                if (featuresElement.ValueKind != JsonValueKind.Array) throw new FormatException($"{source}: features must be an array of rows");
                var rows = featuresElement.EnumerateArray().Select((row, i) => ReadFloats(row, $"{source}: features[{i}]")).ToArray();
                int columns = rows.Length == 0 ? 0 : rows[0].Length;
                for (int i = 0; i < rows.Length; i++)
                    if (rows[i].Length != columns)
                        throw new FormatException($"{source}: features[{i}] has {rows[i].Length} values, features[0] has {columns}");
                features = FeatureMatrix.Create(rows.Length, columns, rows.SelectMany(r => r).ToArray());
            }

            var request = new ClusterRequest(numNodes, edges, scores, batch, numGraphs, features);
            request.Validate(source);
            return request;
        }
    }

    private void Validate(string source)
    {
        var scores = Scores ?? new float[NumNodes];
        if (TopoPoolSpec.Validate(NumNodes, Edges, scores, Batch, NumGraphs) is { } problem)
            throw new FormatException($"{source}: {problem.Message}");
        if (Features is not null && Features.Rows != NumNodes)
            throw new FormatException($"{source}: {GraphError.NewFeatureRowMismatch(Features.Rows, NumNodes).Message}");
    }

    private static JsonElement Required(JsonElement root, string name, string source) =>
        root.TryGetProperty(name, out var value) ? value : throw new FormatException($"{source}: missing \"{name}\"");

    private static int ReadInt(JsonElement element, string where) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out int value)
            ? value
            : throw new FormatException($"{where} must be an integer, found {Describe(element)}");

    private static float[] ReadFloats(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Array) throw new FormatException($"{where} must be an array of numbers");
        var values = new float[element.GetArrayLength()];
        int i = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetDouble(out double v))
                throw new FormatException($"{where}[{i}] must be a number, found {Describe(item)}");
            values[i++] = (float)v;
        }
        return values;
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{element.GetString()}\"",
        JsonValueKind.Number => element.GetRawText(),
        _ => element.ValueKind.ToString().ToLowerInvariant(),
    };
}
