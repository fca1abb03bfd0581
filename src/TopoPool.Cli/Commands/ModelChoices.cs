using TopoPool.Core.Pipelines;
using static TorchSharp.torch;

namespace TopoPool.Cli.Commands;

/// <summary>The names the command line uses for GNNs, pools, devices and seed ranges.</summary>
public static class ModelChoices
{
    public static readonly string[] Gnns = ["gcn", "gat", "sage"];
    public static readonly string[] Pools = ["topo", "none", "topk", "sag", "diff", "edge", "asa"];

    public static ConvolutionKind Gnn(string name) => name.ToLowerInvariant() switch
    {
        "gcn" => ConvolutionKind.Gcn,
        "gat" => ConvolutionKind.Gat,
        "sage" => ConvolutionKind.Sage,
        _ => throw new InputException($"--gnn {name}: unknown GNN (choose {string.Join(", ", Gnns)})"),
    };

    public static PoolingKind Pool(string name) => name.ToLowerInvariant() switch
    {
        "topo" => PoolingKind.TopoPool,
        "none" or "global" => PoolingKind.Global,
        "topk" => PoolingKind.TopK,
        "sag" => PoolingKind.Sag,
        "diff" => PoolingKind.DiffPool,
        "edge" => PoolingKind.EdgePool,
        "asa" => PoolingKind.AsaPool,
        _ => throw new InputException($"--pool {name}: unknown pool (choose {string.Join(", ", Pools)})"),
    };

    public static string Name(PoolingKind pool) => pool switch
    {
        PoolingKind.TopoPool => "topo",
        PoolingKind.Global => "none",
        PoolingKind.TopK => "topk",
        PoolingKind.Sag => "sag",
        PoolingKind.DiffPool => "diff",
        PoolingKind.EdgePool => "edge",
        _ => "asa",
    };

    public static Device Device(string name) => name.ToLowerInvariant() switch
    {
        "cpu" => CPU,
        "cuda" when cuda.is_available() => CUDA,
        "cuda" => throw new InputException("--device cuda: CUDA is not available; this build references the CPU bundle TorchSharp-cpu (see README, GPU)"),
        _ => throw new InputException($"--device {name}: unknown device (choose cpu or cuda)"),
    };

    /// <summary><c>1-10</c>, <c>1,3,5</c> or <c>4</c> (the single seed 4).</summary>
    public static IReadOnlyList<int> Seeds(string text)
    {
        var seeds = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var range = part.Split('-');
            if (range.Length == 2 && int.TryParse(range[0], out int from) && int.TryParse(range[1], out int to) && from <= to)
                seeds.AddRange(Enumerable.Range(from, to - from + 1));
            else if (range.Length == 1 && int.TryParse(part, out int seed))
                seeds.Add(seed);
            else
                throw new InputException($"--seeds {text}: expected a seed, a range like 1-10, or a list like 1,2,3");
        }
        return seeds.Distinct().ToList();
    }
}
