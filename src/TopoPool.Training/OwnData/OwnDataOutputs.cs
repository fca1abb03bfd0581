using static TorchSharp.torch;

namespace TopoPool.Training.OwnData;

/// <summary>
/// Reads a model's raw output rows back as what they predict: for each regression target its value in the target's own
/// units, for each classification target the probability of each class (the softmax of its logits), in the same layout
/// as the output row (<see cref="TargetSpec.Offset"/>, <see cref="TargetSpec.Width"/>).
/// </summary>
public static class OwnDataOutputs
{
    public static List<double[]> Decode(Tensor prediction, IReadOnlyList<TargetSpec> targets, TargetScaling scaling)
    {
        using var scope = NewDisposeScope();
        var parts = new List<Tensor>(targets.Count);
        for (int t = 0; t < targets.Count; t++)
        {
            var target = targets[t];
            var slice = prediction.narrow(1, target.Offset, target.Width);
            parts.Add(target.IsClassification ? nn.functional.softmax(slice, 1) : slice * scaling.Stds[t] + scaling.Means[t]);
        }
        var decoded = cat(parts, 1);
        return Rows(decoded.to(float64).cpu().data<double>().ToArray(), (int)decoded.shape[1]);
    }

    /// <summary>The rows of a [graphs, width] tensor, as floats.</summary>
    public static List<float[]> Rows(Tensor y, int width) => Rows(y.to(float32).cpu().data<float>().ToArray(), width);

    private static List<T[]> Rows<T>(T[] flat, int width)
    {
        var rows = new List<T[]>(flat.Length / Math.Max(1, width));
        for (int start = 0; start < flat.Length; start += width) rows.Add(flat[start..(start + width)]);
        return rows;
    }
}
