namespace TopoPool.Chemistry.Featurization;

/// <summary>
/// Marks a partial type as an atom featurizer. Its <c>static partial FeatureSlot</c> properties carry
/// <see cref="OneHotAttribute"/>, <see cref="FlagAttribute"/> or <see cref="ScalarAttribute"/>, in column order;
/// the TopoPool featurizer generator writes the rest: <c>Width</c>, <c>FeatureNames</c>, <c>Slots</c>,
/// <c>WriteFeatures(atom, destination)</c>, <c>Featurize(...)</c>, <c>ToFeatureMatrix(...)</c> and <c>ToGraph(molecule)</c>.
/// </summary>
/// <remarks>
/// The atom type is <see cref="Atom"/> unless another is given; the molecule methods are generated for
/// <see cref="Molecule"/> (or <see cref="MoleculeType"/>: any type with an <c>Atoms</c> list and, for
/// <c>ToGraph</c>, a <c>ToGraph(FeatureMatrix)</c> method).
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class AtomFeaturizerAttribute : Attribute
{
    /// <summary>A featurizer of <see cref="Atom"/>.</summary>
    public AtomFeaturizerAttribute()
    {
    }

    /// <summary>A featurizer of another atom type: the features read that type's properties.</summary>
    public AtomFeaturizerAttribute(Type atomType)
    {
        AtomType = atomType;
    }

    /// <summary>The type whose properties the features read; <see cref="Atom"/> when null.</summary>
    public Type? AtomType { get; }

    /// <summary>The molecule type whose <c>Atoms</c> the whole-molecule methods featurize.</summary>
    public Type? MoleculeType { get; set; }
}
