namespace TopoPool.Training.Data;

/// <summary>
/// A dataset that is not where it was looked for. The message lists every place searched and where the
/// dataset can be downloaded.
/// </summary>
public sealed class DatasetNotFoundException : Exception
{
    public DatasetNotFoundException(string datasetName, IReadOnlyList<string> searchedPaths, string downloadHint)
        : base(Describe(datasetName, searchedPaths, downloadHint))
    {
        DatasetName = datasetName;
        SearchedPaths = searchedPaths;
        DownloadHint = downloadHint;
    }

    public string DatasetName { get; }

    /// <summary>The files and folders that were tried, in the order they were tried.</summary>
    public IReadOnlyList<string> SearchedPaths { get; }

    public string DownloadHint { get; }

    private static string Describe(string datasetName, IReadOnlyList<string> searchedPaths, string downloadHint)
    {
        var text = new System.Text.StringBuilder();
        text.Append("dataset '").Append(datasetName).Append("' was not found. Looked for:");
        foreach (string path in searchedPaths)
        {
            text.Append(Environment.NewLine).Append("  ").Append(path);
        }

        text.Append(Environment.NewLine).Append(downloadHint);
        return text.ToString();
    }
}
