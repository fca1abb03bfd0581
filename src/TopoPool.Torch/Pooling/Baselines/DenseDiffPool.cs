using TopoPool.Torch.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace TopoPool.Torch.Pooling.Baselines;

/// <summary>
/// PyG's <c>dense_diff_pool</c> (Ying et al. 2018) as a free function on a padded batch:
/// <c>S = softmax(s)</c> over the clusters (padding rows zeroed by the mask), <c>X' = SᵀX</c>, <c>A' = SᵀAS</c>,
/// link loss <c>‖A − SSᵀ‖_F / numel(A)</c> and entropy loss <c>mean_rows(−Σ_c S log(S + 1e-15))</c>, both over the
/// whole padded batch as PyG computes them (so they depend on the padding, not only on each graph); both are 0 for
/// an empty batch.
/// </summary>
public static class DenseDiffPool
{
    /// <param name="x">Padded features (graphs × MaxNodes × d).</param>
    /// <param name="adjacency">Padded adjacency (graphs × MaxNodes × MaxNodes).</param>
    /// <param name="logits">Padded assignment logits (graphs × MaxNodes × clusters).</param>
    /// <param name="mask">True at real nodes (graphs × MaxNodes), or null when nothing is padded.</param>
    public static DenseDiffPoolResult Run(Tensor x, Tensor adjacency, Tensor logits, Tensor? mask)
    {
        using var scope = NewDisposeScope();
        var s = logits.softmax(-1);
        if (mask is not null)
        {
            var keep = mask.unsqueeze(-1).to_type(x.dtype);
            x = x * keep;
            s = s * keep;
        }
        var sT = s.transpose(1, 2);
        var pooled = sT.matmul(x);
        var pooledAdjacency = sT.matmul(adjacency).matmul(s);
        Tensor link, entropy;
        if (adjacency.numel() == 0) link = zeros(Array.Empty<long>(), x.dtype, x.device);
        else link = (adjacency - s.matmul(sT)).norm() / adjacency.numel();
        if (s.numel() == 0 || s.shape[0] * s.shape[1] == 0) entropy = zeros(Array.Empty<long>(), x.dtype, x.device);
        else entropy = (-s * (s + ScalarCache.Of(1e-15)).log()).sum(-1).mean();
        return new DenseDiffPoolResult(pooled.MoveToOuterDisposeScope(), pooledAdjacency.MoveToOuterDisposeScope(),
                                       s.MoveToOuterDisposeScope(), link.MoveToOuterDisposeScope(), entropy.MoveToOuterDisposeScope());
    }
}
