using static TorchSharp.torch;

namespace TopoPool.Torch.Pooling;

/// <summary>
/// Computes TopoPool's discrete part exactly as design/TOPOPOOL.md says. Every engine gives the same result
/// as the Core specification (<c>MaxRegionDescent.select</c>, <c>Connect.run</c>) on every input, ties included.
/// Results are on the input's device, in the caller's dispose scope; inputs are never disposed.
/// </summary>
public interface IDescentEngine
{
    /// <summary>Peaks and max-region descent. <paramref name="scores"/>: N floating-point scores (compared
    /// exactly as given); <paramref name="edgeIndex"/>: int64 2 × E, undirected (either or both directions,
    /// duplicates and self-loops allowed); <paramref name="batch"/>: int64 N, non-decreasing graph of each node;
    /// edges must not join two graphs (<see cref="ArgumentException"/>).</summary>
    ClusterAssignment Select(Tensor scores, Tensor edgeIndex, Tensor batch, long numGraphs);

    /// <summary>The cluster graph: clusters <c>k ≠ l</c> are joined iff an input edge joins a member of <c>k</c> and a
    /// member of <c>l</c>. Returns int64 2 × E' with both directions, sorted by (source, target), no self-loops.</summary>
    Tensor Connect(Tensor edgeIndex, ClusterAssignment assignment);
}
