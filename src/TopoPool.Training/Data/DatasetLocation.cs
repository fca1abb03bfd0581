namespace TopoPool.Training.Data;

/// <summary>Where <see cref="DatasetLocator.Locate"/> found a dataset.</summary>
public sealed class DatasetLocation
{
    public DatasetLocation(string name, DatasetSourceKind kind, string? path, IReadOnlyList<string> searched)
    {
        Name = name;
        Kind = kind;
        Path = path;
        Searched = searched;
    }

    /// <summary>The canonical name (<c>MUTAG</c>, <c>Caco2_Wang</c>, ...).</summary>
    public string Name { get; }

    public DatasetSourceKind Kind { get; }

    /// <summary>The folder (TU, benchmark group) or file (TDC table) found; null for the synthetic set.</summary>
    public string? Path { get; }

    /// <summary>The places tried before (and including) the one found.</summary>
    public IReadOnlyList<string> Searched { get; }

    public override string ToString() => Path is null ? $"{Name} ({Kind})" : $"{Name} ({Kind}): {Path}";
}
