using static TorchSharp.torch;

namespace TopoPool.Torch.Pooling.Baselines;

/// <summary>The output of <see cref="DenseDiffPool.Run"/>: pooled features (graphs × clusters × d), pooled adjacency
/// (graphs × clusters × clusters), the soft assignment after softmax and masking (graphs × MaxNodes × clusters), and
/// the two auxiliary losses (scalars).</summary>
public sealed record DenseDiffPoolResult(Tensor X, Tensor Adjacency, Tensor Assignment, Tensor LinkLoss, Tensor EntropyLoss);
