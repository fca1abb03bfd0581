using FsCheck;
using FsCheck.Fluent;

namespace TopoPool.Training.Tests.Metrics;

/// <summary>
/// Binary test cases for the ranking metrics: scores drawn from 0..6 so that ties are common, each with a label.
/// Shrinking drops one pair at a time, then lowers one score by one.
/// </summary>
public sealed record LabelledScores(int[] Scores, bool[] Positive)
{
    public int Count => Scores.Length;

    public int Positives => Positive.Count(p => p);

    public bool HasBothClasses => Positives > 0 && Positives < Count;

    public bool HasTies => Scores.Distinct().Count() < Scores.Length;

    public double[] ScoresAsDoubles => [.. Scores.Select(s => (double)s)];

    /// <summary>Labels as the metrics take actual values: 1 for positive, 0 for negative.</summary>
    public double[] Actual => [.. Positive.Select(p => p ? 1.0 : 0.0)];

    public static Arbitrary<LabelledScores> Arbitrary { get; } = Arb.From(Generator(), Shrink);

    /// <summary>Only cases with at least one positive and one negative (shrinking keeps that too).</summary>
    public static Arbitrary<LabelledScores> WithBothClasses { get; } = Arbitrary.Filter(c => c.HasBothClasses);

    public override string ToString() =>
        "[" + string.Join(" ", Scores.Zip(Positive, (s, p) => $"{s}{(p ? "+" : "-")}")) + "]";

    private static Gen<LabelledScores> Generator() =>
        Gen.Sized(size =>
            from n in Gen.Choose(0, Math.Min(2 + size, 40))
            from scores in Gen.Choose(0, 6).ArrayOf(n)
            from positive in Gen.Elements(true, false).ArrayOf(n)
            select new LabelledScores(scores, positive));

    private static IEnumerable<LabelledScores> Shrink(LabelledScores c)
    {
        for (int i = 0; i < c.Count; i++)
        {
            yield return new LabelledScores([.. c.Scores.Take(i), .. c.Scores.Skip(i + 1)], [.. c.Positive.Take(i), .. c.Positive.Skip(i + 1)]);
        }

        for (int i = 0; i < c.Count; i++)
        {
            if (c.Scores[i] > 0)
            {
                int[] lower = [.. c.Scores];
                lower[i]--;
                yield return c with { Scores = lower };
            }
        }
    }
}
