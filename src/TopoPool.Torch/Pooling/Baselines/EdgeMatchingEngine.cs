namespace TopoPool.Torch.Pooling.Baselines;

/// <summary>How <see cref="EdgeMatching.Greedy"/> resolves the matching; every engine returns the same edges.</summary>
public enum EdgeMatchingEngine
{
    /// <summary><see cref="Managed"/> for CPU tensors, <see cref="Tensor"/> elsewhere.</summary>
    Auto,
    /// <summary>One O(E) pass over the edges in score order on the host (after one sort on the device).</summary>
    Managed,
    /// <summary>Rounds of locally dominant edges in tensor operations, on the tensors' device.</summary>
    Tensor,
}
