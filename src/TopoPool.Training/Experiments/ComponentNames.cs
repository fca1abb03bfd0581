using TopoPool.Core.Pipelines;
using TopoPool.Training.Data;

namespace TopoPool.Training.Experiments;

/// <summary>
/// The one spelling of each choice in result files, JSON and on the command line: GNNs <c>gcn</c>, <c>gat</c>,
/// <c>sage</c>; pools <c>global</c> (no hierarchical pooling; <c>none</c> is accepted too), <c>topk</c>, <c>sag</c>,
/// <c>diff</c>, <c>edge</c>, <c>asa</c>, <c>topo</c>; models <c>paper</c> and <c>pooled-readout</c>; split rounding
/// <c>up</c> and <c>down</c>; duplicates <c>mean-label</c> and <c>merge</c>. These names are stored in result rows
/// and model folders, so they never change.
/// </summary>
public static class ComponentNames
{
    public static IReadOnlyList<string> Gnns { get; } = ["gcn", "gat", "sage"];

    public static IReadOnlyList<string> Pools { get; } = ["global", "topk", "sag", "diff", "edge", "asa", "topo"];

    public static string Of(ConvolutionKind gnn) => gnn switch
    {
        ConvolutionKind.Gcn => "gcn",
        ConvolutionKind.Gat => "gat",
        ConvolutionKind.Sage => "sage",
        ConvolutionKind.GraphConv => "graphconv",
        _ => throw new ArgumentOutOfRangeException(nameof(gnn), gnn, "unknown convolution"),
    };

    public static string Of(PoolingKind pool) => pool switch
    {
        PoolingKind.Global => "global",
        PoolingKind.TopKPooling => "topk",
        PoolingKind.SagPooling => "sag",
        PoolingKind.DiffPool => "diff",
        PoolingKind.EdgePooling => "edge",
        PoolingKind.AsaPooling => "asa",
        PoolingKind.TopoPooling => "topo",
        _ => throw new ArgumentOutOfRangeException(nameof(pool), pool, "unknown pool"),
    };

    public static string Of(SplitRounding rounding) => rounding == SplitRounding.TenthRoundedUp ? "up" : "down";

    public static string Of(DuplicateRows duplicates) => duplicates == DuplicateRows.KeepEveryRowWithMeanLabel ? "mean-label" : "merge";

    public static bool TryGnn(string name, out ConvolutionKind gnn)
    {
        foreach (var kind in new[] { ConvolutionKind.Gcn, ConvolutionKind.Gat, ConvolutionKind.Sage })
        {
            if (string.Equals(name, Of(kind), StringComparison.OrdinalIgnoreCase))
            {
                gnn = kind;
                return true;
            }
        }
        gnn = default;
        return false;
    }

    public static bool TryPool(string name, out PoolingKind pool)
    {
        if (string.Equals(name, "none", StringComparison.OrdinalIgnoreCase))
        {
            pool = PoolingKind.Global;
            return true;
        }
        foreach (var kind in Enum.GetValues<PoolingKind>())
        {
            if (string.Equals(name, Of(kind), StringComparison.OrdinalIgnoreCase))
            {
                pool = kind;
                return true;
            }
        }
        pool = default;
        return false;
    }

    public static bool TrySplitRounding(string name, out SplitRounding rounding)
    {
        rounding = name.ToLowerInvariant() switch { "up" => SplitRounding.TenthRoundedUp, "down" => SplitRounding.TenthRoundedDown, _ => (SplitRounding)(-1) };
        return Enum.IsDefined(rounding);
    }

    public static bool TryDuplicates(string name, out DuplicateRows duplicates)
    {
        duplicates = name.ToLowerInvariant() switch { "mean-label" => DuplicateRows.KeepEveryRowWithMeanLabel, "merge" => DuplicateRows.MergeIntoOne, _ => (DuplicateRows)(-1) };
        return Enum.IsDefined(duplicates);
    }
}
