using static TorchSharp.torch;

namespace TopoPool.Torch.Pooling;

/// <summary>TopoPool's Connect as a free function (the paper's definition, design/TOPOPOOL.md): clusters
/// <c>k ≠ l</c> are joined iff some input edge joins a member of <c>k</c> and a member of <c>l</c>.</summary>
public static class TopoPoolConnect
{
    /// <summary>The cluster edges, int64 2 × E', both directions, sorted by (source, target), no self-loops or
    /// duplicates.</summary>
    public static Tensor Run(Tensor edgeIndex, ClusterAssignment assignment, DescentEngine engine = DescentEngine.Auto) =>
        TopoPoolSelect.Engine(engine, assignment.NodeIndex.device).Connect(edgeIndex, assignment);
}
