using Xunit;

namespace TopoPool.Cli.Tests.Commands;

public class DatasetErrorTests
{
    [Fact]
    public void A_missing_dataset_says_where_it_looked_and_where_to_download_it()
    {
        var nowhere = Directory.CreateTempSubdirectory("topopool-empty").FullName;
        var result = CliProcess.Run(null, "train", "--dataset", "PROTEINS", "--data-dir", nowhere);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{nowhere}/PROTEINS/PROTEINS_A.txt", result.StandardError);
        Assert.Contains("https://chrsmrrs.github.io/datasets/", result.StandardError);
        Assert.DoesNotContain("Exception", result.StandardError);
    }

    [Fact]
    public void A_csv_without_a_label_column_is_named_with_its_line()
    {
        var folder = Directory.CreateTempSubdirectory("topopool-badcsv").FullName;
        File.WriteAllLines(Path.Combine(folder, "caco2_wang.csv"), ["Drug_ID,Drug", "a,CCO"]);
        var result = CliProcess.Run(null, "train", "--dataset", "Caco2_Wang", "--data-dir", folder);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: caco2_wang.csv line 1: missing column 'Y'", result.StandardError);
    }
}
