
using TopoPool.Cli.Requests;

namespace TopoPool.Cli.Timing;

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
    public static BenchmarkBatch Load(string path) => From(ClusterRequest.Parse(File.ReadAllText(path), Path.GetFileName(path)));

    /// <summary>Reads the JSON batch format (see <see cref="ClusterRequest"/>, the one reader of that format).</summary>
    public static BenchmarkBatch Parse(string json) => From(ClusterRequest.Parse(json, "input"));

    /// <summary>The batch of a parsed request (scores, if any, are not needed here).</summary>
    public static BenchmarkBatch From(ClusterRequest request)
    {
        var sources = request.Edges.Select(e => (long)e.Source).ToArray();
        var targets = request.Edges.Select(e => (long)e.Target).ToArray();
        var batch = request.Batch.Select(g => (long)g).ToArray();
        var features = request.Features?.Data.ToArray();
        return new BenchmarkBatch(request.NumNodes, sources, targets, batch, request.NumGraphs, features, request.Features?.Columns ?? 0);
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
