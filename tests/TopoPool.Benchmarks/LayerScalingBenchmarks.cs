using BenchmarkDotNet.Attributes;
using TopoPool.Torch.Benchmarking;
using TorchSharp;
using static TorchSharp.torch;
using TopoPoolLayer = TopoPool.Torch.Pooling.TopoPool;

namespace TopoPool.Benchmarks;

/// <summary>TopoPool forward and forward+backward on random molecule-like batches from 10^3 to 10^6 nodes
/// (hidden 32, one torch thread): the column ns/(node+edge) is the time per node+edge, which should stay flat.</summary>
[MemoryDiagnoser]
[Config(typeof(PerItemConfig))]
public class LayerScalingBenchmarks
{
    private DisposeScope? scope;
    private Tensor x = null!, trainable = null!, edgeIndex = null!, batch = null!;
    private long graphs;
    private TopoPoolLayer layer = null!;

    [Params(1_000, 10_000, 100_000, 1_000_000)]
    public int Nodes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        set_num_threads(1);
        scope = NewDisposeScope();
        var input = MoleculeLikeBatch.Create(Nodes);
        (x, edgeIndex, batch) = LayerBenchmark.Tensors(input);
        graphs = input.NumGraphs;
        trainable = x.detach().requires_grad_(true);
        random.manual_seed(LayerBenchmark.Seed);
        layer = new TopoPoolLayer(x.shape[1]);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        layer.Dispose();
        scope?.Dispose();
    }

    [Benchmark(Description = "forward (no_grad)")]
    public long Forward()
    {
        using var step = NewDisposeScope();
        using var noGrad = no_grad();
        return layer.call(x, edgeIndex, batch, graphs).NumClusters;
    }

    [Benchmark(Description = "forward+backward")]
    public void ForwardBackward()
    {
        using var step = NewDisposeScope();
        layer.call(trainable, edgeIndex, batch, graphs).X.sum().backward();
    }
}
