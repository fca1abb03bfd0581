namespace TopoPool.Chemistry.Featurization;

/// <summary>
/// The 39 atom features of TDC's <c>smiles2PyG</c> that the paper's Caco2 and PPBR runs use (BENCHMARK.md):
/// element one-hot over 22 symbols plus unknown (23), degree 0-5 with larger degrees in the last column (6),
/// formal charge in the order -1 -2 1 2 0 with any other charge in the last column, the "0" one (5), chiral tag
/// 0-3 (4), aromatic flag (1). TDC's <c>one_of_k_encoding_unk</c> sends unlisted values to the last listed
/// value, which is what <see cref="UnknownValues.LastSlot"/> does.
/// </summary>
[AtomFeaturizer]
public static partial class TdcAtomFeatures
{
    [OneHot(
        nameof(Atom.Symbol),
        "C", "N", "O", "S", "F", "Si", "P", "Cl", "Br", "Mg", "Na", "Ca", "Fe", "Al", "I", "B", "K", "Se", "Zn", "H", "Cu", "Mn",
        Unknown = UnknownValues.ExtraSlot)]
    public static partial FeatureSlot Element { get; }

    [OneHot(nameof(Atom.Degree), 0, 1, 2, 3, 4, 5, Unknown = UnknownValues.LastSlot)]
    public static partial FeatureSlot Degree { get; }

    [OneHot(nameof(Atom.FormalCharge), -1, -2, 1, 2, 0, Unknown = UnknownValues.LastSlot)]
    public static partial FeatureSlot FormalCharge { get; }

    [OneHot(nameof(Atom.ChiralTag), 0, 1, 2, 3, Unknown = UnknownValues.LastSlot)]
    public static partial FeatureSlot ChiralTag { get; }

    [Flag(nameof(Atom.IsAromatic))]
    public static partial FeatureSlot Aromatic { get; }
}
