using static TorchSharp.torch;

namespace TopoPool.Torch.Convolution;

/// <summary>PyG's <c>glorot</c> initialiser: uniform in <c>±sqrt(6 / (size(-2) + size(-1)))</c>. For a 2-D weight this is
/// Xavier-uniform; for GAT's <c>1 × heads × channels</c> attention vectors it uses the last two sizes, as PyG does
/// (TorchSharp's <c>xavier_uniform_</c> would count the heads into both fans).</summary>
internal static class Glorot
{
    public static void Reset(Tensor parameter)
    {
        long fans = parameter.shape[^1] + (parameter.dim() > 1 ? parameter.shape[^2] : 0);
        double bound = Math.Sqrt(6.0 / Math.Max(1, fans));
        using var _ = no_grad();
        parameter.uniform_(-bound, bound);
    }
}
