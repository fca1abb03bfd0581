using static TorchSharp.torch;

namespace TopoPool.Torch.Pooling;

/// <summary>
/// Outputs of the baseline pools that <see cref="PoolResult"/> has no property for: read them with
/// <see cref="PoolResult.Extras"/>, <see cref="PoolResult.EdgeWeight"/> or
/// <see cref="PoolResult.AuxiliaryLoss"/>. Every tensor lives in the same dispose scope as the result's own
/// tensors when the pool returns.
/// </summary>
public sealed record PoolExtras
{
    /// <summary>A weight per pooled edge (E', aligned with <see cref="PoolResult.EdgeIndex"/>): ASAPool's
    /// <c>SᵀAS</c> entries, DiffPool's pooled adjacency entries; null when the pooled edges are unweighted.</summary>
    public Tensor? EdgeWeight { get; init; }
    /// <summary>DiffPool's link-prediction loss <c>‖A − SSᵀ‖_F / numel(A)</c> over the padded batch (a scalar).</summary>
    public Tensor? LinkLoss { get; init; }
    /// <summary>DiffPool's entropy loss, the mean over the padded node slots of each row's assignment entropy (a scalar).</summary>
    public Tensor? EntropyLoss { get; init; }
    /// <summary>DiffPool's pooled adjacency <c>SᵀAS</c> (graphs × clusters × clusters).</summary>
    public Tensor? DenseAdjacency { get; init; }
    /// <summary>EdgePooling's score of each input edge (E): softmax over the target's incoming edges plus 0.5.</summary>
    public Tensor? EdgeScore { get; init; }

    /// <summary>Moves every tensor to the enclosing dispose scope (with <see cref="PoolResult.MoveToOuterDisposeScope"/>).</summary>
    public PoolExtras MoveToOuterDisposeScope()
    {
        foreach (var t in new[] { EdgeWeight, LinkLoss, EntropyLoss, DenseAdjacency, EdgeScore })
            t?.MoveToOuterDisposeScope();
        return this;
    }
}
