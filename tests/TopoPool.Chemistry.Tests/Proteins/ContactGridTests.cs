using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using TopoPool.Chemistry.Proteins;
using TopoPool.Core;
using Xunit;

namespace TopoPool.Chemistry.Tests.Proteins;

/// <summary>
/// The grid search must find exactly the pairs an all-pairs comparison finds: on random point sets drawn so that
/// pairs at exactly the cut-off, duplicate points and coordinates far from the origin (and from one another) are
/// common, shrunk one point at a time.
/// </summary>
public sealed class ContactGridTests
{
    private static readonly double[] Cutoffs = [0.5, 1.5, 3.0, 6.0, 7.25];

    private static readonly double[] FarOrigins = [1e6, -1e9, 1e12, 4e15];

    /// <summary>A cut-off and points; the points were drawn to make ties at the cut-off and duplicates likely.</summary>
    public sealed record PointSet(double Cutoff, (double X, double Y, double Z)[] Points)
    {
        public override string ToString() =>
            $"cut-off {Cutoff}: " + string.Join(", ", Points.Select(p => FormattableString.Invariant($"({p.X:R}, {p.Y:R}, {p.Z:R})")));
    }

    private static Gen<PointSet> PointSets() =>
        from cutoff in Gen.Elements(Cutoffs)
        from choices in Gen.Sized(size => Gen.ListOf(PointChoice(), Math.Max(1, size)))
        select new PointSet(cutoff, Resolve(cutoff, choices));

    /// <summary>
    /// How one point is made: kind 0 on a lattice of half cut-offs (exact ties), 1 anywhere near, 2 a copy of an
    /// earlier point, 3 near a far origin.
    /// </summary>
    private static Gen<(int Kind, int A, int B, int C, int D)> PointChoice() =>
        from kind in Gen.Frequency((4, Gen.Constant(0)), (3, Gen.Constant(1)), (2, Gen.Constant(2)), (1, Gen.Constant(3)))
        from a in Gen.Choose(-4, 4)
        from b in Gen.Choose(-4, 4)
        from c in Gen.Choose(-4, 4)
        from d in Gen.Choose(0, 1_000_000)
        select (kind, a, b, c, d);

    private static (double X, double Y, double Z)[] Resolve(double cutoff, List<(int Kind, int A, int B, int C, int D)> choices)
    {
        var points = new List<(double X, double Y, double Z)>();
        double half = cutoff / 2;
        foreach (var (kind, a, b, c, d) in choices)
        {
            points.Add(kind switch
            {
                0 => (a * half, b * half, c * half),
                1 => (a * half * (d % 997) / 997.0, b * half * (d % 991) / 991.0, c * half * (d % 983) / 983.0),
                2 when points.Count > 0 => points[d % points.Count],
                // Steps of 0.5 (exact even at 4·10^15, where they are one unit in the last place) so that pairs just
                // under the cut-off apart, where rounding in the cell arithmetic matters most, are common.
                3 => (FarOrigins[d % FarOrigins.Length] + ((a + 4) * 2 * half) + (d / 4 % 7 * 0.5), (d % 2 == 0 ? FarOrigins[(d / 2) % FarOrigins.Length] : 0) + (b * half), c * half),
                _ => (a, b, c),
            });
        }

        return [.. points];
    }

    private static IEnumerable<PointSet> ShrinkOnePointAtATime(PointSet set) =>
        Enumerable.Range(0, set.Points.Length).Select(i => set with { Points = [.. set.Points.Take(i), .. set.Points.Skip(i + 1)] });

    private static Arbitrary<PointSet> Arbitrary() => Arb.From(PointSets(), ShrinkOnePointAtATime);

    /// <summary>Every pair i &lt; j whose squared distance is below the squared cut-off, in ascending order.</summary>
    private static List<Edge> AllPairs(PointSet set)
    {
        var pairs = new List<Edge>();
        var p = set.Points;
        for (int i = 0; i < p.Length; i++)
        {
            for (int j = i + 1; j < p.Length; j++)
            {
                double dx = p[i].X - p[j].X, dy = p[i].Y - p[j].Y, dz = p[i].Z - p[j].Z;
                if ((dx * dx) + (dy * dy) + (dz * dz) < set.Cutoff * set.Cutoff)
                {
                    pairs.Add(new Edge(i, j));
                }
            }
        }

        return pairs;
    }

