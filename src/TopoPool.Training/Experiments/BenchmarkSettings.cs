using TopoPool.Core.Pipelines;
using static TorchSharp.torch;

namespace TopoPool.Training.Experiments;

/// <summary>A grid of datasets × GNNs × pools × seeds, written under <see cref="OutputDirectory"/>.</summary>
public sealed record BenchmarkSettings(
    IReadOnlyList<string> Datasets,
    IReadOnlyList<ConvolutionKind> Gnns,
    IReadOnlyList<PoolingKind> Pools,
    IReadOnlyList<int> Seeds,
    string OutputDirectory,
    Device Device)
{
    public string? DataDirectory { get; init; }
    public int? Epochs { get; init; }
    public int? Patience { get; init; }
    public int Hidden { get; init; } = 32;
    /// <summary>Write the test-set explanations of every run with a clustering pool next to its results.</summary>
    public bool Explain { get; init; }
}
