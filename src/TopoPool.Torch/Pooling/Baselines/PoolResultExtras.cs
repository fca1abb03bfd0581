using System.Runtime.CompilerServices;
using static TorchSharp.torch;

namespace TopoPool.Torch.Pooling.Baselines;

/// <summary>
/// Reads a baseline pool's <see cref="PoolExtras"/> from the <see cref="PoolResult"/> it returned, so that a model
/// keeps one result type for every pool. The extras are attached to that result instance: a copy made with
/// <c>with { … }</c> does not carry them, and <see cref="PoolResult.MoveToOuterDisposeScope"/> does not move them
/// (call <see cref="MoveToOuterDisposeScopeWithExtras"/> instead). A stopgap until <see cref="PoolResult"/> has
/// <c>EdgeWeight</c> and an auxiliary loss of its own.
/// </summary>
public static class PoolResultExtras
{
    private static readonly ConditionalWeakTable<PoolResult, PoolExtras> Attached = new();

    /// <summary>The extras a baseline pool attached to <paramref name="result"/>, or null.</summary>
    public static PoolExtras? Extras(this PoolResult result) => Attached.TryGetValue(result, out var extras) ? extras : null;

    /// <summary>The weight of each pooled edge, or null when the pooled edges are unweighted.</summary>
    public static Tensor? EdgeWeight(this PoolResult result) => result.Extras()?.EdgeWeight;

    /// <summary>The layer's auxiliary loss (DiffPool: link-prediction loss + entropy loss), or null for layers
    /// without one. The paper's model does not add it to the training loss; a new tensor in the caller's scope.</summary>
    public static Tensor? AuxiliaryLoss(this PoolResult result)
    {
        var extras = result.Extras();
        if (extras?.LinkLoss is null && extras?.EntropyLoss is null) return null;
        if (extras.LinkLoss is null) return extras.EntropyLoss!.alias();
        if (extras.EntropyLoss is null) return extras.LinkLoss.alias();
        return extras.LinkLoss + extras.EntropyLoss;
    }

    /// <summary>Moves the result's tensors and its extras to the enclosing dispose scope.</summary>
    public static PoolResult MoveToOuterDisposeScopeWithExtras(this PoolResult result)
    {
        result.Extras()?.MoveToOuterDisposeScope();
        return result.MoveToOuterDisposeScope();
    }

    internal static PoolResult Attach(this PoolResult result, PoolExtras extras)
    {
        Attached.AddOrUpdate(result, extras);
        return result;
    }
}
