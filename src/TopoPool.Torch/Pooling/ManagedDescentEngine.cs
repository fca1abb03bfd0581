using TopoPool.Torch.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace TopoPool.Torch.Pooling;

/// <summary>
/// The CPU engine: copies scores, edges and batch to managed memory once, runs peaks and descent over CSR
/// arrays in a reusable per-thread workspace, and copies the assignment back (to the input's device).
/// Scores are compared as float64, which orders float32 values exactly as float32 does.
/// </summary>
public sealed class ManagedDescentEngine : IDescentEngine
{
    [ThreadStatic] private static DescentWorkspace? workspace;

    /// <summary>The engine (stateless; buffers are per thread).</summary>
    public static ManagedDescentEngine Instance { get; } = new();

    private ManagedDescentEngine() { }

    private static DescentWorkspace Workspace => workspace ??= new DescentWorkspace();

    /// <inheritdoc />
    public ClusterAssignment Select(Tensor scores, Tensor edgeIndex, Tensor batch, long numGraphs)
    {
        SelectInput.CheckShapes(scores, edgeIndex, batch, numGraphs);
        using var scope = NewDisposeScope();
        var device = scores.device;
        int n = checked((int)scores.shape[0]);
        var hostScores = HostTensors.OnHost(scores, ScalarType.Float64);
        var hostEdges = HostTensors.OnHost(edgeIndex, ScalarType.Int64);
        var hostBatch = HostTensors.OnHost(batch, ScalarType.Int64);
        var edges = HostTensors.Span<long>(hostEdges);
        int edgeCount = edges.Length / 2;
        var batchValues = HostTensors.Span<long>(hostBatch);

        var work = Workspace;
        work.Select(HostTensors.Span<double>(hostScores), edges[..edgeCount], edges[edgeCount..], batchValues, numGraphs);

        var peaks = work.Peaks;
        var clusterBatch = new long[peaks.Length];
        for (int k = 0; k < peaks.Length; k++) clusterBatch[k] = batchValues[peaks[k]];
        return new ClusterAssignment
        {
            NumNodes = n,
            NumGraphs = numGraphs,
            NumClusters = peaks.Length,
            Peaks = HostTensors.FromSpan(peaks, device),
            ClusterBatch = HostTensors.FromSpan(clusterBatch, device),
            NodeIndex = HostTensors.FromSpan(work.NodeIndex, device),
            ClusterIndex = HostTensors.FromSpan(work.ClusterIndex, device),
            Levels = HostTensors.FromSpan(work.Levels(n), device),
        }.MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public Tensor Connect(Tensor edgeIndex, ClusterAssignment assignment)
    {
        GraphTensorArguments.CheckEdgeIndex(edgeIndex);
        using var scope = NewDisposeScope();
        var device = assignment.NodeIndex.device;
        var hostEdges = HostTensors.OnHost(edgeIndex, ScalarType.Int64);
        var hostNodes = HostTensors.OnHost(assignment.NodeIndex, ScalarType.Int64);
        var hostClusters = HostTensors.OnHost(assignment.ClusterIndex, ScalarType.Int64);
        var edges = HostTensors.Span<long>(hostEdges);
        int edgeCount = edges.Length / 2;
        long k = assignment.NumClusters;
        var directed = Workspace.Connect(checked((int)assignment.NumNodes), k, edges[..edgeCount], edges[edgeCount..],
                                         HostTensors.Span<long>(hostNodes), HostTensors.Span<long>(hostClusters));
        var result = empty(new long[] { 2, directed.Length }, ScalarType.Int64);
        var values = HostTensors.Span<long>(result);
        for (int i = 0; i < directed.Length; i++)
        {
            values[i] = directed[i] / k;
            values[directed.Length + i] = directed[i] % k;
        }
        return (device.type == DeviceType.CPU ? result : result.to(device)).MoveToOuterDisposeScope();
    }
}
