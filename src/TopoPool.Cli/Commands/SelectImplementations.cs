using TopoPool.Core;
using TopoPool.Cli.Requests;
using TopoPool.Cli.Timing;
using TopoPool.Torch.Models;
using TopoPool.Torch.Pooling;
using static TorchSharp.torch;

namespace TopoPool.Cli.Commands;

/// <summary>
/// The Select implementations <c>cluster --impl</c> can run: <c>torch</c> (the layer's Select on CPU tensors, which
/// uses the managed CSR descent engine), <c>tensor</c> (the layer's level-synchronous tensor engine, what a GPU runs)
/// and <c>spec</c> (the pure F# specification).
/// </summary>
public static class SelectImplementations
{
    public const string Default = "torch";

    public static readonly string[] Names = ["torch", "tensor", "spec"];

    public static Clustering Run(string name, ClusterRequest request) => name switch
    {
        "spec" => TopoPoolSpec.Select(request.NumNodes, request.Edges, request.Scores!, request.Batch, request.NumGraphs),
        "torch" => Layer(request, DescentEngine.Managed),
        "tensor" => Layer(request, DescentEngine.Tensor),
        _ => throw new InputException($"--impl {name}: unknown implementation (choose {string.Join(", ", Names)})"),
    };

    private static Clustering Layer(ClusterRequest request, DescentEngine engine)
    {
        using var scope = NewDisposeScope();
        var scores = tensor(request.Scores!);
        var edgeIndex = CoreTensors.EdgeIndex(request.Edges);
        var batch = CoreTensors.Batch(request.Batch);
        return TopoPoolSelect.Run(scores, edgeIndex, batch, request.NumGraphs, engine).ToClustering();
    }
}
