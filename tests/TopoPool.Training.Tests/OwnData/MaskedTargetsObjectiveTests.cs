using FsCheck;
using FsCheck.Fluent;
using TopoPool.Core.Pipelines;
using TopoPool.Torch.Models;
using TopoPool.Training.OwnData;
using static TorchSharp.torch;

namespace TopoPool.Training.Tests.OwnData;

/// <summary>
/// The own-data loss, checked against the definition written out in doubles: the mean over observed target values of
/// the squared error (regression) or −log softmax of the true class (classification); missing values count for nothing.
/// </summary>
public sealed class MaskedTargetsObjectiveTests
{
    /// <summary>A batch of graphs' raw outputs and target values: two regression targets, or a 3-class and a 2-class target.</summary>
    public sealed record Case(bool Classification, float[][] Outputs, float[][] Targets)
    {
        public override string ToString() =>
            $"{(Classification ? "classification" : "regression")} outputs [{string.Join("; ", Outputs.Select(o => string.Join(",", o)))}] targets [{string.Join("; ", Targets.Select(t => string.Join(",", t)))}]";
    }

    private static readonly TargetSpec[] RegressionTargets = [new("a", TaskKind.Regression, [], 0, 1), new("b", TaskKind.Regression, [], 1, 1)];
    private static readonly TargetSpec[] ClassificationTargets = [new("c", TaskKind.Classification, ["x", "y", "z"], 0, 3), new("d", TaskKind.Classification, ["n", "p"], 3, 2)];

    private static Arbitrary<Case> Cases()
    {
        var value = Gen.Choose(-30, 30).Select(v => v / 10f);
        Gen<Case> Of(bool classification) =>
            from graphs in Gen.Choose(1, 6)
            from outputs in Gen.ArrayOf(Gen.ArrayOf(value, classification ? 5 : 2), graphs)
            from targets in Gen.ArrayOf(
                classification
                    ? Gen.OneOf(Gen.Choose(0, 2).Select(c => (float)c), Gen.Constant(float.NaN)).Two().Select(t => new[] { t.Item1, t.Item2 == 2 ? float.NaN : t.Item2 })
                    : Gen.OneOf(value, Gen.Constant(float.NaN)).Two().Select(t => new[] { t.Item1, t.Item2 }),
                graphs)
            select new Case(classification, outputs, targets);
        return Gen.OneOf(Of(false), Of(true)).ToArbitrary();
    }

    private static double Expected(Case c)
    {
        double sum = 0;
        int count = 0;
        for (int g = 0; g < c.Outputs.Length; g++)
        {
            var targets = c.Classification ? ClassificationTargets : RegressionTargets;
            for (int t = 0; t < targets.Length; t++)
            {
                float y = c.Targets[g][t];
                if (float.IsNaN(y)) continue;
                count++;
                if (!c.Classification)
                {
                    double e = c.Outputs[g][t] - y;
                    sum += e * e;
                    continue;
                }
                var logits = c.Outputs[g].Skip(targets[t].Offset).Take(targets[t].Width).Select(v => (double)v).ToArray();
                double max = logits.Max();
                double logSum = max + Math.Log(logits.Sum(v => Math.Exp(v - max)));
                sum += logSum - logits[(int)y];
            }
        }
        return count == 0 ? 0 : sum / count;
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property The_loss_is_the_mean_over_observed_values_only() =>
        Prop.ForAll(Cases(), c =>
        {
            var targets = c.Classification ? ClassificationTargets : RegressionTargets;
            var objective = new MaskedTargetsObjective(targets, new TargetScaling([0, 0], [1, 1]));
            using var scope = NewDisposeScope();
            int width = c.Outputs[0].Length;
            var prediction = tensor(c.Outputs.SelectMany(o => o).ToArray(), [c.Outputs.Length, width]);
            var y = tensor(c.Targets.SelectMany(t => t).ToArray(), [c.Targets.Length, 2]);
            var batch = new GraphBatch(zeros(1, 1), zeros(2, 0, dtype: int64), zeros(1, dtype: int64), c.Outputs.Length, y);
            double loss = objective.Loss(new ModelOutput(prediction), batch).item<float>();
            double expected = Expected(c);
            return (Math.Abs(loss - expected) <= 1e-4 * Math.Max(1, Math.Abs(expected))).Label($"loss {loss}, by the definition {expected}");
        });
}
