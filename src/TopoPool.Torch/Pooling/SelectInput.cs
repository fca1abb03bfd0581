using TopoPool.Torch.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace TopoPool.Torch.Pooling;

/// <summary>The Select inputs' shape, type and device checks shared by the engines (through
/// <see cref="GraphTensorArguments"/>); the value checks live with each engine.</summary>
internal static class SelectInput
{
    public static void CheckShapes(Tensor scores, Tensor edgeIndex, Tensor batch, long numGraphs)
    {
        if (scores.dim() != 1 || !scores.is_floating_point())
            throw new ArgumentException($"scores must be a 1-D floating-point tensor; got {scores.dtype} of shape {GraphTensorArguments.Shape(scores)}", nameof(scores));
        CheckGraph(scores.shape[0], scores.device, edgeIndex, batch, numGraphs);
    }

    /// <summary>Checks the edge index and batch vector of a batch of <paramref name="nodeCount"/> nodes on <paramref name="device"/>.</summary>
    public static void CheckGraph(long nodeCount, Device device, Tensor edgeIndex, Tensor batch, long numGraphs)
    {
        GraphTensorArguments.CheckEdgeIndex(edgeIndex, device);
        GraphTensorArguments.CheckBatch(batch, nodeCount, numGraphs, device);
    }

    public static string EdgeJoinsGraphs(long edge, long source, long target, long sourceGraph, long targetGraph) =>
        $"edge {edge} ({source}, {target}) joins graph {sourceGraph} and graph {targetGraph}; edges must stay inside one graph";
}
