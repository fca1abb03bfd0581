using static TorchSharp.torch;

namespace TopoPool.Torch.Convolution;

/// <summary>GAT's output (N × width), the edges it attended over (int64 2 × E') and the coefficients (E' × heads).</summary>
public sealed record GatAttention(Tensor Output, Tensor EdgeIndex, Tensor Alpha);
