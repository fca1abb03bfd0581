using TorchSharp;
using static TorchSharp.torch;

namespace TopoPool.Torch.Models;

/// <summary>
/// A batch of graphs as tensors, the input of every model: node features <see cref="X"/> (N×d),
/// <see cref="EdgeIndex"/> (2×E, int64), <see cref="Batch"/> (each node's graph, int64, non-decreasing),
/// the graph count (passed, never inferred) and optional targets <see cref="Y"/> (int64 classes or float targets).
/// </summary>
public sealed record GraphBatch(Tensor X, Tensor EdgeIndex, Tensor Batch, int NumGraphs, Tensor? Y = null) : IDisposable
{
    private GraphStructure? structure;

    public Device Device => X.device;

    /// <summary>What the layers derive from the edges and the batch vector, computed on first use and kept until the
    /// batch is disposed (<see cref="GraphStructure"/>).</summary>
    public GraphStructure Structure => structure ??= new GraphStructure(EdgeIndex, Batch, X.shape[0], NumGraphs);

    /// <summary>
    /// Graphs collated into one batch, as PyG's DataLoader does: node features stacked (every graph must have the same
    /// width), node indices offset per graph, each edge in both directions (<see cref="CoreTensors.DirectedEdges"/>), the
    /// batch vector, and the targets <paramref name="y"/> if given; built on the CPU and moved to <paramref name="device"/>.
    /// </summary>
    public static GraphBatch From(IReadOnlyList<TopoPool.Core.Graph> graphs, Device? device = null, Tensor? y = null)
    {
        int nodes = 0, edges = 0, columns = graphs.Count == 0 ? 0 : graphs[0].Features.Columns;
        for (int g = 0; g < graphs.Count; g++)
        {
            if (graphs[g].Features.Columns != columns)
                throw new ArgumentException($"graph {g} has {graphs[g].Features.Columns} features per node, graph 0 has {columns}", nameof(graphs));
            nodes += graphs[g].NumNodes;
            edges += CoreTensors.DirectedEdgesShared(graphs[g]).Length / 2;
        }

        var x = new float[nodes * columns];
        var batch = new long[nodes];
        var edgeIndex = new long[2 * edges];
        int nodeOffset = 0, edgeOffset = 0;
        for (int g = 0; g < graphs.Count; g++)
        {
            var graph = graphs[g];
            graph.Features.Data.AsSpan().CopyTo(x.AsSpan(nodeOffset * columns));
            batch.AsSpan(nodeOffset, graph.NumNodes).Fill(g);
            var directed = CoreTensors.DirectedEdgesShared(graph);
            int count = directed.Length / 2;
            for (int e = 0; e < count; e++)
            {
                edgeIndex[edgeOffset + e] = directed[e] + nodeOffset;
                edgeIndex[edges + edgeOffset + e] = directed[count + e] + nodeOffset;
            }
            nodeOffset += graph.NumNodes;
            edgeOffset += count;
        }

        var collated = new GraphBatch(tensor(x).reshape(nodes, columns), tensor(edgeIndex).reshape(2, edges), tensor(batch), graphs.Count, y);
        if (device is null || device.type == DeviceType.CPU) return collated;
        using (collated) return collated.To(device);
    }

    /// <summary>A batch on <paramref name="device"/> (the same tensors when already there).</summary>
    public GraphBatch To(Device device) =>
        X.device == device ? this : new GraphBatch(X.to(device), EdgeIndex.to(device), Batch.to(device), NumGraphs, Y?.to(device));

    public void Dispose()
    {
        structure?.Dispose();
        X.Dispose();
        EdgeIndex.Dispose();
        Batch.Dispose();
        Y?.Dispose();
    }
}
