// TopoPool inside your own TorchSharp model, in C#.
// Run from the repository root:  dotnet run --project examples/own_model_csharp -c Release
using TopoPool.Torch.Convolution;
using TopoPool.Torch.Pooling;
using TopoPool.Torch.Readout;
using TorchSharp;
using static TorchSharp.torch;

manual_seed(1);
var device = cuda.is_available() ? CUDA : CPU;
using var model = new ConvPoolClassifier(inputs: 4, hidden: 16, classes: 2).to(device);

// Two graphs in one batch: a 4-ring (nodes 0-3) and a 3-path (nodes 4-6); edges in both directions.
var x = randn(7, 4, device: device);
var edgeIndex = tensor(new long[,] { { 0, 1, 1, 2, 2, 3, 3, 0, 4, 5, 5, 6 }, { 1, 0, 2, 1, 3, 2, 0, 3, 5, 4, 6, 5 } }, device: device);
var batch = tensor(new long[] { 0, 0, 0, 0, 1, 1, 1 }, device: device);

var (logits, pooling) = model.Forward(x, edgeIndex, batch, numGraphs: 2);
var loss = nn.functional.cross_entropy(logits, tensor(new long[] { 0, 1 }, device: device));
loss.backward();
Console.WriteLine($"loss {loss.item<float>():F4}; {pooling.NumClusters} clusters for 7 nodes");

// The assignment: which nodes form which cluster, its peak and its weight σ.
var nodes = pooling.NodeIndex.cpu().data<long>().ToArray();
var clusters = pooling.ClusterIndex.cpu().data<long>().ToArray();
var peaks = pooling.Peaks!.cpu().data<long>().ToArray();
var weights = pooling.Weights!.detach().cpu().data<float>().ToArray();
for (int k = 0; k < peaks.Length; k++)
    Console.WriteLine($"cluster {k}: peak {peaks[k]}, σ = {weights[k]:F3}, nodes [{string.Join(", ", nodes.Where((_, p) => clusters[p] == k))}]");

/// <summary>GCN → TopoPool → [max ; mean] readout → linear, the smallest useful pooling model.</summary>
sealed class ConvPoolClassifier : nn.Module
{
    private readonly GcnConv conv;
    private readonly TopoPooling pool;
    private readonly TorchSharp.Modules.Linear head;

    public ConvPoolClassifier(int inputs, int hidden, int classes) : base(nameof(ConvPoolClassifier))
    {
        conv = new GcnConv(inputs, hidden);
        pool = new TopoPooling(hidden);
        head = nn.Linear(2 * hidden, classes);
        RegisterComponents();
    }

    public (Tensor Logits, PoolResult Pooling) Forward(Tensor x, Tensor edgeIndex, Tensor batch, long numGraphs)
    {
        var h = nn.functional.relu(conv.call(x, edgeIndex));
        var pooled = pool.call(h, edgeIndex, batch, numGraphs);
        var readout = GlobalPool.MaxMean(pooled.X, pooled.Batch, numGraphs);
        return (head.call(readout), pooled);
    }
}
