using TorchSharp;
using static TorchSharp.torch;

namespace TopoPool.Torch.Pooling;

/// <summary>Shape and type checks shared by the engines; the value checks live with each engine.</summary>
internal static class SelectInput
{
    public static void CheckShapes(Tensor scores, Tensor edgeIndex, Tensor batch, long numGraphs)
    {
        if (scores.dim() != 1 || !scores.is_floating_point())
            throw new ArgumentException($"scores must be a 1-D floating-point tensor; got {scores.dtype} of shape {Shape(scores)}", nameof(scores));
        CheckGraph(scores.shape[0], scores.device, edgeIndex, batch, numGraphs);
    }

    /// <summary>Checks the edge index and batch vector of a batch of <paramref name="nodeCount"/> nodes on <paramref name="device"/>.</summary>
    public static void CheckGraph(long nodeCount, Device device, Tensor edgeIndex, Tensor batch, long numGraphs)
    {
        CheckEdgeIndex(edgeIndex);
        if (batch.dim() != 1 || batch.dtype != ScalarType.Int64 || batch.shape[0] != nodeCount)
            throw new ArgumentException($"batch must be a 1-D int64 tensor with one entry per node ({nodeCount}); got {batch.dtype} of shape {Shape(batch)}", nameof(batch));
        if (numGraphs < 0) throw new ArgumentOutOfRangeException(nameof(numGraphs), $"the graph count {numGraphs} is negative");
        if (!SameDevice(edgeIndex.device, device) || !SameDevice(batch.device, device))
            throw new ArgumentException($"the node tensors ({device}), edge index ({edgeIndex.device}) and batch ({batch.device}) must be on one device");
    }

    private static bool SameDevice(Device a, Device b) => a.type == b.type && Math.Max(a.index, 0) == Math.Max(b.index, 0);

    public static void CheckEdgeIndex(Tensor edgeIndex)
    {
        if (edgeIndex.dim() != 2 || edgeIndex.shape[0] != 2 || edgeIndex.dtype != ScalarType.Int64)
            throw new ArgumentException($"the edge index must be an int64 tensor of shape [2, E]; got {edgeIndex.dtype} of shape {Shape(edgeIndex)}", nameof(edgeIndex));
    }

    public static string Shape(Tensor t) => "[" + string.Join(", ", t.shape) + "]";

    public static string EdgeJoinsGraphs(long edge, long source, long target, long sourceGraph, long targetGraph) =>
        $"edge {edge} ({source}, {target}) joins graph {sourceGraph} and graph {targetGraph}; edges must stay inside one graph";
}
