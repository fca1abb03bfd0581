using TopoPool.Core.Pipelines;
using TopoPool.Training.Experiments;

namespace TopoPool.Training.Models;

/// <summary>The snake_case names of pipeline choices in model files.</summary>
internal static class Names
{
    public static string Of(ConvolutionKind kind) => ComponentNames.Of(kind);

    public static string Of(ReadoutKind kind) => kind switch
    {
        ReadoutKind.MaxMean => "max_mean",
        ReadoutKind.Max => "max",
        ReadoutKind.Mean => "mean",
        _ => "sum",
    };

    public static string Of(ClusterWeighting weighting) =>
        weighting == ClusterWeighting.SingleSoftmax ? "single_softmax" : "softmax_of_node_scores";

    public static ConvolutionKind Convolution(string name, string where) => name switch
    {
        "gcn" => ConvolutionKind.Gcn,
        "gat" => ConvolutionKind.Gat,
        "sage" => ConvolutionKind.Sage,
        "graphconv" => ConvolutionKind.GraphConv,
        _ => throw new FormatException($"{where}: unknown convolution '{name}'"),
    };

    public static ReadoutKind Readout(string name, string where) => name switch
    {
        "max_mean" => ReadoutKind.MaxMean,
        "max" => ReadoutKind.Max,
        "mean" => ReadoutKind.Mean,
        "sum" => ReadoutKind.Sum,
        _ => throw new FormatException($"{where}: unknown readout '{name}'"),
    };

    public static ClusterWeighting Weighting(string name, string where) => name switch
    {
        "softmax_of_node_scores" => ClusterWeighting.SoftmaxOfNodeScores,
        "single_softmax" => ClusterWeighting.SingleSoftmax,
        _ => throw new FormatException($"{where}: unknown weighting '{name}'"),
    };
}
