using TopoPool.Chemistry.Proteins;

namespace TopoPool.Chemistry.Featurization;

/// <summary>
/// 27 residue features: amino acid one-hot over the 20 standard residues plus unknown (21), Kyte–Doolittle
/// hydrophobicity mapped from [-4.5, 4.5] to [0, 1] (1), side-chain charge at pH 7 (1), polar side chain (1),
/// secondary structure one-hot helix / sheet / coil (3). See <see cref="AminoAcid"/> for the values.
/// </summary>
[ResidueFeaturizer]
public static partial class ResidueFeatures
{
    [OneHot(
        nameof(Residue.Name),
        "ALA", "ARG", "ASN", "ASP", "CYS", "GLN", "GLU", "GLY", "HIS", "ILE",
        "LEU", "LYS", "MET", "PHE", "PRO", "SER", "THR", "TRP", "TYR", "VAL",
        Unknown = UnknownValues.ExtraSlot)]
    public static partial FeatureSlot AminoAcid { get; }

    [Scalar(nameof(Residue.Hydrophobicity), Min = -4.5, Max = 4.5)]
    public static partial FeatureSlot Hydrophobicity { get; }

    [Scalar(nameof(Residue.ChargeAtPh7))]
    public static partial FeatureSlot Charge { get; }

    [Flag(nameof(Residue.IsPolar))]
    public static partial FeatureSlot Polar { get; }

    [OneHot(nameof(Residue.SecondaryStructure), SecondaryStructure.Helix, SecondaryStructure.Sheet, SecondaryStructure.Coil)]
    public static partial FeatureSlot Structure { get; }
}
