namespace TopoPool.Training.OwnData;

/// <summary>How a table is divided into training, validation and test molecules for each seed.</summary>
public enum SplitMethod
{
    /// <summary>Shuffled by the seed, then cut by the split sizes.</summary>
    Random = 0,

    /// <summary>Bemis–Murcko scaffold groups, shuffled by the seed, assigned whole (TDC's procedure, as the benchmark's).</summary>
    Scaffold = 1,
}
