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
