using TopoPool.Core.Pipelines;

namespace TopoPool.Training.Experiments;

/// <summary>One row of a results table: a model preset with a GNN and a pool (the datasets and seeds are the columns).</summary>
public sealed record BenchmarkCell(string Model, ConvolutionKind Gnn, PoolingKind Pool, string Variant = "")
{
    public override string ToString() => $"{Model} {ComponentNames.Of(Gnn)} {ComponentNames.Of(Pool)}{(Variant.Length == 0 ? "" : " " + Variant)}";
}
