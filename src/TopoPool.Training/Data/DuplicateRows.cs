namespace TopoPool.Training.Data;

/// <summary>What a molecule table's reader does with rows whose molecules are the same.</summary>
public enum DuplicateRows
{
    /// <summary>
    /// The authors' handling (their <c>utils/preprocess.py</c>): after salt stripping (the longest fragment), rows with the
    /// same SMILES all stay, each labelled with the mean of their labels. The benchmark's default.
    /// </summary>
    KeepEveryRowWithMeanLabel = 0,

    /// <summary>Rows with the same SMILES string, as written, become one sample with the mean label.</summary>
    MergeIntoOne = 1,
}
