using FsCheck;
using FsCheck.Fluent;
using TopoPool.Chemistry.Tables;
using TopoPool.Testing;
using TopoPool.Training.Data;
using Xunit;

namespace TopoPool.Training.Tests.Data;

/// <summary>TDC's scaffold split procedure on scaffold keys, and on the Caco2 and PPBR train_val sets.</summary>
public class ScaffoldSplitTests
{
    [Fact]
    public void Sizes_follow_floor_of_the_fractions_and_groups_stay_whole()
    {
        // 40 items in groups of 1..4 rows.
        string[] keys = Enumerable.Range(0, 40).Select(i => $"s{i % 13}").ToArray();
        ScaffoldAssignment split = ScaffoldSplit.Assign(keys, null, seed: 3);

        Assert.Equal(40, split.TotalRows);
        Assert.Equal(35, split.TrainSize);
        Assert.Equal(5, split.ValidationSize);
        Assert.Equal(13, split.GroupCount);
        Assert.Empty(split.Test);
        Assert.True(split.Train.Length <= 35);
        Assert.Equal(40, split.Train.Length + split.Validation.Length);
        Assert.Empty(split.Train.Select(i => keys[i]).Intersect(split.Validation.Select(i => keys[i])));
    }

    [Fact]
    public void Train_is_filled_greedily_so_no_validation_group_would_have_fitted_in_train()
    {
        string[] keys = Enumerable.Range(0, 200).Select(i => $"s{(i * 7) % 31}").ToArray();
        ScaffoldAssignment split = ScaffoldSplit.Assign(keys, null, seed: 11);

        int room = split.TrainSize - split.Train.Length;
        // Every validation group was too big for the room train had left when it was placed; the room only shrinks,
        // so each is larger than the room left at the end.
        foreach (var group in split.Validation.GroupBy(i => keys[i]))
        {
            Assert.True(group.Count() > room);
        }
    }

    [Fact]
    public void Weights_count_as_rows()
    {
        string[] keys = ["a", "b", "c", "d"];
        int[] rows = [5, 1, 1, 1];
        ScaffoldAssignment split = ScaffoldSplit.Assign(keys, rows, seed: 1);

        Assert.Equal(8, split.TotalRows);
        Assert.Equal(7, split.TrainSize);
        Assert.Equal(1, split.ValidationSize);
        Assert.Equal(7, split.Train.Sum(i => rows[i]));
    }

