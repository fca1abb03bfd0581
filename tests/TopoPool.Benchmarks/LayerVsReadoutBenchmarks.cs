using BenchmarkDotNet.Attributes;
using TopoPool.Torch.Benchmarking;
using TopoPool.Torch.Readout;
using TorchSharp;
using static TorchSharp.torch;
using TopoPoolLayer = TopoPool.Torch.Pooling.TopoPool;

namespace TopoPool.Benchmarks;

/// <summary>The TopoPool layer against a plain global max+mean readout on the 128 reference molecules
/// (3,688 nodes, 11,746 directed edges with self-loops, hidden 32), one torch thread, CPU.</summary>
[MemoryDiagnoser]
public class LayerVsReadoutBenchmarks
{
    private DisposeScope? scope;
    private Tensor x = null!, trainable = null!, edgeIndex = null!, batch = null!;
    private long graphs;
    private TopoPoolLayer layer = null!;

    [GlobalSetup]
    public void Setup()
    {
        set_num_threads(1);
        scope = NewDisposeScope();
        var input = BenchmarkInputs.Molecules128();
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

    [Benchmark(Description = "TopoPool forward (no_grad)")]
    public long TopoPoolForward()
    {
        using var step = NewDisposeScope();
        using var noGrad = no_grad();
        return layer.call(x, edgeIndex, batch, graphs).NumClusters;
    }

    [Benchmark(Description = "TopoPool forward+backward")]
    public void TopoPoolForwardBackward()
    {
        using var step = NewDisposeScope();
        layer.call(trainable, edgeIndex, batch, graphs).X.sum().backward();
    }

    [Benchmark(Description = "max+mean readout forward (no_grad)")]
    public void ReadoutForward()
    {
        using var step = NewDisposeScope();
        using var noGrad = no_grad();
        GlobalPool.MaxMean(x, batch, graphs);
    }

    [Benchmark(Baseline = true, Description = "max+mean readout forward+backward")]
    public void ReadoutForwardBackward()
    {
        using var step = NewDisposeScope();
        GlobalPool.MaxMean(trainable, batch, graphs).sum().backward();
    }
}
