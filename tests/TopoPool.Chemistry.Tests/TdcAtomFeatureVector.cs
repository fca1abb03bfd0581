namespace TopoPool.Chemistry.Tests;

/// <summary>
/// The 39 TDC atom features of BENCHMARK.md, written by hand for the tests (the generated <c>TdcAtomFeatures</c>
/// will replace it): element one-hot (22 + unknown), degree 0..5 (larger in the last slot), formal charge
/// -1 -2 1 2 0 (others in the last slot), chiral tag 0..3, aromatic flag.
/// </summary>
internal static class TdcAtomFeatureVector
{
    public const int Width = 39;

    private static readonly string[] Elements =
        ["C", "N", "O", "S", "F", "Si", "P", "Cl", "Br", "Mg", "Na", "Ca", "Fe", "Al", "I", "B", "K", "Se", "Zn", "H", "Cu", "Mn"];

    private static readonly int[] Charges = [-1, -2, 1, 2, 0];

    public static void Write(Atom atom, Span<float> features)
    {
        features.Slice(0, Width).Clear();
        int element = Array.IndexOf(Elements, atom.Symbol);
        features[element >= 0 ? element : 22] = 1;
        features[23 + Math.Min(atom.Degree, 5)] = 1;
        int charge = Array.IndexOf(Charges, atom.FormalCharge);
        features[29 + (charge >= 0 ? charge : 4)] = 1;
        features[34 + Math.Clamp(atom.ChiralTag, 0, 3)] = 1;
        features[38] = atom.IsAromatic ? 1 : 0;
    }

    public static float[] Of(Atom atom)
    {
        var row = new float[Width];
        Write(atom, row);
        return row;
    }
}
