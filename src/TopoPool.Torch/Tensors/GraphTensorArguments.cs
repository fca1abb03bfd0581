using TorchSharp;
using static TorchSharp.torch;

namespace TopoPool.Torch.Tensors;

/// <summary>The one set of argument checks for graph tensors, used by the convolutions, the graph LayerNorm, the pools
/// and the descent engines: shapes, types and devices only (index values are checked where they are read).</summary>
internal static class GraphTensorArguments
{
    /// <summary>Checks <c>x</c> (N × <paramref name="channels"/>, floating point) and <c>edgeIndex</c> (int64 2 × E) on
    /// one device.</summary>
    public static void Check(Tensor x, long channels, Tensor edgeIndex)
    {
        CheckFeatures(x, channels);
        CheckEdgeIndex(edgeIndex, x.device);
    }

    public static void CheckFeatures(Tensor x, long channels)
    {
        if (x.dim() != 2 || x.shape[1] != channels || !x.is_floating_point())
            throw new ArgumentException($"x must be a floating-point N × {channels} tensor; got {x.dtype} of shape {Shape(x)}", nameof(x));
    }

    public static void CheckEdgeIndex(Tensor edgeIndex)
    {
        if (edgeIndex.dim() != 2 || edgeIndex.shape[0] != 2 || edgeIndex.dtype != ScalarType.Int64)
            throw new ArgumentException($"the edge index must be an int64 tensor of shape [2, E]; got {edgeIndex.dtype} of shape {Shape(edgeIndex)}", nameof(edgeIndex));
    }

    public static void CheckEdgeIndex(Tensor edgeIndex, Device device)
    {
        CheckEdgeIndex(edgeIndex);
        if (!SameDevice(edgeIndex.device, device))
            throw new ArgumentException($"the edge index is on {edgeIndex.device} but x is on {device}", nameof(edgeIndex));
    }

    public static void CheckEdgeWeight(Tensor? edgeWeight, Tensor edgeIndex)
    {
        if (edgeWeight is null) return;
        if (edgeWeight.dim() != 1 || edgeWeight.shape[0] != edgeIndex.shape[1] || !edgeWeight.is_floating_point())
            throw new ArgumentException($"the edge weight must be a floating-point vector with one entry per edge ({edgeIndex.shape[1]}); got {edgeWeight.dtype} of shape {Shape(edgeWeight)}", nameof(edgeWeight));
        if (!SameDevice(edgeWeight.device, edgeIndex.device))
            throw new ArgumentException($"the edge weight is on {edgeWeight.device} but the edge index is on {edgeIndex.device}", nameof(edgeWeight));
    }

    public static void CheckBatch(Tensor batch, long numNodes, long numGraphs, Device device)
    {
        if (batch.dim() != 1 || batch.dtype != ScalarType.Int64 || batch.shape[0] != numNodes)
            throw new ArgumentException($"batch must be a 1-D int64 tensor with one entry per node ({numNodes}); got {batch.dtype} of shape {Shape(batch)}", nameof(batch));
        if (!SameDevice(batch.device, device))
            throw new ArgumentException($"batch is on {batch.device} but x is on {device}", nameof(batch));
        if (numGraphs < 0) throw new ArgumentOutOfRangeException(nameof(numGraphs), $"the graph count {numGraphs} is negative");
    }

    /// <summary>Device equality by type and index, an unnumbered device being number 0 (<c>cuda</c> is <c>cuda:0</c>;
    /// <see cref="Device"/> itself compares by reference).</summary>
    public static bool SameDevice(Device a, Device b) => a.type == b.type && Math.Max(a.index, 0) == Math.Max(b.index, 0);

    public static string Shape(Tensor t) => "[" + string.Join(", ", t.shape) + "]";
}
