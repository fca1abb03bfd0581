using TopoPool.Torch.Models;
using static TorchSharp.torch;

namespace TopoPool.Training.OwnData;

/// <summary>
/// Collates molecules of a user's table into one <see cref="GraphBatch"/> whose targets are a float32 [graphs, targets]
/// tensor: standardised values for regression targets, class indices for classification targets, NaN where missing.
/// </summary>
public static class OwnDataBatchCollator
{
    public static Func<IReadOnlyList<MoleculeSample>, GraphBatch> For(IReadOnlyList<TargetSpec> targets, TargetScaling scaling) =>
        samples => Collate(samples, targets, scaling);

    public static GraphBatch Collate(IReadOnlyList<MoleculeSample> samples, IReadOnlyList<TargetSpec> targets, TargetScaling scaling)
    {
        var values = new float[samples.Count * targets.Count];
        for (int i = 0; i < samples.Count; i++)
            for (int t = 0; t < targets.Count; t++)
            {
                float v = samples[i].Targets[t];
                values[i * targets.Count + t] = float.IsNaN(v) || targets[t].IsClassification ? v : scaling.Scale(t, v);
            }
        var y = tensor(values, [samples.Count, targets.Count]);
        try
        {
            return GraphBatch.From(samples.Select(s => s.Graph).ToList(), null, y);
        }
        catch (ArgumentException)
        {
            y.Dispose();
            throw;
        }
    }
}
