using TopoPool.Core.Pipelines;
using TopoPool.Training.Experiments;
using static TorchSharp.torch;

namespace TopoPool.Cli.Commands;

/// <summary>The command line's names for GNNs, pools and devices (<see cref="ComponentNames"/> is the one spelling).</summary>
public static class ModelChoices
{
    /// <summary>Accepted besides <see cref="ComponentNames.Pools"/>: <c>none</c> for <c>global</c>.</summary>
    public static readonly IReadOnlyList<string> PoolAliases = ["none"];

    public static ConvolutionKind Gnn(string name) =>
        ComponentNames.TryGnn(name, out var gnn) ? gnn : throw new InputException($"--gnn {name}: unknown GNN (choose {string.Join(", ", ComponentNames.Gnns)})");

    public static PoolingKind Pool(string name) =>
        ComponentNames.TryPool(name, out var pool) ? pool : throw new InputException($"--pool {name}: unknown pool (choose {string.Join(", ", ComponentNames.Pools)})");

    public static Device Device(string name) => name.ToLowerInvariant() switch
    {
        "cpu" => CPU,
        "cuda" when cuda.is_available() => CUDA,
        "cuda" => throw new InputException("--device cuda: CUDA is not available; this build references the CPU bundle TorchSharp-cpu (see README, GPU)"),
        _ => throw new InputException($"--device {name}: unknown device (choose cpu or cuda)"),
    };
}
