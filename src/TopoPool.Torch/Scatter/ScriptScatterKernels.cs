using static TorchSharp.torch;

namespace TopoPool.Torch.Scatter;

/// <summary>
/// The device-generic kernel behind <see cref="ScatterReduce.Max"/> for tensors that are not on the CPU: TorchScript
/// compiled once at run time, which reaches ATen's <c>scatter_reduce</c> (TorchSharp 0.107 does not bind it).
/// Memory is O(pairs × columns) whatever the group sizes, unlike a padded dense max.
/// </summary>
internal static class ScriptScatterKernels
{
    private const string Source = """
def arg_max(src: Tensor, index: Tensor, groups: int):
    pairs = src.size(0)
    expanded = index.unsqueeze(1).expand_as(src)
    best = torch.zeros(groups, src.size(1), dtype=src.dtype, device=src.device).scatter_reduce(0, expanded, src, 'amax', include_self=False)
    position = torch.arange(pairs, device=src.device).unsqueeze(1).expand_as(src)
    candidate = torch.where(src == best.gather(0, expanded), position, torch.full_like(position, pairs))
    first = index.new_full((groups, src.size(1)), pairs).scatter_reduce(0, expanded, candidate, 'amin', include_self=True)
    return torch.where(first == pairs, torch.full_like(first, -1), first)
""";

    private static readonly Lazy<jit.CompilationUnit> Compiled = new(() => jit.compile(Source + "\n"), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>For a 2-D <paramref name="source"/> (pairs × columns): per group and column, the first pair holding the
    /// maximum, or -1 for an empty group. Runs without gradient.</summary>
    public static Tensor ArgMax(Tensor source, Tensor groups, long groupCount)
    {
        using var noGrad = no_grad();
        return Compiled.Value.invoke<Tensor>("arg_max", source.detach(), groups, groupCount);
    }
}
