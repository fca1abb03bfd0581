using TopoPool.Testing;
using TopoPool.Training.Data;
using Xunit;

namespace TopoPool.Training.Tests.Data;

/// <summary>Finding datasets by name under a data root, in a dataset folder, or nowhere.</summary>
public class DatasetLocatorTests
{
    [Theory]
    [InlineData("MUTAG", "MUTAG", DatasetSourceKind.TuFolder, "tu/MUTAG")]
    [InlineData("proteins", "PROTEINS", DatasetSourceKind.TuFolder, "tu/PROTEINS")]
    [InlineData("Enzymes", "ENZYMES", DatasetSourceKind.TuFolder, "tu/ENZYMES")]
    [InlineData("caco2_wang", "Caco2_Wang", DatasetSourceKind.TdcBenchmarkGroup, "tdc/admet_group_reconstructed/caco2_wang")]
    [InlineData("PPBR_AZ", "PPBR_AZ", DatasetSourceKind.TdcBenchmarkGroup, "tdc/admet_group_reconstructed/ppbr_az")]
    public void Names_are_found_under_the_shared_data_root_ignoring_case(string name, string canonical, DatasetSourceKind kind, string relative)
    {
        DatasetLocation location = DatasetLocator.Locate(name, SharedFolder.Path("data"));

        Assert.Equal(canonical, location.Name);
        Assert.Equal(kind, location.Kind);
        Assert.Equal(Path.GetFullPath(Path.Combine(SharedFolder.Path("data"), relative)), Path.GetFullPath(location.Path!));
    }

    [Fact]
    public void Synthetic_needs_no_files()
    {
        DatasetLocation location = DatasetLocator.Locate("SYNTHETIC", "/nonexistent");
        BenchmarkDataset data = DatasetLocator.Load("synthetic", null, new SyntheticMotifOptions { GraphCount = 50 });

        Assert.Equal(DatasetSourceKind.Synthetic, location.Kind);
        Assert.Null(location.Path);
        Assert.Equal(50, data.SplitGraphs.Count);
        Assert.Equal(SplitProtocol.RandomTestValidationTrain, data.Protocol);
        Assert.Equal((40, 5, 5), (data.Split(1, SplitRounding.TenthRoundedDown).Train.Count, data.Split(1).Validation.Count, data.Split(1).Test.Count));
    }

    [Fact]
    public void The_dataset_folder_itself_may_be_given()
    {
        Assert.Equal(DatasetSourceKind.TuFolder, DatasetLocator.Locate("MUTAG", SharedFolder.Path("data", "tu", "MUTAG")).Kind);
        Assert.Equal(DatasetSourceKind.TuFolder, DatasetLocator.Locate("MUTAG", Path.Combine(SharedFolder.Path("data"), "tu")).Kind);

        DatasetLocation group = DatasetLocator.Locate("Caco2_Wang", SharedFolder.Path("data", "tdc", "admet_group_reconstructed", "caco2_wang"));
        Assert.Equal(DatasetSourceKind.TdcBenchmarkGroup, group.Kind);

        DatasetLocation table = DatasetLocator.Locate("Caco2_Wang", Path.Combine(SharedFolder.Path("data"), "tdc", "original", "dionizijefa_AI4EU-MoleculeTrainer"));
        Assert.Equal(DatasetSourceKind.TdcTable, table.Kind);
        Assert.EndsWith("caco2_wang.csv", table.Path);
    }

    [Fact]
    public void An_admet_group_download_is_preferred_to_a_single_table_and_pyg_raw_folders_are_found()
    {
        using var temp = new TemporaryFolder();
        temp.Write("caco2_wang.csv", "Drug_ID,Drug,Y\na,CCO,1\n");
        temp.Write("admet_group/caco2_wang/train_val.csv", "Drug_ID,Drug,Y\na,CCO,1\n");
        temp.Write("admet_group/caco2_wang/test.csv", "Drug_ID,Drug,Y\nb,CCN,1\n");
        temp.Write("Mutag/raw/MUTAG_A.txt", "1, 2\n");

        DatasetLocation caco2 = DatasetLocator.Locate("Caco2_Wang", temp.Path);
        DatasetLocation mutag = DatasetLocator.Locate("MUTAG", temp.Path);

        Assert.Equal(DatasetSourceKind.TdcBenchmarkGroup, caco2.Kind);
        Assert.Equal(Path.Combine(temp.Path, "admet_group", "caco2_wang"), caco2.Path);
        Assert.Equal(Path.Combine(temp.Path, "Mutag", "raw"), mutag.Path);
    }

