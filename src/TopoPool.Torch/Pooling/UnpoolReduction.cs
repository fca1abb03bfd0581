namespace TopoPool.Torch.Pooling;

/// <summary>How <see cref="PoolResult.Unpool(TorchSharp.torch.Tensor, UnpoolReduction)"/> combines the rows of a node
/// that belongs to several clusters (TopoPool's shared nodes). Nodes in no cluster get zeros.</summary>
public enum UnpoolReduction
{
    /// <summary>The sum of the node's clusters' rows (weighted by the assignment weight when there is one).</summary>
    Sum,
    /// <summary>The mean of the node's clusters' rows (weighted likewise).</summary>
    Mean,
    /// <summary>The feature-wise maximum of the node's clusters' rows (assignment weights are not applied).</summary>
    Max,
}
