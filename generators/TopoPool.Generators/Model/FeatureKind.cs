namespace TopoPool.Generators.Model;

/// <summary>The declarative kind of one feature.</summary>
internal enum FeatureKind
{
    /// <summary>The attribute had a mistake (reported as TPxxx): the slot is emitted with no columns.</summary>
    Invalid,
    OneHot,
    Flag,
    Scalar,
}