    [Fact]
    public void A_single_table_is_loaded_with_a_derived_test_split()
    {
        using var temp = new TemporaryFolder();
        File.Copy(SharedFolder.Path("data", "tdc", "caco2_wang.csv"), Path.Combine(temp.Path, "Caco2_Wang.csv"));

        BenchmarkDataset data = DatasetLocator.Load("caco2_wang", temp.Path, duplicates: DuplicateRows.MergeIntoOne);

        Assert.Equal("Caco2_Wang", data.Name);
        Assert.Equal(SplitProtocol.FixedTestScaffoldValidation, data.Protocol);
        Assert.Equal(906, data.SplitGraphs.Count + data.FixedTest!.Count);
        Assert.Contains(data.Warnings, w => w.Contains("no benchmark-group test split"));
    }

    [Fact]
    public void Loading_a_tu_set_gives_the_random_protocol()
    {
        BenchmarkDataset mutag = DatasetLocator.Load("mutag", SharedFolder.Path("data"));

        Assert.Equal("MUTAG", mutag.Name);
        Assert.Equal(188, mutag.SplitGraphs.Count);
        Assert.Null(mutag.FixedTest);
        Assert.Equal(EvaluationMetric.Accuracy, mutag.Metric);
        Assert.Equal(7, mutag.NodeFeatureWidth);
        Assert.Equal(19, mutag.Split(3).Test.Count); // the authors' (n + 9) // 10
        Assert.Equal(18, mutag.Split(3, SplitRounding.TenthRoundedDown).Test.Count);
    }

    [Fact]
    public void Loading_ppbr_uses_the_all_species_benchmark_group()
    {
        BenchmarkDataset ppbr = DatasetLocator.Load("PPBR_AZ", SharedFolder.Path("data"));

        Assert.Equal(2231, ppbr.SplitGraphs.Samples.Sum(s => s.SourceRowCount));
        Assert.Equal(559, ppbr.FixedTest!.Samples.Sum(s => s.SourceRowCount));
        Assert.Equal(EvaluationMetric.MeanAbsoluteError, ppbr.Metric);
    }

    [Fact]
    public void A_missing_tu_dataset_lists_every_place_tried_and_the_download_site()
    {
        using var temp = new TemporaryFolder();

        var error = Assert.Throws<DatasetNotFoundException>(() => DatasetLocator.Locate("ENZYMES", temp.Path));

        Assert.Equal("ENZYMES", error.DatasetName);
        Assert.Contains(Path.Combine(temp.Path, "ENZYMES", "ENZYMES_A.txt"), error.SearchedPaths);
        Assert.Contains(Path.Combine(temp.Path, "tu", "ENZYMES", "ENZYMES_A.txt"), error.SearchedPaths);
        Assert.All(error.SearchedPaths, p => Assert.Contains(p, error.Message));
        Assert.Contains("https://chrsmrrs.github.io/datasets/", error.Message);
    }

    [Fact]
    public void A_missing_tdc_dataset_lists_every_place_tried_and_the_download_site()
    {
        using var temp = new TemporaryFolder();

        var error = Assert.Throws<DatasetNotFoundException>(() => DatasetLocator.Locate("PPBR_AZ", temp.Path));

        Assert.Contains(Path.Combine(temp.Path, "tdc", "ppbr_az.csv"), error.SearchedPaths);
        Assert.Contains(Path.Combine(temp.Path, "tdc", "admet_group_reconstructed", "ppbr_az", "train_val.csv") + " + test.csv", error.SearchedPaths);
        Assert.Contains("https://tdcommons.ai/", error.Message);
        Assert.StartsWith("dataset 'PPBR_AZ' was not found. Looked for:", error.Message);
    }

    [Fact]
    public void An_unknown_name_is_looked_for_as_a_tu_dataset_and_the_message_lists_the_known_names()
    {
        using var temp = new TemporaryFolder();
        var error = Assert.Throws<DatasetNotFoundException>(() => DatasetLocator.Locate("NCI1", temp.Path));
        Assert.Contains("synthetic, MUTAG, PROTEINS, ENZYMES, Caco2_Wang, PPBR_AZ", error.Message);

        temp.Write("NCI1/NCI1_A.txt", "1, 2\n2, 1\n");
        temp.Write("NCI1/NCI1_graph_indicator.txt", "1\n1\n");
        temp.Write("NCI1/NCI1_graph_labels.txt", "0\n");
        BenchmarkDataset nci1 = DatasetLocator.Load("nci1", temp.Path);
        Assert.Equal(1, nci1.SplitGraphs.Count);
        Assert.Equal(1, nci1.NodeFeatureWidth); // no node labels: one constant feature
    }
}
