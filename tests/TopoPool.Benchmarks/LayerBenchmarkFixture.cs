using TopoPool.Torch.Pooling;
using TopoPool.Cli.Requests;
using TopoPool.Cli.Timing;
using TopoPool.Torch.Readout;
using TorchSharp;
using static TorchSharp.torch;

namespace TopoPool.Benchmarks;

/// <summary>
/// One batch as tensors (one torch thread, hidden features from the benchmark seed), a TopoPool layer over it, and
/// the timed steps every layer benchmark measures: forward without gradient, forward+backward, and the same for a
/// plain global max+mean readout.
/// </summary>
public sealed class LayerBenchmarkFixture : IDisposable
{
    private readonly DisposeScope scope;
    private readonly Tensor x, trainable, edgeIndex, batch;
    private readonly long graphs;
    private readonly TopoPooling layer;

    public LayerBenchmarkFixture(BenchmarkBatch input)
    {
        set_num_threads(1);
        scope = NewDisposeScope();
        (x, edgeIndex, batch) = LayerBenchmark.Tensors(input);
        graphs = input.NumGraphs;
        trainable = x.detach().requires_grad_(true);
        random.manual_seed(LayerBenchmark.Seed);
        layer = new TopoPooling(x.shape[1]);
    }

    public long Forward()
    {
        using var step = NewDisposeScope();
        using var noGrad = no_grad();
        return layer.call(x, edgeIndex, batch, graphs).NumClusters;
    }

    public void ForwardBackward()
    {
        using var step = NewDisposeScope();
        layer.call(trainable, edgeIndex, batch, graphs).X.sum().backward();
    }

    public void ReadoutForward()
    {
        using var step = NewDisposeScope();
        using var noGrad = no_grad();
        GlobalPool.MaxMean(x, batch, graphs);
    }

    public void ReadoutForwardBackward()
    {
        using var step = NewDisposeScope();
        GlobalPool.MaxMean(trainable, batch, graphs).sum().backward();
    }

    public void Dispose()
    {
        layer.Dispose();
        scope.Dispose();
    }
}
