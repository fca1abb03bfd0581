namespace TopoPool.Training.Data;

/// <summary>The part of a split a graph is assigned to.</summary>
public enum SplitPart
{
    Train,
    Validation,
    Test,
}
