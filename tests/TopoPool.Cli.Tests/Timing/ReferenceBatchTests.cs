using TopoPool.Cli.Timing;
using TopoPool.Core;
using TopoPool.Testing;
using TopoPool.Torch.Pooling;
using Xunit;
using static TorchSharp.torch;

namespace TopoPool.Cli.Tests.Timing;

/// <summary>The reference batch the speed figures are measured on: 128 real molecules, read by the timing harness.</summary>
public class ReferenceBatchTests
{
    [Fact]
    public void The_layer_on_the_reference_molecules_equals_the_specification()
    {
        using var scope = NewDisposeScope();
        var input = BenchmarkBatch.Load(SharedFolder.Path("bench/molecules_128.json"));
        var (x, edgeIndex, batch) = LayerBenchmark.Tensors(input);
        random.manual_seed(2);
        using var layer = new TopoPooling(x.shape[1]);
        PoolResult result;
        using (no_grad()) result = layer.call(x, edgeIndex, batch, input.NumGraphs);
        var edges = Enumerable.Range(0, input.Sources.Count).Select(e => new Edge((int)input.Sources[e], (int)input.Targets[e])).ToArray();
        var scores = result.Scores!.cpu().data<float>().ToArray();
        var spec = TopoPoolSpec.Select(input.NumNodes, edges, scores, input.Batch.Select(g => (int)g).ToArray(), input.NumGraphs);
        Assert.Equal(3688, input.NumNodes);
        Assert.Equal(128, input.NumGraphs);
        Assert.Equal(spec.NodeIndex, result.NodeIndex.cpu().data<long>().ToArray().Select(v => (int)v));
        Assert.Equal(spec.ClusterIndex, result.ClusterIndex.cpu().data<long>().ToArray().Select(v => (int)v));
        Assert.True(spec.NumClusters > 128);
    }
}
