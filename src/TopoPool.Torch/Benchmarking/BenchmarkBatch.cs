using System.Text.Json;

namespace TopoPool.Torch.Benchmarking;

/// <summary>
/// A batch in the <c>topopool cluster</c> JSON format: <c>{"num_nodes": N, "edges": [[i, j], ...], "batch"?: [...],
/// "num_graphs"?: G, "features"?: [[...], ...]}</c> (other keys, such as <c>scores</c>, are ignored). Without
/// <c>batch</c> the nodes form one graph; without <c>num_graphs</c> the graph count is one more than the largest
/// graph index (or 1 for no batch, 0 for no nodes).
/// </summary>
public sealed class BenchmarkBatch
{
    private BenchmarkBatch(int numNodes, long[] sources, long[] targets, long[] batch, int numGraphs, float[]? features, int featureColumns)
    {
        NumNodes = numNodes;
        Sources = sources;
        Targets = targets;
        Batch = batch;
        NumGraphs = numGraphs;
        Features = features;
        FeatureColumns = featureColumns;
    }

    /// <summary>Number of nodes.</summary>
    public int NumNodes { get; }
    /// <summary>First endpoint of each listed edge.</summary>
    public IReadOnlyList<long> Sources { get; }
    /// <summary>Second endpoint of each listed edge.</summary>
    public IReadOnlyList<long> Targets { get; }
    /// <summary>Graph of each node.</summary>
    public IReadOnlyList<long> Batch { get; }
    /// <summary>Number of graphs.</summary>
    public int NumGraphs { get; }
    /// <summary>Row-major node features (<see cref="NumNodes"/> × <see cref="FeatureColumns"/>), or null when the input has none.</summary>
    public IReadOnlyList<float>? Features { get; }
    /// <summary>Feature width (0 without features).</summary>
    public int FeatureColumns { get; }

    /// <summary>Reads a batch from a JSON file.</summary>
    public static BenchmarkBatch Load(string path)
    {
        try { return Parse(File.ReadAllText(path)); }
        catch (FormatException e) { throw new FormatException($"{path}: {e.Message}", e); }
    }

    /// <summary>Reads a batch from JSON text; <see cref="FormatException"/> names what is wrong.</summary>
    public static BenchmarkBatch Parse(string json)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(json); }
        catch (JsonException e) { throw new FormatException($"not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}): {e.Message}", e); }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new FormatException("the input must be a JSON object");
            if (!root.TryGetProperty("num_nodes", out var numNodesElement) || !numNodesElement.TryGetInt32(out int n) || n < 0)
                throw new FormatException("\"num_nodes\" must be a non-negative integer");

            var sources = new List<long>();
            var targets = new List<long>();
            if (root.TryGetProperty("edges", out var edges))
            {
                if (edges.ValueKind != JsonValueKind.Array) throw new FormatException("\"edges\" must be an array of [i, j] pairs");
                int k = 0;
                foreach (var edge in edges.EnumerateArray())
                {
                    if (edge.ValueKind != JsonValueKind.Array || edge.GetArrayLength() != 2
                        || !edge[0].TryGetInt64(out long a) || !edge[1].TryGetInt64(out long b))
                        throw new FormatException($"edge {k} must be a pair of integers [i, j]");
                    if (a < 0 || a >= n || b < 0 || b >= n) throw new FormatException($"edge {k} ({a}, {b}) has an endpoint out of range for {n} nodes");
                    sources.Add(a);
                    targets.Add(b);
                    k++;
                }
            }

            var batch = new long[n];
            int numGraphs = n == 0 ? 0 : 1;
            if (root.TryGetProperty("batch", out var batchElement) && batchElement.ValueKind != JsonValueKind.Null)
            {
                if (batchElement.ValueKind != JsonValueKind.Array || batchElement.GetArrayLength() != n)
                    throw new FormatException($"\"batch\" must be an array of {n} graph indices");
                int i = 0;
                foreach (var g in batchElement.EnumerateArray())
                {
                    if (!g.TryGetInt64(out batch[i]) || batch[i] < 0) throw new FormatException($"batch entry {i} must be a non-negative integer");
                    if (i > 0 && batch[i] < batch[i - 1]) throw new FormatException($"the batch vector decreases at node {i} (graphs must be contiguous and in order)");
                    i++;
                }
                numGraphs = n == 0 ? 0 : checked((int)batch[n - 1] + 1);
            }
            if (root.TryGetProperty("num_graphs", out var numGraphsElement))
            {
                if (!numGraphsElement.TryGetInt32(out int given) || given < numGraphs)
                    throw new FormatException($"\"num_graphs\" must be an integer of at least {numGraphs}");
                numGraphs = given;
            }

            float[]? features = null;
            int columns = 0;
            if (root.TryGetProperty("features", out var featureElement) && featureElement.ValueKind != JsonValueKind.Null)
            {
                if (featureElement.ValueKind != JsonValueKind.Array || featureElement.GetArrayLength() != n)
                    throw new FormatException($"\"features\" must be an array of {n} rows");
                columns = n == 0 ? 0 : featureElement[0].GetArrayLength();
                features = new float[n * columns];
                int row = 0;
                foreach (var r in featureElement.EnumerateArray())
                {
                    if (r.ValueKind != JsonValueKind.Array || r.GetArrayLength() != columns)
                        throw new FormatException($"feature row {row} must have {columns} numbers");
                    int j = 0;
                    foreach (var v in r.EnumerateArray())
                    {
                        if (!v.TryGetSingle(out features[row * columns + j])) throw new FormatException($"feature {j} of row {row} is not a number");
                        j++;
                    }
                    row++;
                }
            }
            return new BenchmarkBatch(n, sources.ToArray(), targets.ToArray(), batch, numGraphs, features, columns);
        }
    }

    /// <summary>A batch from arrays (validated like the JSON input).</summary>
    public static BenchmarkBatch Create(int numNodes, long[] sources, long[] targets, long[] batch, int numGraphs, float[]? features, int featureColumns)
    {
        if (sources.Length != targets.Length) throw new ArgumentException("sources and targets differ in length");
        if (batch.Length != numNodes) throw new ArgumentException($"the batch vector has {batch.Length} entries for {numNodes} nodes");
        if (features is not null && features.Length != numNodes * featureColumns) throw new ArgumentException("features do not fill the node rows");
        return new BenchmarkBatch(numNodes, sources, targets, batch, numGraphs, features, features is null ? 0 : featureColumns);
    }
}
