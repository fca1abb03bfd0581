using TopoPool.Cli.Json;
using TopoPool.Core;

namespace TopoPool.Cli.Commands;

/// <summary>The Select implementations <c>cluster --impl</c> can run.</summary>
public static class SelectImplementations
{
    public const string Default = "spec";

    public static readonly string[] Names = ["spec"];

    public static Clustering Run(string name, ClusterRequest request) => name switch
    {
        "spec" => TopoPoolSpec.Select(request.NumNodes, request.Edges, request.Scores!, request.Batch, request.NumGraphs),
        _ => throw new InputException($"--impl {name}: unknown implementation (choose {string.Join(" or ", Names)})"),
    };
}
