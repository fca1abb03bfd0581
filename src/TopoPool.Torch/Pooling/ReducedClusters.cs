using static TorchSharp.torch;

namespace TopoPool.Torch.Pooling;

/// <summary>The result of TopoPool's Reduce: pooled features <c>h_k = σ_k · m_k</c> (K × d) and the cluster
/// weights <c>σ</c> (K).</summary>
public sealed record ReducedClusters(Tensor X, Tensor Weights);
