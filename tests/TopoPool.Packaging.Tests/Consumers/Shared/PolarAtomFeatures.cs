using TopoPool.Chemistry;
using TopoPool.Chemistry.Featurization;

namespace Consumer;

/// <summary>A featurizer declared by a package user: the generator in the TopoPool.Chemistry package writes the rest.</summary>
[AtomFeaturizer]
public static partial class PolarAtomFeatures
{
    [OneHot(nameof(Atom.Symbol), "C", "N", "O", Unknown = UnknownValues.ExtraSlot)]
    public static partial FeatureSlot Element { get; }

    [Flag(nameof(Atom.IsAromatic))]
    public static partial FeatureSlot Aromatic { get; }

    [Scalar(nameof(Atom.TotalHydrogens), Min = 0, Max = 4)]
    public static partial FeatureSlot Hydrogens { get; }
}
