using static TorchSharp.torch;

namespace TopoPool.Torch.Scatter;

/// <summary>
/// The result of <see cref="ScatterReduce.Max"/>: <see cref="Values"/> (groups × columns, or groups for 1-D input)
/// and <see cref="ArgIndex"/> of the same shape, the source row that holds each maximum (the first such row
/// on ties). Empty groups have value 0 and <see cref="ArgIndex"/> equal to the number of source rows, as in
/// torch_scatter.
/// </summary>
public sealed record ScatterMaxResult(Tensor Values, Tensor ArgIndex);
