namespace TopoPool.Training.Data;

/// <summary>What kind of source <see cref="DatasetLocator"/> found for a dataset.</summary>
public enum DatasetSourceKind
{
    /// <summary>The built-in synthetic motif set; no files.</summary>
    Synthetic,

    /// <summary>A folder of TU Dortmund text files (<c>NAME_A.txt</c>, ...).</summary>
    TuFolder,

    /// <summary>A TDC benchmark-group folder with <c>train_val.csv</c> and <c>test.csv</c> (fixed test split).</summary>
    TdcBenchmarkGroup,

    /// <summary>A single TDC table (<c>name.csv</c>, <c>.tsv</c> or <c>.tab</c>) without a fixed test split.</summary>
    TdcTable,
}
