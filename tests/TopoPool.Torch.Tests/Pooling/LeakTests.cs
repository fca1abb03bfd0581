using TorchSharp;
using TopoPool.Torch.Pooling;
using TopoPool.Torch.Readout;
using Xunit;
using static TorchSharp.torch;

namespace TopoPool.Torch.Tests.Pooling;

public class LeakTests
{
    [Fact]
    public void Thousands_of_training_steps_leave_no_live_tensors_behind()
    {
        const int steps = 2400, settle = 200;
        using var outer = NewDisposeScope();
        random.manual_seed(3);
        using var layer = new TopoPooling(4, connect: true);
        var x = randn(12, 4);
        var edges = GraphTensors.EdgeIndex((0, 1), (1, 2), (2, 3), (3, 0), (4, 5), (5, 6), (7, 8), (8, 9), (9, 10), (10, 11));
        var batch = tensor(new long[] { 0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2 });
        long baseline = 0;
        for (int step = 0; step < steps; step++)
        {
            using (NewDisposeScope())
            {
                layer.Engine = step % 2 == 0 ? DescentEngine.Managed : DescentEngine.Tensor;
                var features = x.detach().requires_grad_(true);
                var result = layer.call(features, edges, batch, 3);
                var loss = GlobalPool.MaxMean(result.X, result.Batch, 3).sum() + result.Unpool(result.X).sum();
                loss.backward();
                layer.zero_grad();
            }
            if (step == settle) baseline = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        }
        long live = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        Assert.True(live <= baseline, $"{live} live tensors after {steps} steps, {baseline} after {settle}");
    }
}