    private static bool Find(PointSet set, int limit, out ImmutableArray<Edge> contacts) =>
        ContactGrid.TryFind(
            set.Points.Select(p => p.X).ToArray(), set.Points.Select(p => p.Y).ToArray(), set.Points.Select(p => p.Z).ToArray(),
            set.Cutoff, limit, out contacts);

    private static bool HasTieAtCutoff(PointSet set)
    {
        var p = set.Points;
        for (int i = 0; i < p.Length; i++)
        {
            for (int j = i + 1; j < p.Length; j++)
            {
                double dx = p[i].X - p[j].X, dy = p[i].Y - p[j].Y, dz = p[i].Z - p[j].Z;
                if ((dx * dx) + (dy * dy) + (dz * dz) == set.Cutoff * set.Cutoff)
                {
                    return true;
                }
            }
        }

        return false;
    }

    [FsCheck.Xunit.Property(MaxTest = 400, EndSize = 120)]
    public Property The_grid_finds_exactly_the_pairs_an_all_pairs_search_finds() =>
        Prop.ForAll(Arbitrary(), set =>
        {
            var expected = AllPairs(set);
            bool found = Find(set, int.MaxValue, out var contacts);
            bool same = found && contacts.SequenceEqual(expected);
            bool duplicates = set.Points.Distinct().Count() < set.Points.Length;
            bool far = set.Points.Any(p => Math.Abs(p.X) >= 1e6 || Math.Abs(p.Y) >= 1e6);
            return same.Label($"expected {expected.Count} pairs: {string.Join(" ", expected)}; found {(found ? string.Join(" ", contacts) : "none")}")
                .Classify(HasTieAtCutoff(set), "a pair exactly at the cut-off")
                .Classify(duplicates, "duplicate points")
                .Classify(far, "coordinates at 10^6 or beyond");
        });

    [FsCheck.Xunit.Property(MaxTest = 200, EndSize = 60)]
    public Property The_limit_refuses_exactly_when_there_are_more_pairs_than_it_allows() =>
        Prop.ForAll(Arbitrary(), set =>
        {
            int count = AllPairs(set).Count;
            bool atLimit = Find(set, count, out var all) && all.Length == count;
            bool belowLimit = count == 0 || (!Find(set, count - 1, out var none) && none.IsEmpty);
            return (atLimit && belowLimit).Label($"{count} pairs");
        });

    [Fact]
    public void Points_exactly_one_cutoff_apart_are_not_in_contact()
    {
        Assert.True(ContactGrid.TryFind([0, 6, 12, 12], [0, 0, 0, 5.999], [0, 0, 0, 0], 6, 10, out var contacts));
        Assert.Equal([new Edge(2, 3)], contacts.ToArray());
    }

    [Fact]
    public void Non_finite_points_and_mismatched_lengths_are_refused()
    {
        Assert.Throws<ArgumentException>(() => ContactGrid.TryFind([0, double.NaN], [0, 0], [0, 0], 6, 10, out _));
        Assert.Throws<ArgumentException>(() => ContactGrid.TryFind([0, double.PositiveInfinity], [0, 0], [0, 0], 6, 10, out _));
        Assert.Throws<ArgumentException>(() => ContactGrid.TryFind([0, 1], [0], [0, 0], 6, 10, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => ContactGrid.TryFind([0], [0], [0], double.NaN, 10, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => ContactGrid.TryFind([0], [0], [0], 6, -1, out _));
    }

    [Fact]
    public void Points_at_the_ends_of_the_double_range_are_measured_without_overflow()
    {
        double big = double.MaxValue / 4;
        Assert.True(ContactGrid.TryFind([big, big, -big, 0], [0, 3, 0, 0], [0, 0, 0, 0], 6, 10, out var contacts));
        Assert.Equal([new Edge(0, 1)], contacts.ToArray());
    }
}
