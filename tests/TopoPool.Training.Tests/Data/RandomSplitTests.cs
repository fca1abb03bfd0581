using FsCheck;
using FsCheck.Fluent;
using TopoPool.Testing;
using TopoPool.Training.Data;
using Xunit;

namespace TopoPool.Training.Tests.Data;

/// <summary>The TU protocol's 10/10/80 split.</summary>
public class RandomSplitTests
{
    [Theory]
    [InlineData(188, 19, 19, 150)]
    [InlineData(1113, 112, 112, 889)]
    [InlineData(600, 60, 60, 480)]
    [InlineData(9, 1, 1, 7)]
    [InlineData(1, 1, 0, 0)]
    public void By_default_test_and_validation_get_a_tenth_rounded_up_as_the_authors_split(int count, int test, int validation, int train)
    {
        SplitPart[] parts = RandomSplit.Assign(count, seed: 1);

        Assert.Equal(test, parts.Count(p => p == SplitPart.Test));
        Assert.Equal(validation, parts.Count(p => p == SplitPart.Validation));
        Assert.Equal(train, parts.Count(p => p == SplitPart.Train));
    }

    [Theory]
    [InlineData(188, 18, 18, 152)]
    [InlineData(1113, 111, 111, 891)]
    [InlineData(600, 60, 60, 480)]
    [InlineData(9, 0, 0, 9)]
    public void Rounded_down_test_and_validation_get_a_tenth_rounded_down(int count, int test, int validation, int train)
    {
        SplitPart[] parts = RandomSplit.Assign(count, seed: 1, SplitRounding.TenthRoundedDown);

        Assert.Equal(test, parts.Count(p => p == SplitPart.Test));
        Assert.Equal(validation, parts.Count(p => p == SplitPart.Validation));
        Assert.Equal(train, parts.Count(p => p == SplitPart.Train));
    }

    [Fact]
    public void Mutag_split_is_a_partition_deterministic_and_seed_dependent()
    {
        GraphDataset mutag = TuDatasetReader.Read(SharedFolder.Path("data", "tu", "MUTAG"));
        DatasetSplit first = RandomSplit.Split(mutag, 1);
        DatasetSplit again = RandomSplit.Split(mutag, 1);
        DatasetSplit other = RandomSplit.Split(mutag, 2);

        string[] ids = first.Train.Samples.Concat(first.Validation.Samples).Concat(first.Test.Samples).Select(s => s.Id).ToArray();
        Assert.Equal(188, ids.Distinct().Count());
        Assert.Equal((150, 19, 19), (first.Train.Count, first.Validation.Count, first.Test.Count));
        Assert.Equal(first.Test.Samples.Select(s => s.Id), again.Test.Samples.Select(s => s.Id));
        Assert.Equal(first.Train.Samples.Select(s => s.Id), again.Train.Samples.Select(s => s.Id));
        Assert.NotEqual(first.Test.Samples.Select(s => s.Id), other.Test.Samples.Select(s => s.Id));
        Assert.Equal(1, first.Seed);
        Assert.Equal(mutag.NumClasses, first.Test.NumClasses);
    }

    [Fact]
    public void Split_agrees_with_assign()
    {
        GraphDataset data = SyntheticMotifDataset.Generate(new SyntheticMotifOptions { GraphCount = 57 });
        DatasetSplit split = RandomSplit.Split(data, 5);
        SplitPart[] parts = RandomSplit.Assign(data.Count, 5);
        var indexOf = data.Samples.Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i);

        Assert.All(split.Train.Samples, s => Assert.Equal(SplitPart.Train, parts[indexOf[s.Id]]));
        Assert.All(split.Validation.Samples, s => Assert.Equal(SplitPart.Validation, parts[indexOf[s.Id]]));
        Assert.All(split.Test.Samples, s => Assert.Equal(SplitPart.Test, parts[indexOf[s.Id]]));
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Every_graph_is_in_exactly_one_part_with_the_documented_sizes() =>
        Prop.ForAll(Gen.Choose(0, 3000).ToArbitrary(), Gen.Choose(-1000, 1000).ToArbitrary(), Gen.Elements(SplitRounding.TenthRoundedUp, SplitRounding.TenthRoundedDown).ToArbitrary(),
            (count, seed, rounding) =>
        {
            SplitPart[] parts = RandomSplit.Assign(count, seed, rounding);
            int tenth = rounding == SplitRounding.TenthRoundedUp ? (count + 9) / 10 : count / 10;
            int expectedTest = Math.Min(tenth, count);
            int expectedValidation = Math.Min(tenth, count - expectedTest);
            int test = parts.Count(p => p == SplitPart.Test);
            int validation = parts.Count(p => p == SplitPart.Validation);
            return parts.Length == count && test == expectedTest && validation == expectedValidation
                && parts.Count(p => p == SplitPart.Train) == count - expectedTest - expectedValidation;
        });
}
