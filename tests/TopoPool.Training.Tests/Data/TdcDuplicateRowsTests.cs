using TopoPool.Testing;
using TopoPool.Training.Data;
using Xunit;

namespace TopoPool.Training.Tests.Data;

/// <summary>The authors' handling of repeated molecules (every row kept, each with its molecule's mean label) and ours (merged).</summary>
public class TdcDuplicateRowsTests
{
    private static string MixedTable(TemporaryFolder temp) => temp.Write(
        "duplicates.csv",
        "Drug_ID,Drug,Y\n" +
        "a,CCO,1.0\n" +
        "b,CCN,2.0\n" +
        "c,CCO,5.0\n" +
        "d,CCO.Cl,9.0\n" +         // the same molecule after salt stripping (longest fragment CCO): shares the mean of a, c and d
        "e,CCCl,3.0\n");

    [Fact]
    public void By_default_every_row_stays_and_repeated_molecules_share_their_mean_label()
    {
        using var temp = new TemporaryFolder();
        GraphDataset data = TdcDatasetReader.Read(MixedTable(temp));

        Assert.Equal(["a", "b", "c", "d", "e"], data.Samples.Select(s => s.Id));
        Assert.Equal([5.0, 2.0, 5.0, 5.0, 3.0], data.Samples.Select(s => s.Target));
        Assert.All(data.Samples, s => Assert.Equal(1, s.SourceRowCount));
        Assert.Contains(data.Warnings, w => w.Contains("3 rows repeat a molecule", StringComparison.Ordinal));
    }

    [Fact]
    public void Merging_makes_one_sample_per_written_smiles()
    {
        using var temp = new TemporaryFolder();
        GraphDataset data = TdcDatasetReader.Read(MixedTable(temp), duplicates: DuplicateRows.MergeIntoOne);

        Assert.Equal(["a", "b", "d", "e"], data.Samples.Select(s => s.Id));
        Assert.Equal([3.0, 2.0, 9.0, 3.0], data.Samples.Select(s => s.Target));
        Assert.Equal([2, 1, 1, 1], data.Samples.Select(s => s.SourceRowCount));
    }

    [Theory]
    [InlineData("caco2_wang", 910, 906)]
    [InlineData("ppbr_az", 2790, 1797)]
    public void The_shared_tables_keep_every_row_as_the_authors_did(string stem, int rows, int distinct)
    {
        GraphDataset data = TdcDatasetReader.Read(SharedFolder.Path("data", "tdc", stem + ".csv"));

        Assert.Equal(rows, data.Count);
        Assert.Equal(distinct, data.Samples.Select(s => s.Smiles).Distinct().Count());
        foreach (var molecule in data.Samples.GroupBy(s => s.Smiles))
            Assert.Single(molecule.Select(s => s.Target).Distinct());
    }
}
