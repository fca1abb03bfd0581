namespace TopoPool.Chemistry;

/// <summary>
/// The periodic-table facts the reader needs, indexed by atomic number (0 is the wildcard "*"). Valence lists,
/// outer-shell electron counts and most common isotopes are the values RDKit uses, so that implicit hydrogens,
/// valence errors and aromaticity agree with it; a valence list ending in -1 accepts any higher valence.
/// </summary>
internal static class ChemicalElements
{
    public const int Count = 119;

    private static readonly int[] AnyValence = [-1];

    public static readonly string[] Symbols =
    [
        "*", "H", "He", "Li", "Be", "B", "C", "N", "O", "F",
        "Ne", "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar", "K",
        "Ca", "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu",
        "Zn", "Ga", "Ge", "As", "Se", "Br", "Kr", "Rb", "Sr", "Y",
        "Zr", "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In",
        "Sn", "Sb", "Te", "I", "Xe", "Cs", "Ba", "La", "Ce", "Pr",
        "Nd", "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm",
        "Yb", "Lu", "Hf", "Ta", "W", "Re", "Os", "Ir", "Pt", "Au",
        "Hg", "Tl", "Pb", "Bi", "Po", "At", "Rn", "Fr", "Ra", "Ac",
        "Th", "Pa", "U", "Np", "Pu", "Am", "Cm", "Bk", "Cf", "Es",
        "Fm", "Md", "No", "Lr", "Rf", "Db", "Sg", "Bh", "Hs", "Mt",
        "Ds", "Rg", "Cn", "Nh", "Fl", "Mc", "Lv", "Ts", "Og",
    ];

    public static readonly int[] OuterElectrons =
    [
        0, 1, 2, 1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 7, 8, 1,
        2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3,
        4, 5, 6, 7, 8, 9, 10, 11, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 3,
        4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 4, 5, 6, 7, 8, 9, 10, 11,
        2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 3, 4, 5, 6, 7, 8, 9, 10, 11,
        12, 13, 14, 15, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    ];

    public static readonly int[] MostCommonIsotope =
    [
        0, 1, 4, 7, 9, 11, 12, 14, 16, 19, 20, 23, 24, 27, 28, 31, 32, 35, 40, 39,
        40, 45, 48, 50, 52, 55, 56, 59, 58, 63, 64, 69, 74, 75, 80, 79, 84, 85, 88, 89,
        90, 93, 98, 97, 102, 103, 106, 107, 114, 115, 120, 121, 130, 127, 132, 133, 138, 139, 140, 141,
        142, 145, 152, 153, 158, 159, 164, 165, 166, 169, 174, 175, 180, 181, 184, 187, 192, 193, 195, 197,
        202, 205, 208, 209, 209, 210, 211, 223, 223, 227, 232, 231, 238, 236, 238, 241, 243, 247, 249, 252,
        257, 258, 259, 262, 267, 268, 271, 270, 269, 278, 281, 281, 285, 284, 289, 288, 293, 292, 294,
    ];

    public static readonly int[][] Valences =
    [
        AnyValence,
        [1],
        [0],
        [1],
        [2],
        [3],
        [4],
        [3],
        [2],
        [1],
        [0],
        [1],
        [2, -1],
        [3, 6],
        [4, 6],
        [3, 5, 7],
        [2, 4, 6],
        [1],
        [0],
        [1],
        [2, -1],
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        [3],
        [4],
        [3, 5, 7],
        [2, 4, 6],
        [1],
        [0],
        [1],
        [2, -1],
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        [3],
        [2, 4],
        [3, 5, 7],
        [2, 4, 6],
        [1, 3, 5],
        [0, 2, 4, 6],
        [1],
        [2, -1],
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        [3],
        [2, 4],
        [3, 5, 7],
        [2, 4, 6],
        [1, 3, 5],
        [0],
        [1],
        [2, -1],
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
        AnyValence,
    ];

    private static readonly Dictionary<string, int> BySymbol = BuildSymbolTable();
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> BySymbolSpan =
        BySymbol.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The atomic number of a capitalised element symbol, or -1.</summary>
    public static int AtomicNumber(ReadOnlySpan<char> symbol) => BySymbolSpan.TryGetValue(symbol, out int z) ? z : -1;

    public static int DefaultValence(int atomicNumber) => Valences[atomicNumber][0];

    /// <summary>The largest listed valence, or -1 when any valence is accepted.</summary>
    public static int MaxValence(int atomicNumber)
    {
        int[] list = Valences[atomicNumber];
        return list[^1];
    }

    /// <summary>RDKit's ordering: more outer electrons is more electronegative, then the lighter element.</summary>
    public static bool MoreElectronegative(int first, int second)
    {
        int a = OuterElectrons[first], b = OuterElectrons[second];
        return a > b || (a == b && first < second);
    }

    private static Dictionary<string, int> BuildSymbolTable()
    {
        var table = new Dictionary<string, int>(Count, StringComparer.Ordinal);
        for (int z = 1; z < Count; z++)
        {
            table[Symbols[z]] = z;
        }

        return table;
    }
}
