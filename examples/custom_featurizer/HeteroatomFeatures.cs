using TopoPool.Chemistry;
using TopoPool.Chemistry.Featurization;

namespace CustomFeaturizer;

/// <summary>
/// A small atom schema of our own: element one-hot over the usual heteroatoms (others in an extra slot), a ring
/// flag, an aromatic flag, and the hydrogen count scaled to [0, 1] over 0..4. The generator writes Width,
/// FeatureNames, the slots' offsets and widths, WriteFeatures, Featurize and ToGraph.
/// </summary>
[AtomFeaturizer]
public static partial class HeteroatomFeatures
{
    [OneHot(nameof(Atom.Symbol), "C", "N", "O", "S", "F", "Cl", Unknown = UnknownValues.ExtraSlot)]
    public static partial FeatureSlot Element { get; }

    [Flag(nameof(Atom.IsInRing))]
    public static partial FeatureSlot InRing { get; }

    [Flag(nameof(Atom.IsAromatic))]
    public static partial FeatureSlot Aromatic { get; }

    [Scalar(nameof(Atom.TotalHydrogens), Min = 0, Max = 4)]
    public static partial FeatureSlot Hydrogens { get; }
}
