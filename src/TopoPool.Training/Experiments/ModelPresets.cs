using TopoPool.Core.Pipelines;

namespace TopoPool.Training.Experiments;

/// <summary>
/// The named models a benchmark row can use, each a <see cref="Pipeline"/> preset for any GNN × pool pair:
/// <c>paper</c> (the paper's model, <see cref="Pipeline.Paper"/>) and <c>pooled-readout</c> (the ablation whose head
/// reads only the pooled nodes, <see cref="Pipeline.PooledReadoutOnly"/>).
/// </summary>
public static class ModelPresets
{
    public const string Paper = "paper";
    public const string PooledReadout = "pooled-readout";

    public static IReadOnlyList<string> Names { get; } = [Paper, PooledReadout];

    public static bool IsKnown(string name) => Names.Contains(name);

    /// <summary>The pipeline of preset <paramref name="name"/>.</summary>
    public static Pipeline Build(string name, ConvolutionKind gnn, PoolingKind pool, TaskKind task, int inputWidth, int outputWidth, int hidden) => name switch
    {
        Paper => Pipeline.Paper(gnn, pool, task, inputWidth, outputWidth, hidden),
        PooledReadout => Pipeline.PooledReadoutOnly(gnn, pool, task, inputWidth, outputWidth, hidden),
        _ => throw new ArgumentException($"unknown model '{name}' (choose {string.Join(", ", Names)})", nameof(name)),
    };
}
