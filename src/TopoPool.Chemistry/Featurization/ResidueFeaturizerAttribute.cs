namespace TopoPool.Chemistry.Featurization;

/// <summary>
/// Marks a partial type as a residue featurizer: like <see cref="AtomFeaturizerAttribute"/>, for residues.
/// The residue type is <see cref="Proteins.Residue"/> unless another is given; the whole-protein methods are
/// generated for <see cref="Proteins.Protein"/> (or <see cref="ProteinType"/>: any type with a
/// <c>Residues</c> list and, for <c>ToGraph</c>, a <c>ToGraph(FeatureMatrix)</c> method).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class ResidueFeaturizerAttribute : Attribute
{
    /// <summary>A featurizer of <see cref="Proteins.Residue"/>.</summary>
    public ResidueFeaturizerAttribute()
    {
    }

    /// <summary>A featurizer of another residue type: the features read that type's properties.</summary>
    public ResidueFeaturizerAttribute(Type residueType)
    {
        ResidueType = residueType;
    }

    /// <summary>The type whose properties the features read; <see cref="Proteins.Residue"/> when null.</summary>
    public Type? ResidueType { get; }

    /// <summary>The protein type whose <c>Residues</c> the whole-protein methods featurize.</summary>
    public Type? ProteinType { get; set; }
}
