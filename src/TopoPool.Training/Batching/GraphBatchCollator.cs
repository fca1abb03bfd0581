using TopoPool.Core.Pipelines;
using TopoPool.Torch.Models;
using TopoPool.Training.Data;
using static TorchSharp.torch;

namespace TopoPool.Training.Batching;

/// <summary>
/// Collates samples into one <see cref="GraphBatch"/> on the CPU (<see cref="GraphBatch.From"/>) with their targets:
/// int64 classes or float32 values.
/// </summary>
public static class GraphBatchCollator
{
    public static GraphBatch Collate(IReadOnlyList<GraphSample> samples)
    {
        var task = samples.Count == 0 ? TaskKind.Classification : samples[0].Task;
        Tensor y = task == TaskKind.Classification
            ? tensor(samples.Select(s => (long)s.ClassIndex).ToArray())
            : tensor(samples.Select(s => (float)s.Target).ToArray());
        try
        {
            return GraphBatch.From(samples.Select(s => s.Graph).ToList(), null, y);
        }
        catch (ArgumentException e)
        {
            y.Dispose();
            throw new ArgumentException($"cannot collate samples {string.Join(", ", samples.Take(3).Select(s => s.Id))}…: {e.Message}", nameof(samples), e);
        }
    }
}