    [Fact]
    public void A_three_way_split_fills_train_then_validation_then_test()
    {
        string[] keys = Enumerable.Range(0, 100).Select(i => $"k{i % 50}").ToArray();
        ScaffoldAssignment split = ScaffoldSplit.Assign(keys, null, seed: 42, trainFraction: 0.7, validationFraction: 0.1);

        Assert.Equal(70, split.TrainSize);
        Assert.Equal(10, split.ValidationSize);
        Assert.Equal(70, split.Train.Length);
        Assert.Equal(10, split.Validation.Length);
        Assert.Equal(20, split.Test.Length);
        SplitPart[] parts = split.PartOfEach();
        Assert.All(keys.Select((k, i) => (k, i)).GroupBy(p => p.k), g => Assert.Single(g.Select(p => parts[p.i]).Distinct()));
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property No_scaffold_is_in_two_parts_and_every_item_is_placed_once() =>
        Prop.ForAll(
            Gen.ArrayOf(Gen.Choose(0, 25)).ToArbitrary(),
            Gen.Choose(0, 1000).ToArbitrary(),
            (groups, seed) =>
            {
                string[] keys = groups.Select(g => g == 0 ? "" : $"scaffold{g}").ToArray();
                ScaffoldAssignment split = ScaffoldSplit.Assign(keys, null, seed);
                var trainKeys = split.Train.Select(i => keys[i]).ToHashSet();
                bool disjoint = !split.Validation.Any(i => trainKeys.Contains(keys[i]));
                bool complete = split.Train.Concat(split.Validation).Order().SequenceEqual(Enumerable.Range(0, keys.Length));
                bool deterministic = ScaffoldSplit.Assign(keys, null, seed).Train.SequenceEqual(split.Train);
                return disjoint && complete && deterministic && split.Train.Length <= split.TrainSize;
            });

    [Theory]
    [InlineData("caco2_wang", "Caco2_Wang", 637, 91)]
    [InlineData("ppbr_az", "PPBR_AZ", 1952, 279)]
    public void The_real_train_val_sets_split_about_seven_to_one_without_shared_scaffolds(string stem, string name, int trainRowsSeen, int validationRowsSeen)
    {
        BenchmarkDataset data = TdcDatasetReader.ReadBenchmarkGroup(SharedFolder.Path("data", "tdc", "admet_group_reconstructed", stem), name);
        GraphDataset pool = data.SplitGraphs;
        int rows = pool.Samples.Sum(s => s.SourceRowCount);

        var trainSets = new List<string[]>();
        foreach (int seed in Enumerable.Range(1, 10))
        {
            DatasetSplit split = data.Split(seed);
            Assert.Same(data.FixedTest, split.Test);
            Assert.Equal(pool.Count, split.Train.Count + split.Validation.Count);
            var trainScaffolds = split.Train.Samples.Select(s => s.ScaffoldKey!).ToHashSet();
            Assert.DoesNotContain(split.Validation.Samples, s => trainScaffolds.Contains(s.ScaffoldKey!));

            int trainRows = split.Train.Samples.Sum(s => s.SourceRowCount);
            int validationRows = split.Validation.Samples.Sum(s => s.SourceRowCount);
            Assert.True(trainRows <= Math.Floor(0.875 * rows));
            Assert.Equal((trainRowsSeen, validationRowsSeen), (trainRows, validationRows)); // train filled to floor(0.875 n) exactly
            double ratio = (double)trainRows / validationRows;
            Assert.InRange(ratio, 6.0, 8.2);
            trainSets.Add(split.Train.Samples.Select(s => s.Id).Order().ToArray());

            DatasetSplit again = data.Split(seed);
            Assert.Equal(split.Train.Samples.Select(s => s.Id), again.Train.Samples.Select(s => s.Id));
            Assert.Equal(split.Validation.Samples.Select(s => s.Id), again.Validation.Samples.Select(s => s.Id));
        }

        Assert.Equal(10, trainSets.Select(t => string.Join("|", t)).Distinct().Count());
    }

    [Theory]
    [InlineData("caco2_wang", 906, 450)]
    [InlineData("ppbr_az", 1797, 1165)]
    public void Scaffold_groups_are_the_groups_of_rdkits_murcko_scaffolds(string stem, int molecules, int scaffolds)
    {
        // rows.csv (shared data) holds RDKit's Murcko scaffold SMILES of every row; our keys are spelled differently,
        // but must group the molecules exactly as RDKit's do.
        var rdkitScaffoldOf = new Dictionary<string, string>();
        using (var rows = DelimitedTable.Open(Path.Combine(SharedFolder.Path("data", "tdc", "admet_group_reconstructed", stem), "rows.csv")))
        {
            int drug = rows.ColumnIndex("Drug"), scaffold = rows.ColumnIndex("scaffold");
            foreach (TableRecord row in rows.Read())
            {
                Assert.True(row.IsValid, row.Describe(rows.Source));
                rdkitScaffoldOf[row.Values[drug]] = row.Values[scaffold];
            }
        }

        GraphDataset all = TdcDatasetReader.Read(SharedFolder.Path("data", "tdc", stem + ".csv"), duplicates: DuplicateRows.MergeIntoOne);
        var pairs = all.Samples.Select(s => (Rdkit: rdkitScaffoldOf[s.Smiles!], Ours: s.ScaffoldKey!)).ToList();

        Assert.Equal(molecules, pairs.Count);
        Assert.Equal(scaffolds, pairs.Select(p => p.Rdkit).Distinct().Count());
        Assert.Equal(scaffolds, pairs.Select(p => p.Ours).Distinct().Count());
        Assert.Equal(scaffolds, pairs.Distinct().Count());
        Assert.All(pairs.Where(p => p.Rdkit.Length == 0), p => Assert.Equal("", p.Ours));
    }
}
