namespace TopoPool.Generators.Model;

/// <summary>How a scalar feature rescales its value.</summary>
internal enum ScalarScaling
{
    /// <summary><c>(value - First) * Second</c>; First = 0 and Second = 1 leave the value as it is.</summary>
    CenterScale,

    /// <summary><c>(value - First) / Second</c> with First = Min and Second = Max - Min.</summary>
    MinMax,
}
