namespace TopoPool.Torch.Pooling;

/// <summary>Which engine computes TopoPool's discrete part (peaks, max-region descent, Connect).</summary>
public enum DescentEngine
{
    /// <summary><see cref="Managed"/> for CPU tensors, <see cref="Tensor"/> on every other device.</summary>
    Auto,
    /// <summary>Level-synchronous batched tensor operations on the input's device (what a GPU needs).</summary>
    Tensor,
    /// <summary>Managed code over CSR arrays: scores and edges are copied to the host once, the assignment back.</summary>
    Managed,
}
