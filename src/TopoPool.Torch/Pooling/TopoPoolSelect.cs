using TorchSharp;
using static TorchSharp.torch;

namespace TopoPool.Torch.Pooling;

/// <summary>
/// TopoPool's Select as a free function on given scores (no scoring layer): peaks and max-region descent,
/// exactly as design/TOPOPOOL.md. Use it to cluster with known scores, e.g. <c>topopool cluster --impl torch</c>.
/// </summary>
public static class TopoPoolSelect
{
    /// <summary>The engine for a device: <see cref="DescentEngine.Auto"/> picks the managed engine for CPU tensors
    /// and the tensor engine elsewhere.</summary>
    public static IDescentEngine Engine(DescentEngine engine, Device device) => engine switch
    {
        DescentEngine.Managed => ManagedDescentEngine.Instance,
        DescentEngine.Tensor => TensorDescentEngine.Instance,
        DescentEngine.Auto => device.type == DeviceType.CPU ? ManagedDescentEngine.Instance : TensorDescentEngine.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "unknown descent engine"),
    };

    /// <summary>Select on a batch: <paramref name="scores"/> (N, any floating type, compared exactly),
    /// <paramref name="edgeIndex"/> (int64, 2 × E), <paramref name="batch"/> (int64, N, non-decreasing).</summary>
    public static ClusterAssignment Run(Tensor scores, Tensor edgeIndex, Tensor batch, long numGraphs,
                                        DescentEngine engine = DescentEngine.Auto) =>
        Engine(engine, scores.device).Select(scores, edgeIndex, batch, numGraphs);

    /// <summary>Select on one graph.</summary>
    public static ClusterAssignment Run(Tensor scores, Tensor edgeIndex, DescentEngine engine = DescentEngine.Auto)
    {
        using var scope = NewDisposeScope();
        var batch = zeros(scores.shape[0], ScalarType.Int64, scores.device);
        return Run(scores, edgeIndex, batch, 1, engine).MoveToOuterDisposeScope();
    }
}
